"use server";
// Server actions of departments and investigations (issue 18): authenticate, call one service, revalidate.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { REFERENCE_PATTERN } from "@/lib/complaints/reference";
import { updateDepartment } from "@/lib/departments/service";
import { requestInvestigation } from "@/lib/investigations/request-investigation";
import { answerInvestigation } from "@/lib/investigations/answer-investigation";
import { decideAnswer } from "@/lib/investigations/decide-answer";

export const updateDepartmentAction = guardAction("updateDepartmentAction", z.tuple([actionArg.id, actionArg.input]), async (departmentId: number, input: unknown) => {
  const { actor } = await requireUser();
  const result = await updateDepartment(actor, departmentId, input);
  if (result.ok) revalidatePath("/admin/departments");
  return result;
});

export const requestInvestigationAction = guardAction("requestInvestigationAction", z.tuple([actionArg.reference, actionArg.input]), async (reference: string, input: unknown) => {
  const { actor } = await requireUser();
  const result = await requestInvestigation(actor, reference, input);
  if (result.ok && REFERENCE_PATTERN.test(reference)) revalidatePath(`/complaints/${reference}`);
  return result;
});

export const answerInvestigationAction = guardAction("answerInvestigationAction", z.tuple([actionArg.id, actionArg.input]), async (requestId: number, input: unknown) => {
  const { actor } = await requireUser();
  const result = await answerInvestigation(actor, requestId, input);
  if (result.ok) revalidatePath(`/department-requests/${requestId}`);
  return result;
});

export const decideAnswerAction = guardAction("decideAnswerAction", z.tuple([actionArg.reference, actionArg.id, actionArg.input]), async (reference: string, requestId: number, input: unknown) => {
  const { actor } = await requireUser();
  const result = await decideAnswer(actor, requestId, input);
  if (result.ok && REFERENCE_PATTERN.test(reference)) revalidatePath(`/complaints/${reference}`);
  return result;
});
