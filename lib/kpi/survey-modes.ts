// Satisfaction by survey mode (web link, SMS link, phone 回访) for the manager dashboard and its export; definitions
// in docs/kpi.md ("Split by survey mode").
import { share } from "@/lib/kpi/definitions";
import type { Period } from "@/lib/kpi/filters";
import { surveyModes, type SurveyModeRow } from "@/lib/kpi/queries";
import type { Prisma } from "@/lib/generated/prisma/client";

export const SURVEY_MODES = ["web", "sms", "phone"] as const;
export type SurveyModeKey = (typeof SURVEY_MODES)[number] | "total";

export type SurveyModeFigures = {
  mode: SurveyModeKey;
  responses: number;
  /** answered in this mode ÷ all surveys offered in the period (0–1); the three modes add up to the total */
  responseRate: number | null;
  /** share 0–1 of CSAT answers scoring 4–5 */
  csat: number | null;
  /** −100 … 100 */
  nps: number | null;
  /** mean 1–7 */
  ces: number | null;
};

/** Pure: the per-mode rows plus an "all modes" row from the query's counts. */
export function summarizeSurveyModes(input: {
  sent: number;
  rows: readonly SurveyModeRow[];
  answeredOfSent: Readonly<Record<string, number>>;
}): SurveyModeFigures[] {
  const figures = (mode: SurveyModeKey, rows: readonly SurveyModeRow[], answeredOfSent: number): SurveyModeFigures => {
    const sum = (pick: (row: SurveyModeRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
    const npsN = sum((row) => row.npsN);
    const cesN = sum((row) => row.cesN);
    return {
      mode,
      responses: sum((row) => row.answered),
      responseRate: share(answeredOfSent, input.sent),
      csat: share(
        sum((row) => row.csatPositive),
        sum((row) => row.csatN),
      ),
      nps: npsN > 0 ? ((sum((row) => row.promoters) - sum((row) => row.detractors)) / npsN) * 100 : null,
      ces: cesN > 0 ? sum((row) => row.cesSum) / cesN : null,
    };
  };
  const perMode = SURVEY_MODES.map((mode) =>
    figures(
      mode,
      input.rows.filter((row) => row.mode === mode),
      input.answeredOfSent[mode] ?? 0,
    ),
  );
  const answeredTotal = SURVEY_MODES.reduce((total, mode) => total + (input.answeredOfSent[mode] ?? 0), 0);
  return [...perMode, figures("total", input.rows, answeredTotal)];
}

export async function loadSurveyModes(
  where: Prisma.Sql,
  period: Pick<Period, "from" | "to">,
): Promise<SurveyModeFigures[]> {
  return summarizeSurveyModes(await surveyModes(where, { from: period.from, to: period.to }));
}
