// Small pure helpers shared by the SLA admin forms and tables (safe to import into client components).
import { minutesOfClock, WEEKDAYS, type WorkingHours } from "@/lib/sla/calendar-schema";
import { zonedWallTime, zonedWallTimeToInstant } from "@/lib/time/zone";

/** Weekdays Monday first, as a Chinese or European office reads a week. */
export const WEEKDAYS_MONDAY_FIRST = [
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "0",
] as const satisfies readonly (typeof WEEKDAYS)[number][];

/**
 * Length of a working day when every working weekday has the same hours (e.g. 540 min for 09:00–18:00), else null.
 * Targets that are whole multiples of it read better as "N working days".
 */
export function uniformWorkingDayMinutes(hours: WorkingHours): number | null {
  const lengths = WEEKDAYS.map((day) =>
    (hours[day] ?? []).reduce((sum, [start, end]) => sum + minutesOfClock(end) - minutesOfClock(start), 0),
  ).filter((n) => n > 0);
  if (lengths.length === 0 || lengths.some((n) => n !== lengths[0])) return null;
  return lengths[0] ?? null;
}

export type TargetDisplay = { kind: "days"; days: number } | { kind: "time"; hours: number; minutes: number };

export function describeTarget(minutes: number, workingDayMinutes: number | null): TargetDisplay {
  if (workingDayMinutes && minutes >= workingDayMinutes && minutes % workingDayMinutes === 0)
    return { kind: "days", days: minutes / workingDayMinutes };
  return { kind: "time", hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** The instant as "YYYY-MM-DDTHH:MM" on the wall clock of `timeZone`, for datetime-local inputs. */
export function wallTimeIn(instant: Date, timeZone: string): string {
  return zonedWallTime(instant, timeZone);
}

/** "2026-11-23T09:00" on the wall clock of `timeZone` → the instant; null for a malformed value or unknown zone. */
export { zonedWallTimeToInstant };
