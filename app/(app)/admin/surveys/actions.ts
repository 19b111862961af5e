"use server";
// Server actions of the survey admin page: thin adapters over lib/surveys/admin.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import { saveSurveyReason, saveSurveySettings, saveSurveyTexts } from "@/lib/surveys/admin";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

export const saveSurveySettingsAction = guardAction("saveSurveySettingsAction", z.tuple([actionArg.input]), async (input: unknown) => {
  const user = await requirePermission("survey.manage");
  const result = await saveSurveySettings(user.actor, input);
  if (result.ok) revalidatePath("/admin/surveys");
  return result;
});

export const saveSurveyTextsAction = guardAction("saveSurveyTextsAction", z.tuple([actionArg.input]), async (input: unknown) => {
  const user = await requirePermission("survey.manage");
  const result = await saveSurveyTexts(user.actor, input);
  if (result.ok) revalidatePath("/admin/surveys");
  return result;
});

export const saveSurveyReasonAction = guardAction("saveSurveyReasonAction", z.tuple([actionArg.input]), async (input: unknown) => {
  const user = await requirePermission("survey.manage");
  const result = await saveSurveyReason(user.actor, input);
  if (result.ok) revalidatePath("/admin/surveys");
  return result;
});
