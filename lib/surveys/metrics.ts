// Satisfaction figures exactly as SPEC §5 defines them (pure, so dashboards, the survey admin page and the agent's
// stats compute them the same way). A figure with nothing to count is null, never 0 %.
export type ScoredAnswer = { csat: number | null; nps: number | null; ces: number | null; resolved: boolean | null };

const present = (values: readonly (number | null)[]) => values.filter((value): value is number => value !== null);
const percent = (part: number, whole: number) => (whole === 0 ? null : (part / whole) * 100);

/** CSAT % = answers scoring 4–5 ÷ all answers with a CSAT score. */
export function csatPercent(scores: readonly (number | null)[]): number | null {
  const answered = present(scores);
  return percent(answered.filter((score) => score >= 4).length, answered.length);
}

/** Mean CSAT score on its 1–5 scale (shown beside the 4–5 share, and as 0–100: (mean − 1) ÷ 4 × 100). */
export function csatMeanScore(scores: readonly (number | null)[]): number | null {
  const answered = present(scores);
  return answered.length === 0 ? null : answered.reduce((sum, score) => sum + score, 0) / answered.length;
}

/** Recommendation rate % = NPS answers scoring 9–10 ÷ all NPS answers (SPEC §5: recommendation ≥ 20 %). */
export function recommendationPercent(scores: readonly (number | null)[]): number | null {
  const answered = present(scores);
  return percent(answered.filter((score) => score >= 9).length, answered.length);
}

/** NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100. */
export function netPromoterScore(scores: readonly (number | null)[]): number | null {
  const answered = present(scores);
  if (answered.length === 0) return null;
  const promoters = answered.filter((score) => score >= 9).length;
  const detractors = answered.filter((score) => score <= 6).length;
  return ((promoters - detractors) / answered.length) * 100;
}

/** CES = mean of the 1–7 answers. */
export function customerEffortScore(scores: readonly (number | null)[]): number | null {
  const answered = present(scores);
  return answered.length === 0 ? null : answered.reduce((sum, score) => sum + score, 0) / answered.length;
}

/** Response rate = answered ÷ sent (offered). */
export function responseRate(answered: number, sent: number): number | null {
  return percent(answered, sent);
}

/** Share of "was your problem solved?" answers that said yes. */
export function solvedPercent(answers: readonly (boolean | null)[]): number | null {
  const given = answers.filter((answer): answer is boolean => answer !== null);
  return percent(given.filter(Boolean).length, given.length);
}

/** A low score (CSAT ≤ 2 or "not solved") opens a follow-up task for the supervisor (回访). */
export function isLowScore(answer: { csat: number; resolved?: boolean | null }): boolean {
  return answer.csat <= 2 || answer.resolved === false;
}

export type SurveySummary = {
  sent: number;
  answered: number;
  responseRate: number | null;
  csat: number | null;
  csatMean: number | null;
  nps: number | null;
  recommendation: number | null;
  ces: number | null;
  solved: number | null;
  lowScores: number;
  responses: number;
};

/** Everything the stats views show, from the offered/answered counts and the answers themselves. */
export function summarizeSurveys(
  counts: { sent: number; answered: number },
  answers: readonly ScoredAnswer[],
): SurveySummary {
  return {
    sent: counts.sent,
    answered: counts.answered,
    responseRate: responseRate(counts.answered, counts.sent),
    csat: csatPercent(answers.map((answer) => answer.csat)),
    csatMean: csatMeanScore(answers.map((answer) => answer.csat)),
    nps: netPromoterScore(answers.map((answer) => answer.nps)),
    recommendation: recommendationPercent(answers.map((answer) => answer.nps)),
    ces: customerEffortScore(answers.map((answer) => answer.ces)),
    solved: solvedPercent(answers.map((answer) => answer.resolved)),
    lowScores: answers.filter(
      (answer) => answer.csat !== null && isLowScore({ csat: answer.csat, resolved: answer.resolved }),
    ).length,
    responses: answers.length,
  };
}
