"use server";
// Server actions of the improvement pages: thin adapters over lib/improvements/service.ts.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import type { Result } from "@/lib/errors";
import { createImprovement, linkComplaints, unlinkComplaint, updateImprovement } from "@/lib/improvements/service";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

export const createImprovementAction = guardAction("createImprovementAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ id: number }>> => {
  const user = await requirePermission("improvement.manage");
  const result = await createImprovement(user.actor, input);
  if (result.ok) revalidatePath("/improvements");
  return result;
});

export const updateImprovementAction = guardAction("updateImprovementAction", z.tuple([actionArg.id, actionArg.input]), async (id: number, input: unknown): Promise<Result<{ version: number }>> => {
  const user = await requirePermission("improvement.manage");
  const result = await updateImprovement(user.actor, id, input);
  if (result.ok) revalidatePath("/improvements", "layout");
  return result;
});

export const linkComplaintsAction = guardAction("linkComplaintsAction", z.tuple([actionArg.id, actionArg.input]), async (id: number, input: unknown): Promise<Result<{ linked: number }>> => {
  const user = await requirePermission("improvement.manage");
  const result = await linkComplaints(user.actor, id, input);
  if (result.ok) revalidatePath(`/improvements/${id}`);
  return result;
});

export const unlinkComplaintAction = guardAction("unlinkComplaintAction", z.tuple([actionArg.id, actionArg.id]), async (id: number, complaintId: number): Promise<Result<{ unlinked: true }>> => {
  const user = await requirePermission("improvement.manage");
  const result = await unlinkComplaint(user.actor, id, complaintId);
  if (result.ok) revalidatePath(`/improvements/${id}`);
  return result;
});
