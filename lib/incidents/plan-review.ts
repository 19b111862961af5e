// When a contingency plan needs attention (pure): handbook 003 ch. 5 asks for a revision at least every 3 years and a
// drill every year. The plan library, the plan page and the owners' list all read these two functions.

export const REVISION_YEARS = 3;
export const DRILL_MONTHS = 12;
/** The library warns this many days before a plan's review date. */
export const REVIEW_SOON_DAYS = 60;

const DAY = 86_400_000;

export function addYears(date: Date, years: number): Date {
  const next = new Date(date);
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

export function addMonths(date: Date, months: number): Date {
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

/**
 * The latest review date a revision allows: its date plus 3 years; a plan may ask for an earlier review, never a later
 * one.
 */
export function reviewDeadline(revisedAt: Date): Date {
  return addYears(revisedAt, REVISION_YEARS);
}

export function nextReviewFor(revisedAt: Date, requested: Date | undefined): Date {
  const latest = reviewDeadline(revisedAt);
  return requested && requested < latest ? requested : latest;
}

export type ReviewState = "current" | "due_soon" | "overdue";

export function reviewState(plan: { nextReviewAt: Date; revisedAt: Date }, now: Date): ReviewState {
  const due = plan.nextReviewAt < reviewDeadline(plan.revisedAt) ? plan.nextReviewAt : reviewDeadline(plan.revisedAt);
  if (due <= now) return "overdue";
  if (due.getTime() - now.getTime() <= REVIEW_SOON_DAYS * DAY) return "due_soon";
  return "current";
}

export type DrillState = "current" | "stale" | "never";

/** "never": no drill on record; "stale": the last one is more than 12 months old. */
export function drillState(lastDrillAt: Date | null, now: Date): DrillState {
  if (!lastDrillAt) return "never";
  return addMonths(lastDrillAt, DRILL_MONTHS) < now ? "stale" : "current";
}

export type StepTiming = { step: number; targetMinutes: number | null; achievedMinutes: number };

/** Each drilled step against its target: over target when it took longer than the plan allows. */
export function timingVerdicts(timings: StepTiming[]): (StepTiming & { over: boolean | null })[] {
  return timings.map((timing) => ({
    ...timing,
    over: timing.targetMinutes === null ? null : timing.achievedMinutes > timing.targetMinutes,
  }));
}
