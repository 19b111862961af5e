// Pure previews for the SLA admin pages: which policy a sample complaint would get, and when a calendar works.
import type { SlaClockKind } from "@/lib/generated/prisma/enums";
import { addBusinessMinutes, nextWorkingPeriods } from "@/lib/sla/business-time";
import type { CalendarSpec } from "@/lib/sla/calendar-schema";
import { planClocks } from "@/lib/sla/clocks";
import {
  matchPolicy,
  type ComplaintForPolicy,
  type MatchCriterion,
  type PolicyCandidate,
} from "@/lib/sla/policy-match";

export const DRAFT_POLICY_ID = 0; // ids are positive, so 0 never collides with a saved policy

export type PreviewPolicy = PolicyCandidate & {
  code: string;
  nameZh: string;
  nameEn: string;
  calendarId: number;
  warnPercent: number;
  targets: readonly { clock: SlaClockKind; minutes: number }[];
};

export type PolicyPreview = {
  policy: {
    id: number;
    code: string;
    nameZh: string;
    nameEn: string;
    isDraft: boolean;
    calendarId: number;
    warnPercent: number;
  };
  matchedOn: MatchCriterion[];
  fallback: boolean;
  clocks: { kind: SlaClockKind; targetMinutes: number; dueAt: string; warnAt: string }[];
  /** next_update starts only after the first response, so it has a target but no due time yet */
  waitingClocks: { kind: SlaClockKind; targetMinutes: number }[];
};

/**
 * Matches the sample against the saved policies with the draft in place of its saved version (or added, when new),
 * then plans the matched policy's clocks on its calendar from the sample's creation time.
 */
export function previewPolicyMatch(
  saved: readonly PreviewPolicy[],
  draft: Omit<PreviewPolicy, "id">,
  draftReplaces: number | null,
  sample: ComplaintForPolicy & { createdAt: Date },
  calendars: ReadonlyMap<number, CalendarSpec>,
): PolicyPreview | null {
  const draftId = draftReplaces ?? DRAFT_POLICY_ID;
  const candidates = [...saved.filter((policy) => policy.id !== draftReplaces), { ...draft, id: draftId }];
  const match = matchPolicy(candidates, sample);
  if (!match) return null;
  const { policy } = match;
  const calendar = calendars.get(policy.calendarId);
  if (!calendar) return null;
  const planned = planClocks(calendar, policy.targets, policy.warnPercent, sample.createdAt);
  return {
    policy: {
      id: policy.id,
      code: policy.code,
      nameZh: policy.nameZh,
      nameEn: policy.nameEn,
      isDraft: policy.id === draftId,
      calendarId: policy.calendarId,
      warnPercent: policy.warnPercent,
    },
    matchedOn: match.matchedOn,
    fallback: match.fallback,
    clocks: planned.map((clock) => ({
      kind: clock.kind,
      targetMinutes: clock.targetMinutes,
      dueAt: clock.dueAt.toISOString(),
      warnAt: clock.warnAt.toISOString(),
    })),
    waitingClocks: policy.targets
      .filter((target) => !planned.some((clock) => clock.kind === target.clock))
      .map((target) => ({ kind: target.clock, targetMinutes: target.minutes })),
  };
}

export type CalendarPreview = {
  timeZone: string;
  periods: { start: string; end: string }[];
  /** when `hours` of business time from `from` have elapsed */
  endsAt: string;
};

export const PREVIEW_PERIOD_COUNT = 10;

export function previewCalendar(calendar: CalendarSpec, from: Date, hours: number): CalendarPreview {
  return {
    timeZone: calendar.timeZone,
    periods: nextWorkingPeriods(calendar, from, PREVIEW_PERIOD_COUNT).map((period) => ({
      start: period.start.toISOString(),
      end: period.end.toISOString(),
    })),
    endsAt: addBusinessMinutes(calendar, from, hours * 60).toISOString(),
  };
}
