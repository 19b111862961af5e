// Survey wording managers may override per language (SurveyText rows); anything not overridden falls back to the
// built-in messages. "{{complaint.reference}}" in a text becomes the complaint's reference.
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import type { Locale } from "@/lib/generated/prisma/enums";

export const SURVEY_TEXT_KEYS = ["intro", "csat.question", "resolved.question", "nps.question", "ces.question", "comment.label", "thanks", "expired"] as const;
export type SurveyTextKey = (typeof SURVEY_TEXT_KEYS)[number];
export type SurveyTexts = Partial<Record<SurveyTextKey, string>>;

export const SURVEY_TEXT_MAX = 500;

/** The manager's form: every key for one language; an empty text removes the override. */
export const surveyTextsInputSchema = z.object({
  locale: z.enum(["zh_CN", "en"]),
  texts: z.object(Object.fromEntries(SURVEY_TEXT_KEYS.map((key) => [key, z.string().trim().max(SURVEY_TEXT_MAX, "too_long")])) as Record<SurveyTextKey, z.ZodString>),
});
export type SurveyTextsInput = z.infer<typeof surveyTextsInputSchema>;

function isTextKey(key: string): key is SurveyTextKey {
  return (SURVEY_TEXT_KEYS as readonly string[]).includes(key);
}

/** Overrides of one language, as stored (placeholders not filled in). */
export async function loadSurveyTexts(locale: Locale, client: Tx | typeof db = db): Promise<SurveyTexts> {
  const rows = await client.surveyText.findMany({ where: { locale }, select: { key: true, text: true } });
  const texts: SurveyTexts = {};
  for (const row of rows) if (isTextKey(row.key) && row.text.trim()) texts[row.key] = row.text;
  return texts;
}

/** Pure: fills in the placeholders. Unknown placeholders are left out rather than shown raw. */
export function fillSurveyText(text: string, values: { reference: string }): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_match, name: string) => (name === "complaint.reference" ? values.reference : ""));
}

/** The overrides of one language with their placeholders filled in, ready to show. */
export async function surveyTextsFor(locale: Locale, reference: string, client: Tx | typeof db = db): Promise<SurveyTexts> {
  const stored = await loadSurveyTexts(locale, client);
  const filled: SurveyTexts = {};
  for (const key of SURVEY_TEXT_KEYS) {
    const text = stored[key];
    if (text) filled[key] = fillSurveyText(text, { reference });
  }
  return filled;
}
