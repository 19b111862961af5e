"use server";
// Server action of the set-up page: a thin adapter over lib/setup/industry-template.ts.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import type { Result } from "@/lib/errors";
import { applyIndustryTemplate } from "@/lib/setup/industry-template";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

export const applyIndustryTemplateAction = guardAction("applyIndustryTemplateAction", z.tuple([actionArg.code]), async (code: string): Promise<Result<{ template: string }>> => {
  const user = await requirePermission("admin.config");
  const result = await applyIndustryTemplate(user.actor, code);
  if (result.ok) revalidatePath("/", "layout");
  return result;
});
