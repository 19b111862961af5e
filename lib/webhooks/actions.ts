"use server";
// Server actions of the webhook admin pages: thin adapters over lib/webhooks/service.ts.
import { actionArg, defineAction, type RevalidateTarget } from "@/lib/actions/define";
import {
  createWebhook,
  deleteWebhook,
  redeliver,
  setAllowPrivateNetworks,
  updateWebhook,
} from "@/lib/webhooks/service";

const PAGES: RevalidateTarget[] = [["/admin/webhooks", "layout"]];
const permission = "admin.webhooks" as const;

/** Returns the signing secret once; the list and edit pages never show it again. */
export const createWebhookAction = defineAction(
  { name: "createWebhookAction", permission, args: [actionArg.input], revalidate: PAGES },
  async (actor, input) => {
    const result = await createWebhook(actor, input);
    return result.ok ? { ok: true as const, id: result.webhook.id, secret: result.secret } : result;
  },
);

export const updateWebhookAction = defineAction(
  { name: "updateWebhookAction", permission, args: [actionArg.id, actionArg.input], revalidate: PAGES },
  (actor, id, input) => updateWebhook(actor, id, input),
);

export const deleteWebhookAction = defineAction(
  { name: "deleteWebhookAction", permission, args: [actionArg.id], revalidate: PAGES },
  (actor, id) => deleteWebhook(actor, id),
);

export const redeliverAction = defineAction(
  { name: "redeliverAction", permission, args: [actionArg.id], revalidate: PAGES },
  (actor, deliveryId) => redeliver(actor, deliveryId),
);

export const setAllowPrivateNetworksAction = defineAction(
  { name: "setAllowPrivateNetworksAction", permission, args: [actionArg.flag], revalidate: PAGES },
  (actor, allow) => setAllowPrivateNetworks(actor, allow),
);
