"use server";
// Server actions for surveys inside the staff app: the agent's phone 回访 recording. Thin adapter over
// lib/surveys/record-phone-survey.ts (permission and scope are checked there).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { requireUser } from "@/lib/auth/session";
import { REFERENCE_PATTERN } from "@/lib/complaints/reference";
import { recordPhoneSurvey } from "@/lib/surveys/record-phone-survey";

export const recordPhoneSurveyAction = guardAction("recordPhoneSurveyAction", z.tuple([actionArg.reference, actionArg.input]), async (reference: string, input: unknown) => {
  const { actor } = await requireUser();
  const result = await recordPhoneSurvey(actor, reference, input);
  if (result.ok && REFERENCE_PATTERN.test(reference)) revalidatePath(`/complaints/${reference}`);
  return result;
});
