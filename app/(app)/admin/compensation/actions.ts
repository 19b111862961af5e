"use server";
// Server action of the compensation settings page: a thin adapter over lib/compensation/config.ts.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import type { Result } from "@/lib/errors";
import { saveCompensationConfig } from "@/lib/compensation/config";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

export const saveCompensationConfigAction = guardAction("saveCompensationConfigAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ version: string }>> => {
  const user = await requirePermission("admin.config");
  const result = await saveCompensationConfig(user.actor, input);
  if (result.ok) revalidatePath("/admin/compensation");
  return result;
});
