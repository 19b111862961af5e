// The calendar form's state and its conversion to the service's input.
import type { HolidayKind } from "@/lib/generated/prisma/enums";
import type { WorkingHours } from "@/lib/sla/calendar-schema";
import type { CalendarForEdit } from "@/lib/sla/admin/queries";
import { WEEKDAYS_MONDAY_FIRST } from "@/lib/sla/admin/display";
import { BUSINESS_TIME_ZONE } from "@/lib/time/zone";

export type Weekday = (typeof WEEKDAYS_MONDAY_FIRST)[number];
export type PeriodDraft = { start: string; end: string };
export type HolidayDraft = { key: number; date: string; kind: HolidayKind; name: string };

export type CalendarDraft = {
  code: string;
  nameZh: string;
  nameEn: string;
  timeZone: string;
  is24x7: boolean;
  hours: Record<Weekday, PeriodDraft[]>;
  holidays: HolidayDraft[];
};

export const COMMON_TIME_ZONES = [
  "Asia/Shanghai",
  "Asia/Hong_Kong",
  "Asia/Taipei",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Asia/Seoul",
  "Asia/Bangkok",
  "Asia/Dubai",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "Australia/Sydney",
  "UTC",
] as const;

let nextKey = 1;
/** Stable React keys for holiday rows that have no id of their own. */
export function holidayKey(): number {
  return nextKey++;
}

export function draftOf(calendar: CalendarForEdit | null): CalendarDraft {
  const source: WorkingHours = calendar?.workingHours ?? {
    "1": [["09:00", "18:00"]],
    "2": [["09:00", "18:00"]],
    "3": [["09:00", "18:00"]],
    "4": [["09:00", "18:00"]],
    "5": [["09:00", "18:00"]],
  };
  const hours = Object.fromEntries(
    WEEKDAYS_MONDAY_FIRST.map((day) => [day, (source[day] ?? []).map(([start, end]) => ({ start, end }))]),
  ) as Record<Weekday, PeriodDraft[]>; // every weekday key built above
  return {
    code: calendar?.code ?? "",
    nameZh: calendar?.nameZh ?? "",
    nameEn: calendar?.nameEn ?? "",
    timeZone: calendar?.timeZone ?? BUSINESS_TIME_ZONE,
    is24x7: calendar?.is24x7 ?? false,
    hours,
    holidays: (calendar?.holidays ?? []).map((h) => ({ ...h, key: holidayKey() })),
  };
}

export function calendarInputOf(draft: CalendarDraft) {
  const workingHours = Object.fromEntries(
    WEEKDAYS_MONDAY_FIRST.map((day) => [day, draft.hours[day].map(({ start, end }) => [start.trim(), end.trim()])]),
  );
  return {
    code: draft.code,
    nameZh: draft.nameZh,
    nameEn: draft.nameEn,
    timeZone: draft.timeZone,
    is24x7: draft.is24x7,
    workingHours,
    holidays: draft.holidays.map(({ date, kind, name }) => ({ date, kind, name })),
  };
}
