// Monthly appraisal of agents (pure; issue 22 item 5): KPI figures and the QA average become 0–100 scores, combined
// with the team's relative weights into a total, ranked within the team. A figure an agent has no data for (no
// survey answered, nothing resolved) is left out and the remaining weights are re-normalised, so nobody is punished
// or rewarded for an empty cell.
import { startOfZonedDay, zonedDay } from "@/lib/time/zone";

export const INDICATORS = ["frt", "sla", "fcr", "csat", "reopen", "volume", "qa"] as const;
export type Indicator = (typeof INDICATORS)[number];

/** Raw monthly figures: frt in business minutes (median), sla/fcr/csat/reopen/qa in percent, volume = handled count. */
export type Figures = Record<Indicator, number | null>;
export type Weights = Record<Indicator, number>;
export type Scores = Record<Indicator, number | null>;

/** Defaults when a team has set none (003 §7: outcome and quality weigh more than speed and volume). */
export const DEFAULT_WEIGHTS: Weights = { frt: 10, sla: 20, fcr: 15, csat: 20, reopen: 10, volume: 10, qa: 15 };

const round1 = (value: number) => Math.round(value * 10) / 10;
const clamp = (value: number) => Math.min(100, Math.max(0, value));

/**
 * Normalises one agent's figures against the team: percentages where higher is better count as they are; reopen is
 * 100 − reopen %; first response and volume are relative to the team's best (best FRT / own FRT, own volume / top
 * volume), so the best agent of the team gets 100 on them.
 */
export function normalise(figures: Figures, team: readonly Figures[]): Scores {
  const frts = team.map((row) => row.frt).filter((value): value is number => value !== null);
  const volumes = team.map((row) => row.volume).filter((value): value is number => value !== null);
  const bestFrt = frts.length ? Math.min(...frts) : null;
  const topVolume = volumes.length ? Math.max(...volumes) : null;
  const percent = (value: number | null) => (value === null ? null : round1(clamp(value)));
  return {
    frt:
      figures.frt === null || bestFrt === null
        ? null
        : figures.frt <= 0
          ? 100
          : round1(clamp((100 * bestFrt) / figures.frt)),
    sla: percent(figures.sla),
    fcr: percent(figures.fcr),
    csat: percent(figures.csat),
    reopen: figures.reopen === null ? null : round1(clamp(100 - figures.reopen)),
    volume:
      figures.volume === null || !topVolume
        ? figures.volume === null
          ? null
          : 0
        : round1(clamp((100 * figures.volume) / topVolume)),
    qa: percent(figures.qa),
  };
}

/** Weighted total over the indicators that have a score; null when none has (or all their weights are 0). */
export function weightedTotal(scores: Scores, weights: Weights): number | null {
  let sum = 0;
  let weightSum = 0;
  for (const indicator of INDICATORS) {
    const score = scores[indicator];
    const weight = weights[indicator];
    if (score === null || !(weight > 0)) continue;
    sum += score * weight;
    weightSum += weight;
  }
  return weightSum > 0 ? round1(sum / weightSum) : null;
}

/** Competition ranking (1, 2, 2, 4) by total, highest first; ties share a rank. */
export function rankByTotal<T extends { total: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  return sorted.map((row) => ({ ...row, rank: sorted.findIndex((other) => other.total === row.total) + 1 }));
}

export type AgentAppraisal = { agentId: number; figures: Figures; scores: Scores; total: number; rank: number };

/** The whole team's month: normalise each agent against the team, total with the team's weights, rank. */
export function appraiseTeam(
  agents: readonly { agentId: number; figures: Figures }[],
  weights: Weights,
): AgentAppraisal[] {
  const team = agents.map((agent) => agent.figures);
  const rows = agents.map((agent) => {
    const scores = normalise(agent.figures, team);
    return { agentId: agent.agentId, figures: agent.figures, scores, total: weightedTotal(scores, weights) ?? 0 };
  });
  return rankByTotal(rows);
}

/** "2026-11" → [start, end) in business-time-zone days (the KPI reports' day boundary). */
export function monthRange(month: string): { from: Date; to: Date } {
  const [year, monthIndex] = month.split("-").map(Number) as [number, number];
  const next = new Date(Date.UTC(year, monthIndex, 1)).toISOString().slice(0, 7);
  return { from: startOfZonedDay(`${month}-01`), to: startOfZonedDay(`${next}-01`) };
}

/** The month before `now` in the business time zone, e.g. "2026-11" on 2026-12-01 08:00 Shanghai time. */
export function previousMonth(now: Date): string {
  const [year, monthIndex] = zonedDay(now).split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, monthIndex - 2, 1)).toISOString().slice(0, 7);
}

/** The six months ending with `month`, oldest first. */
export function lastMonths(month: string, count = 6): string[] {
  const [year, monthIndex] = month.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) =>
    new Date(Date.UTC(year, monthIndex - count + index, 1)).toISOString().slice(0, 7),
  );
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
