// Small pure helpers shared by the SLA admin forms and tables (safe to import into client components).
import { minutesOfClock, WEEKDAYS, type WorkingHours } from "@/lib/sla/calendar-schema";

/** Weekdays Monday first, as a Chinese or European office reads a week. */
export const WEEKDAYS_MONDAY_FIRST = ["1", "2", "3", "4", "5", "6", "0"] as const satisfies readonly (typeof WEEKDAYS)[number][];

/**
 * Length of a working day when every working weekday has the same hours (e.g. 540 min for 09:00–18:00), else null.
 * Targets that are whole multiples of it read better as "N working days".
 */
export function uniformWorkingDayMinutes(hours: WorkingHours): number | null {
  const lengths = WEEKDAYS.map((day) => (hours[day] ?? []).reduce((sum, [start, end]) => sum + minutesOfClock(end) - minutesOfClock(start), 0)).filter((n) => n > 0);
  if (lengths.length === 0 || lengths.some((n) => n !== lengths[0])) return null;
  return lengths[0] ?? null;
}

export type TargetDisplay = { kind: "days"; days: number } | { kind: "time"; hours: number; minutes: number };

export function describeTarget(minutes: number, workingDayMinutes: number | null): TargetDisplay {
  if (workingDayMinutes && minutes >= workingDayMinutes && minutes % workingDayMinutes === 0) return { kind: "days", days: minutes / workingDayMinutes };
  return { kind: "time", hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" }).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return Date.UTC(field("year"), field("month") - 1, field("day"), field("hour") % 24, field("minute"), field("second")) - Math.floor(instant / 1000) * 1000;
}

/** "2026-11-23T09:00" on the wall clock of `timeZone` → the instant (two passes settle any DST offset). */
export function zonedWallTimeToInstant(wall: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  try {
    const first = guess - offsetMs(guess, timeZone);
    return new Date(guess - offsetMs(first, timeZone));
  } catch (error) {
    if (error instanceof RangeError) return null; // unknown zone: the form reports it on the zone field
    throw error;
  }
}

/** The instant as "YYYY-MM-DDTHH:MM" on the wall clock of `timeZone`, for datetime-local inputs. */
export function wallTimeIn(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetMs(instant.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}
