// The "survey" setting (managers edit it on /admin/surveys): send delay, expiry, reminder, per-customer frequency,
// exclusions (customer tags, categories, channels) and whether a low score reopens the complaint by itself.
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { idSchema } from "@/lib/validation";

export const SURVEY_SETTING = "survey";

const ids = z.array(idSchema).max(500);

export const surveySettingsSchema = z.object({
  delayMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .default(0),
  expiryDays: z.number().int().min(1).max(365).default(14),
  reminderDays: z.number().int().min(1).max(365).default(3),
  perCustomerDays: z.number().int().min(0).max(365).default(7),
  /** Customers carrying any of these tags get no survey (e.g. "repeat complainer", legal cases). */
  excludeTags: z.array(z.string().trim().min(1).max(40)).max(100).default([]),
  /** Complaints in these categories (or subcategories) get no survey. */
  excludeCategoryIds: ids.default([]),
  /** Complaints that came in through these channels get no survey (e.g. a regulator hotline). */
  excludeChannelIds: ids.default([]),
  /** A low score (CSAT ≤ 2 or "not solved") reopens a still-resolved complaint besides creating the follow-up task. */
  reopenOnLowScore: z.boolean().default(false),
  /**
   * Appraisal: per-agent figures ignore answers recorded by an agent on the phone (centre and team totals keep them).
   */
  excludePhoneFromAgentFigures: z.boolean().default(false),
});

export type SurveySettings = z.infer<typeof surveySettingsSchema>;

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = surveySettingsSchema.parse({});

/** Each field falls back to its default on its own, so one bad value does not discard the others. */
export function parseSurveySettings(value: unknown): SurveySettings {
  const source = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const result: Record<string, unknown> = { ...DEFAULT_SURVEY_SETTINGS };
  for (const key of Object.keys(DEFAULT_SURVEY_SETTINGS) as Array<keyof SurveySettings>) {
    const parsed = surveySettingsSchema.shape[key].safeParse(source[key]);
    if (parsed.success) result[key] = parsed.data;
  }
  return result as SurveySettings;
}

export async function readSurveySettings(tx: Tx): Promise<SurveySettings> {
  const row = await tx.setting.findUnique({ where: { key: SURVEY_SETTING }, select: { value: true } });
  return parseSurveySettings(row?.value);
}
