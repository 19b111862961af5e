"use server";
// Server actions of the queue page: bulk assign and bulk status change (per-item results from lib/complaints/bulk).
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { bulkAssign, bulkTransition, type BulkOutcome } from "@/lib/complaints/bulk";
import type { Result } from "@/lib/errors";

export async function bulkAssignAction(input: unknown): Promise<Result<BulkOutcome>> {
  const user = await requireUser();
  const result = await bulkAssign(user.actor, input);
  if (result.ok && result.done > 0) revalidatePath("/complaints");
  return result;
}

export async function bulkTransitionAction(input: unknown): Promise<Result<BulkOutcome>> {
  const user = await requireUser();
  const result = await bulkTransition(user.actor, input);
  if (result.ok && result.done > 0) revalidatePath("/complaints");
  return result;
}
