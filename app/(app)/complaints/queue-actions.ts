"use server";
// Server actions of the queue page: bulk assign and bulk status change (per-item results from lib/complaints/bulk).
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { bulkAssign, bulkTransition, type BulkOutcome } from "@/lib/complaints/bulk";
import type { Result } from "@/lib/errors";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

export const bulkAssignAction = guardAction("bulkAssignAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<BulkOutcome>> => {
  const user = await requireUser();
  const result = await bulkAssign(user.actor, input);
  if (result.ok && result.done > 0) revalidatePath("/complaints");
  return result;
});

export const bulkTransitionAction = guardAction("bulkTransitionAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<BulkOutcome>> => {
  const user = await requireUser();
  const result = await bulkTransition(user.actor, input);
  if (result.ok && result.done > 0) revalidatePath("/complaints");
  return result;
});
