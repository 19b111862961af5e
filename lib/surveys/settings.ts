// The "survey" setting (managers edit it): send delay, expiry, reminder and per-customer frequency.
import { z } from "zod";
import type { Tx } from "@/lib/db";

export const SURVEY_SETTING = "survey";

const surveySettingsSchema = z.object({
  delayMinutes: z.number().int().min(0).max(60 * 24 * 30).default(0),
  expiryDays: z.number().int().min(1).max(365).default(14),
  reminderDays: z.number().int().min(1).max(365).default(3),
  perCustomerDays: z.number().int().min(0).max(365).default(7),
});

export type SurveySettings = z.infer<typeof surveySettingsSchema>;

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = surveySettingsSchema.parse({});

/** Each field falls back to its default on its own, so one bad value does not discard the others. */
export function parseSurveySettings(value: unknown): SurveySettings {
  const source = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const result = { ...DEFAULT_SURVEY_SETTINGS };
  for (const key of Object.keys(DEFAULT_SURVEY_SETTINGS) as Array<keyof SurveySettings>) {
    const parsed = surveySettingsSchema.shape[key].safeParse(source[key]);
    if (parsed.success) result[key] = parsed.data;
  }
  return result;
}

export async function readSurveySettings(tx: Tx): Promise<SurveySettings> {
  const row = await tx.setting.findUnique({ where: { key: SURVEY_SETTING }, select: { value: true } });
  return parseSurveySettings(row?.value);
}
