// The KPI definitions (SPEC §5, §6), written once as pure functions. The SQL in lib/kpi/dashboard.ts mirrors them
// (tests/integration/kpi-dashboard.test.ts checks that both give the same numbers on the same data).
import { businessMinutesBetween, type SlaPause } from "@/lib/sla/business-time";
import type { CalendarSpec } from "@/lib/sla/calendar-schema";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";

const MINUTE = 60_000;
const DAY = 86_400_000;
/** A reopen within this many days of the first resolution counts against first-contact resolution. */
export const FCR_REOPEN_WINDOW_DAYS = 7;

// ───────────── statistics ─────────────

/** Continuous percentile with linear interpolation between ranks: the same as PostgreSQL's percentile_cont. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  const high = sorted[upper]!;
  return low + (high - low) * (position - lower);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export type DurationStats = { count: number; mean: number | null; median: number | null; p90: number | null };

/** Mean, median and p90 of durations (minutes); nulls for an empty period. */
export function durationStats(values: readonly number[]): DurationStats {
  return { count: values.length, mean: mean(values), median: percentile(values, 0.5), p90: percentile(values, 0.9) };
}

/** part ÷ whole as a share 0–1; null when there is nothing to divide by (an empty period is "no data", not 0 %). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Relative change of a figure against the previous period; null when either side is missing or the base is 0. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

// ───────────── satisfaction (SPEC §5) ─────────────

/** CSAT % = responses scoring 4–5 ÷ all CSAT responses. */
export function csat(scores: readonly number[]): number | null {
  return share(scores.filter((score) => score >= 4).length, scores.length);
}

/** NPS = % promoters (9–10) − % detractors (0–6), in points from −100 to 100. */
export function nps(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  return ((promoters - detractors) / scores.length) * 100;
}

/** Mean CSAT score on its own 1–5 scale. */
export function csatMean(scores: readonly number[]): number | null {
  return mean(scores);
}

/** A 1–5 mean on a 0–100 scale: (mean − 1) ÷ 4 × 100 (1 → 0, 3 → 50, 5 → 100). */
export function csatMeanAs100(meanScore: number | null): number | null {
  return meanScore === null ? null : ((meanScore - 1) / 4) * 100;
}

/** Recommendation rate = share of NPS answers scoring 9–10 (promoters), 0–1 (SPEC §5: recommendation ≥ 20 %). */
export function recommendationRate(scores: readonly number[]): number | null {
  return share(scores.filter((score) => score >= 9).length, scores.length);
}

/** CES = mean score (1–7, higher = easier). */
export function ces(scores: readonly number[]): number | null {
  return mean(scores);
}

/** Survey response rate = answered ÷ sent, over the surveys sent in the period. */
export function responseRate(sent: number, answered: number): number | null {
  return share(answered, sent);
}

// ───────────── durations in business and calendar time ─────────────

/** Status history as the timeline records it: the status entered and when. */
export type StatusChange = { at: Date; to: ComplaintStatus };

/** Periods spent in `pending_customer` (the SLA pause), from the status history; an open pause ends at null. */
export function pendingPauses(changes: readonly StatusChange[]): SlaPause[] {
  const pauses: SlaPause[] = [];
  let open: Date | null = null;
  for (const change of [...changes].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (change.to === "pending_customer") {
      open ??= change.at;
    } else if (open) {
      pauses.push({ from: open, to: change.at });
      open = null;
    }
  }
  if (open) pauses.push({ from: open, to: null });
  return pauses;
}

/** Wall-clock minutes from `from` to `to` (what the customer lived through, pauses included). */
export function calendarMinutes(from: Date, to: Date): number {
  return Math.max(0, (to.getTime() - from.getTime()) / MINUTE);
}

/**
 * Working minutes on the SLA calendar from `from` to `to`, without the working time spent waiting for the customer
 * (pauses are clipped to the interval and merged, so overlapping pauses do not count twice).
 */
export function businessMinutesExcludingPauses(
  calendar: CalendarSpec,
  from: Date,
  to: Date,
  pauses: readonly SlaPause[],
): number {
  if (to <= from) return 0;
  const clipped = pauses
    .map((pause) => ({
      from: Math.max(pause.from.getTime(), from.getTime()),
      to: Math.min((pause.to ?? to).getTime(), to.getTime()),
    }))
    .filter((pause) => pause.to > pause.from)
    .sort((a, b) => a.from - b.from);
  let paused = 0;
  let cursor = from.getTime();
  for (const pause of clipped) {
    const start = Math.max(pause.from, cursor);
    if (pause.to <= start) continue;
    paused += businessMinutesBetween(calendar, new Date(start), new Date(pause.to));
    cursor = pause.to;
  }
  return Math.max(0, businessMinutesBetween(calendar, from, to) - paused);
}

// ───────────── resolution quality ─────────────

/** True when the complaint was reopened within 7 days after a resolution (reopens later than that are new issues). */
export function reopenedWithinWindow(changes: readonly StatusChange[], windowDays = FCR_REOPEN_WINDOW_DAYS): boolean {
  let lastResolved: Date | null = null;
  for (const change of [...changes].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (change.to === "resolved") lastResolved = change.at;
    if (change.to === "reopened" && lastResolved && change.at.getTime() - lastResolved.getTime() <= windowDays * DAY)
      return true;
  }
  return false;
}

const DONE = new Set<ComplaintStatus>(["resolved", "closed", "rejected", "duplicate"]);

/**
 * A period during which the complaint was done (resolved, closed, rejected or merged); reopenedAt null = still done.
 */
export type DoneSpan = { doneAt: Date; reopenedAt: Date | null };

/**
 * The done periods of a complaint from its status history (point in time): a span starts when it enters a done status
 * from an open one and ends when it leaves the done statuses again (a reopen). resolved → closed stays one span.
 */
export function doneSpans(changes: readonly StatusChange[]): DoneSpan[] {
  const spans: DoneSpan[] = [];
  let open: DoneSpan | null = null;
  for (const change of [...changes].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (DONE.has(change.to)) {
      if (!open) spans.push((open = { doneAt: change.at, reopenedAt: null }));
    } else if (open) {
      open.reopenedAt = change.at;
      open = null;
    }
  }
  return spans;
}

/** Whether a complaint with these done spans was open (not done) at `at`, given it existed then. */
export function openAt(spans: readonly DoneSpan[], at: Date): boolean {
  return !spans.some((span) => span.doneAt <= at && (span.reopenedAt === null || span.reopenedAt > at));
}

/**
 * The first resolution in the status history and, when the complaint was reopened after it, the minutes until that
 * reopen: the cohort and numerator of the reopen rate (a reopened complaint stays in its first resolution's period).
 */
export function firstResolution(changes: readonly StatusChange[]): {
  resolvedAt: Date | null;
  reopenDelayMin: number | null;
} {
  let resolvedAt: Date | null = null;
  for (const change of [...changes].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (!resolvedAt && change.to === "resolved") resolvedAt = change.at;
    else if (resolvedAt && change.to === "reopened")
      return { resolvedAt, reopenDelayMin: Math.round((change.at.getTime() - resolvedAt.getTime()) / MINUTE) };
  }
  return { resolvedAt, reopenDelayMin: null };
}

/** Default of the reopen-rate window (setting kpi.definitions.reopenWindowDays). */
export const DEFAULT_REOPEN_WINDOW_DAYS = 30;

/** Reopened within the window: strictly less than `windowDays` × 24 h after the first resolution. */
export function reopenedWithin(reopenDelayMin: number | null, windowDays: number): boolean {
  return reopenDelayMin !== null && reopenDelayMin < windowDays * 1_440;
}

/** Reopen rate = complaints first resolved in the period and reopened within the window ÷ complaints first resolved. */
export function reopenRate(delays: readonly (number | null)[], windowDays: number): number | null {
  return share(delays.filter((delay) => reopenedWithin(delay, windowDays)).length, delays.length);
}

export type FcrInput = {
  resolved: boolean;
  customerReplyCount: number;
  escalationLevel: number;
  reopenedWithin7d: boolean;
};

/**
 * First-contact resolution: resolved with at most one customer-facing reply, never escalated (level stayed 1) and not
 * reopened within 7 days. Null while the complaint is not resolved (it is not in the FCR base yet).
 */
export function isFirstContactResolution(input: FcrInput): boolean | null {
  if (!input.resolved) return null;
  return input.customerReplyCount <= 1 && input.escalationLevel <= 1 && !input.reopenedWithin7d;
}

/** SLA compliance = clocks met ÷ clocks decided (met or breached); running clocks are not in the base yet. */
export function slaCompliance(outcomes: readonly (boolean | null)[]): number | null {
  const decided = outcomes.filter((outcome): outcome is boolean => outcome !== null);
  return share(decided.filter(Boolean).length, decided.length);
}

// ───────────── volume ─────────────

export type MonthVolume = { month: Date; passengers: number };

/**
 * Passengers in [from, to): each month's count prorated by the share of the month inside the range (a 15-day range in
 * a 30-day month counts half the month). Null when a month touched by the range has no volume entered.
 */
export function passengersInRange(volumes: readonly MonthVolume[], from: Date, to: Date): number | null {
  const byMonth = new Map(
    volumes.map((volume) => [`${volume.month.getUTCFullYear()}-${volume.month.getUTCMonth()}`, volume.passengers]),
  );
  let total = 0;
  let cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (cursor < to) {
    const next = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
    const overlap = Math.min(next.getTime(), to.getTime()) - Math.max(cursor.getTime(), from.getTime());
    if (overlap > 0) {
      const passengers = byMonth.get(`${cursor.getUTCFullYear()}-${cursor.getUTCMonth()}`);
      if (passengers === undefined) return null;
      total += (passengers * overlap) / (next.getTime() - cursor.getTime());
    }
    cursor = next;
  }
  return total;
}

/** Complaints per 10,000 passengers (the figure regulators ask for); null without passenger volume. */
export function complaintsPer10k(complaints: number, passengers: number | null): number | null {
  if (passengers === null || passengers <= 0) return null;
  return (complaints / passengers) * 10_000;
}
