// The one webhook setting: may targets be on loopback/private networks (see lib/webhooks/url-guard.ts)?
import "server-only";
import type { Db, Tx } from "@/lib/db";

export const ALLOW_PRIVATE_SETTING = "webhooks.allowPrivateNetworks";

export async function allowPrivateNetworks(client: Db | Tx): Promise<boolean> {
  const row = await client.setting.findUnique({ where: { key: ALLOW_PRIVATE_SETTING }, select: { value: true } });
  return row?.value === true;
}
