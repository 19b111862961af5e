// Survey wording managers may override per language (SurveyText rows): the keys, the form's schema and placeholder
// filling. Pure (no database), so client components may import it; the reads are in texts.ts.
import { z } from "zod";

export const SURVEY_TEXT_KEYS = [
  "intro",
  "csat.question",
  "resolved.question",
  "nps.question",
  "ces.question",
  "comment.label",
  "thanks",
  "expired",
] as const;
export type SurveyTextKey = (typeof SURVEY_TEXT_KEYS)[number];
export type SurveyTexts = Partial<Record<SurveyTextKey, string>>;

export const SURVEY_TEXT_MAX = 500;

/** The manager's form: every key for one language; an empty text removes the override. */
export const surveyTextsInputSchema = z.object({
  locale: z.enum(["zh_CN", "en"]),
  texts: z.object(
    Object.fromEntries(
      SURVEY_TEXT_KEYS.map((key) => [key, z.string().trim().max(SURVEY_TEXT_MAX, "too_long")]),
    ) as Record<SurveyTextKey, z.ZodString>,
  ),
});
export type SurveyTextsInput = z.infer<typeof surveyTextsInputSchema>;

export function isSurveyTextKey(key: string): key is SurveyTextKey {
  return (SURVEY_TEXT_KEYS as readonly string[]).includes(key);
}

/** Fills in the placeholders. Unknown placeholders are left out rather than shown raw. */
export function fillSurveyText(text: string, values: { reference: string }): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_match, name: string) =>
    name === "complaint.reference" ? values.reference : "",
  );
}
