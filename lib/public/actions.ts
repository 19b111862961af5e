"use server";
// Server action of the service-contact card on /admin/setup: a thin adapter over lib/public/service-contact.ts.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { requirePermission } from "@/lib/auth/session";
import type { Result } from "@/lib/errors";
import { updateServiceContact } from "@/lib/public/service-contact";

export const saveServiceContactAction = guardAction("saveServiceContactAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ hotline: string | null; version: string }>> => {
  const user = await requirePermission("admin.config");
  const result = await updateServiceContact(user.actor, input);
  if (!result.ok) return result;
  revalidatePath("/admin/setup");
  return { ok: true, hotline: result.contact.hotline, version: result.contact.updatedAt?.toISOString() ?? "" };
});
