"use server";
// Server actions of the privacy admin page: thin adapters over lib/customers/privacy.ts.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import type { Result } from "@/lib/errors";
import { eraseCustomer, runRetentionNow, updateRetentionSettings } from "@/lib/customers/privacy";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

const PAGE = "/admin/privacy";

export const saveRetentionAction = guardAction("saveRetentionAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ months: number }>> => {
  const user = await requirePermission("admin.privacy");
  const result = await updateRetentionSettings(user.actor, input);
  if (!result.ok) return result;
  revalidatePath(PAGE);
  return { ok: true, months: result.settings.months };
});

export const runRetentionAction = guardAction("runRetentionAction", z.tuple([]), async (): Promise<Result<{ anonymised: number }>> => {
  const user = await requirePermission("admin.privacy");
  const result = await runRetentionNow(user.actor);
  revalidatePath(PAGE);
  return result;
});

export const eraseCustomerAction = guardAction("eraseCustomerAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ erased: true }>> => {
  const user = await requirePermission("admin.privacy");
  const result = await eraseCustomer(user.actor, input);
  if (!result.ok) return result;
  revalidatePath(PAGE);
  revalidatePath("/customers", "layout");
  return { ok: true, erased: true };
});
