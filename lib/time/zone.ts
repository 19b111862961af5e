// Time-zone arithmetic through @date-fns/tz (TZDate / tzOffset) and the ONE business time zone of the service centre.
// Pure and safe to import into client components. SLA calendars carry their own zone (lib/sla/business-time.ts);
// everything else that speaks of "a day", "this year" or a wall-clock input uses BUSINESS_TIME_ZONE.
import { TZDate, tzOffset } from "@date-fns/tz";

/**
 * The service centre's time zone: calendar days in filters and reports, the year in complaint references, token
 * expiry at the end of a day, datetime-local inputs. The default calendar is created in it too.
 */
export const BUSINESS_TIME_ZONE = "Asia/Shanghai";

/** Local wall time minus UTC at `instant`, in ms (whole seconds: historical offsets such as LMT have seconds). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const minutes = tzOffset(timeZone, new Date(instant));
  if (Number.isNaN(minutes)) throw new RangeError(`Invalid time zone specified: ${timeZone}`);
  return Math.round(minutes * 60) * 1000;
}

function dayParts(date: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** Midnight at the start of the calendar day "YYYY-MM-DD" in `timeZone`. */
export function startOfZonedDay(date: string, timeZone: string = BUSINESS_TIME_ZONE): Date {
  const parts = dayParts(date);
  if (!parts) return new Date(Number.NaN);
  return new Date(new TZDate(parts[0], parts[1] - 1, parts[2], timeZone).getTime());
}

/** The first instant after the calendar day "YYYY-MM-DD" in `timeZone` (the next day's midnight). */
export function endOfZonedDay(date: string, timeZone: string = BUSINESS_TIME_ZONE): Date {
  const parts = dayParts(date);
  if (!parts) return new Date(Number.NaN);
  return new Date(new TZDate(parts[0], parts[1] - 1, parts[2] + 1, timeZone).getTime());
}

/** The instant as "YYYY-MM-DDTHH:MM" on the wall clock of `timeZone` (datetime-local inputs). */
export function zonedWallTime(instant: Date, timeZone: string = BUSINESS_TIME_ZONE): string {
  return new Date(instant.getTime() + zoneOffsetMs(timeZone, instant.getTime())).toISOString().slice(0, 16);
}

/** The calendar day "YYYY-MM-DD" in `timeZone` at `instant`. */
export function zonedDay(instant: Date, timeZone: string = BUSINESS_TIME_ZONE): string {
  return zonedWallTime(instant, timeZone).slice(0, 10);
}

/** The calendar year in `timeZone` at `instant`. */
export function zonedYear(instant: Date, timeZone: string = BUSINESS_TIME_ZONE): number {
  return new TZDate(instant.getTime(), timeZone).getFullYear();
}

/**
 * "YYYY-MM-DDTHH:MM" on the wall clock of `timeZone` → the instant (two passes settle any DST offset); null for a
 * malformed value or an unknown zone.
 */
export function zonedWallTimeToInstant(wall: string, timeZone: string = BUSINESS_TIME_ZONE): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  try {
    const first = guess - zoneOffsetMs(timeZone, guess);
    return new Date(guess - zoneOffsetMs(timeZone, first));
  } catch (error) {
    if (error instanceof RangeError) return null; // unknown zone: the form reports it on the zone field
    throw error;
  }
}
