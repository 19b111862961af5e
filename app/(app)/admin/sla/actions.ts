"use server";
// Server actions of the SLA policy admin pages: thin adapters over lib/sla/admin.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import type { Result } from "@/lib/errors";
import { createPolicy, updatePolicy } from "@/lib/sla/admin/policy-service";
import { previewPolicyDraft } from "@/lib/sla/admin/preview-service";
import type { PolicyPreview } from "@/lib/sla/admin/preview";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

type Saved = Result<{ policy: { id: number; code: string; updatedAt: string } }>;

/** Creates the policy when `id` is null, else updates it from the version the form loaded. */
export const savePolicyAction = guardAction("savePolicyAction", z.tuple([actionArg.idOrNew, actionArg.input]), async (id: number | null, input: unknown): Promise<Saved> => {
  const user = await requirePermission("admin.config");
  const result = id === null ? await createPolicy(user.actor, input) : await updatePolicy(user.actor, id, input);
  if (result.ok) revalidatePath("/admin/sla", "layout");
  return result;
});

export const previewPolicyAction = guardAction("previewPolicyAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ preview: PolicyPreview | null }>> => {
  const user = await requirePermission("admin.config");
  return previewPolicyDraft(user.actor, input);
});
