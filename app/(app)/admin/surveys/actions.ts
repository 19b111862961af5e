"use server";
// Server actions of the survey admin page: thin adapters over lib/surveys/admin.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import { saveSurveyReason, saveSurveySettings, saveSurveyTexts } from "@/lib/surveys/admin";

export async function saveSurveySettingsAction(input: unknown) {
  const user = await requirePermission("survey.manage");
  const result = await saveSurveySettings(user.actor, input);
  if (result.ok) revalidatePath("/admin/surveys");
  return result;
}

export async function saveSurveyTextsAction(input: unknown) {
  const user = await requirePermission("survey.manage");
  const result = await saveSurveyTexts(user.actor, input);
  if (result.ok) revalidatePath("/admin/surveys");
  return result;
}

export async function saveSurveyReasonAction(input: unknown) {
  const user = await requirePermission("survey.manage");
  const result = await saveSurveyReason(user.actor, input);
  if (result.ok) revalidatePath("/admin/surveys");
  return result;
}
