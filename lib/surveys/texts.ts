// Survey wording overrides (SurveyText rows) read for the public page and the e-mail; anything not overridden falls
// back to the built-in messages. "{{complaint.reference}}" in a text becomes the complaint's reference.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Locale } from "@/lib/generated/prisma/enums";
import { fillSurveyText, isSurveyTextKey, SURVEY_TEXT_KEYS, type SurveyTexts } from "@/lib/surveys/text-keys";

export { type SurveyTextKey, type SurveyTexts } from "@/lib/surveys/text-keys";

/** Overrides of one language, as stored (placeholders not filled in). */
export async function loadSurveyTexts(locale: Locale, client: Tx | typeof db = db): Promise<SurveyTexts> {
  const rows = await client.surveyText.findMany({ where: { locale }, select: { key: true, text: true } });
  const texts: SurveyTexts = {};
  for (const row of rows) if (isSurveyTextKey(row.key) && row.text.trim()) texts[row.key] = row.text;
  return texts;
}

/** The overrides of one language with their placeholders filled in, ready to show. */
export async function surveyTextsFor(
  locale: Locale,
  reference: string,
  client: Tx | typeof db = db,
): Promise<SurveyTexts> {
  const stored = await loadSurveyTexts(locale, client);
  const filled: SurveyTexts = {};
  for (const key of SURVEY_TEXT_KEYS) {
    const text = stored[key];
    if (text) filled[key] = fillSurveyText(text, { reference });
  }
  return filled;
}
