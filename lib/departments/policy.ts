// A department's reply-time policy as due times: working days on the department's own business calendar. Pure.
import type { InvestigationUrgency } from "@/lib/generated/prisma/enums";
import { addBusinessMinutes } from "@/lib/sla/business-time";
import { minutesOfClock, WEEKDAYS, type CalendarSpec } from "@/lib/sla/calendar-schema";

export type ReplyPolicy = { urgentDays: number; normalDays: number; investigationDays: number; warnPercent: number };

export function replyDays(policy: ReplyPolicy, urgency: InvestigationUrgency): number {
  switch (urgency) {
    case "urgent":
      return policy.urgentDays;
    case "normal":
      return policy.normalDays;
    case "investigation":
      return policy.investigationDays;
  }
}

/**
 * Minutes of one working day on the calendar: 24 h on a 24×7 calendar, else the longest configured weekday (an office
 * day of 09:00–18:00 is 540 minutes), so "3 working days" lands at the same local time three working days later.
 */
export function workingDayMinutes(calendar: CalendarSpec): number {
  if (calendar.is24x7) return 24 * 60;
  const perDay = WEEKDAYS.map((day) =>
    (calendar.workingHours[day] ?? []).reduce(
      (sum, [start, end]) => sum + minutesOfClock(end) - minutesOfClock(start),
      0,
    ),
  );
  return Math.max(...perDay, 1);
}

/** Due and reminder times of one round started at `startedAt`. */
export function planReplyDue(
  calendar: CalendarSpec,
  policy: ReplyPolicy,
  urgency: InvestigationUrgency,
  startedAt: Date,
): { dueAt: Date; warnAt: Date } {
  const minutes = replyDays(policy, urgency) * workingDayMinutes(calendar);
  return {
    dueAt: addBusinessMinutes(calendar, startedAt, minutes),
    warnAt: addBusinessMinutes(calendar, startedAt, (minutes * policy.warnPercent) / 100),
  };
}
