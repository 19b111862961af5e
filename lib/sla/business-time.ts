// Working-time arithmetic on business calendars (SPEC §4). Pure: no database, no clock; exact milliseconds inside.
import { zoneOffsetMs } from "@/lib/time/zone";
import { minutesOfClock, WEEKDAYS, type CalendarSpec } from "./calendar-schema";

const SECOND = 1_000;
const MINUTE = 60_000;
const DAY = 86_400_000;
/** Searching this long without meeting any working time means the calendar can never meet a deadline. */
const MAX_IDLE_DAYS = 3_660;

export interface WorkingPeriod {
  start: Date;
  end: Date;
}

export interface SlaPause {
  from: Date;
  /** null while the clock is still paused */
  to: Date | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Time zones. Offsets come from @date-fns/tz (tzOffset, backed by Intl); that is slow, so offsets are cached per UTC
// day and only looked up exactly on the few days a year that contain a transition.

interface Zone {
  timeZone: string;
  /** UTC day number → the offset valid all day, or null when the offset changes during that day */
  utcDays: Map<number, number | null>;
}

const zones = new Map<string, Zone>();

function zoneOf(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    zoneOffsetMs(timeZone, 0); // throws RangeError for an unknown zone, as Intl does
    zone = { timeZone, utcDays: new Map() };
    zones.set(timeZone, zone);
  }
  return zone;
}

/** Local wall time minus UTC at instant `t`, in ms. */
function exactOffset(zone: Zone, t: number): number {
  return zoneOffsetMs(zone.timeZone, t);
}

function offsetAt(zone: Zone, t: number): number {
  const utcDay = Math.floor(t / DAY);
  let cached = zone.utcDays.get(utcDay);
  if (cached === undefined) {
    // Equal offsets at both ends of the day mean no transition inside it (zones never switch twice in a day).
    const atStart = exactOffset(zone, utcDay * DAY);
    cached = atStart === exactOffset(zone, (utcDay + 1) * DAY) ? atStart : null;
    if (zone.utcDays.size > 200_000) zone.utcDays.clear(); // bound memory for callers sweeping centuries
    zone.utcDays.set(utcDay, cached);
  }
  return cached ?? exactOffset(zone, t);
}

/**
 * Wall time (ms since 1970-01-01T00:00 on the local calendar) → the first instant at which the local clock shows
 * that time or later. In an autumn overlap that is the first pass; a wall time skipped by a spring gap maps to the
 * transition itself, so a period 01:00–03:00 on a spring-forward day is one real hour long.
 */
function wallToInstant(zone: Zone, wall: number): number {
  // A day either side brackets any single transition, since offsets stay within ±14 h.
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetAt(zone, early) === before;
  const lateValid = offsetAt(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  // Gap: binary-search the transition (tzdb transitions fall on whole seconds) between the two candidates.
  let lo = Math.floor(Math.min(early, late) / SECOND);
  let hi = Math.ceil(Math.max(early, late) / SECOND);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid * SECOND) === before) lo = mid;
    else hi = mid;
  }
  return hi * SECOND;
}

function localDayOf(zone: Zone, t: number): number {
  return Math.floor((t + offsetAt(zone, t)) / DAY);
}

// ---------------------------------------------------------------------------------------------------------------
// Calendars, compiled once per spec object (treat specs as immutable) into minute pairs per weekday and a
// local date → exception map.

type MinutePairs = readonly number[]; // [start, end, start, end, …] in minutes after local midnight

interface CompiledCalendar {
  zone: Zone;
  is24x7: boolean;
  weekly: readonly MinutePairs[];
  adjustedWorkday: MinutePairs;
  exceptions: ReadonlyMap<number, "holiday" | "workday">;
}

const FULL_DAY: MinutePairs = [0, 1440];
const NO_TIME: MinutePairs = [];
const compiled = new WeakMap<CalendarSpec, CompiledCalendar>();

function compile(spec: CalendarSpec): CompiledCalendar {
  const cached = compiled.get(spec);
  if (cached) return cached;
  const weekly = WEEKDAYS.map((day) =>
    (spec.workingHours[day] ?? []).flatMap(([start, end]) => [minutesOfClock(start), minutesOfClock(end)]),
  );
  // An adjusted workday (调休) works like an ordinary weekday: Monday, or the first day after it that has hours.
  const adjustedWorkday =
    [1, 2, 3, 4, 5, 6, 0].map((day) => weekly[day] ?? NO_TIME).find((pairs) => pairs.length > 0) ?? NO_TIME;
  const exceptions = new Map(spec.holidays.map((h) => [Date.parse(`${h.date}T00:00:00Z`) / DAY, h.kind] as const));
  const calendar = { zone: zoneOf(spec.timeZone), is24x7: spec.is24x7, weekly, adjustedWorkday, exceptions };
  compiled.set(spec, calendar);
  return calendar;
}

function hoursOn(calendar: CompiledCalendar, day: number): MinutePairs {
  if (calendar.is24x7) return FULL_DAY;
  const exception = calendar.exceptions.get(day);
  if (exception === "holiday") return NO_TIME;
  if (exception === "workday") return calendar.adjustedWorkday;
  return calendar.weekly[(((day + 4) % 7) + 7) % 7] ?? NO_TIME; // local day 0 (1970-01-01) was a Thursday
}

/**
 * Calls `visit(start, end)` for each working interval (instants, ms) from `from` on, in order, clipped to start no
 * earlier than `from`, until `visit` returns false or the local day `lastDay` is done. Loops per day, not per minute.
 */
function eachWorkingInterval(
  calendar: CompiledCalendar,
  from: number,
  lastDay: number,
  visit: (start: number, end: number) => boolean,
): void {
  let idleDays = 0;
  for (let day = localDayOf(calendar.zone, from); day <= lastDay; day++) {
    const pairs = hoursOn(calendar, day);
    if (pairs.length === 0) {
      if (++idleDays > MAX_IDLE_DAYS) throw new RangeError(`calendar has no working time for ${MAX_IDLE_DAYS} days`);
      continue;
    }
    idleDays = 0;
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const end = wallToInstant(calendar.zone, day * DAY + pairs[i + 1]! * MINUTE);
      if (end <= from) continue;
      const start = Math.max(from, wallToInstant(calendar.zone, day * DAY + pairs[i]! * MINUTE));
      if (start < end && !visit(start, end)) return;
    }
  }
}

function businessMsBetween(calendar: CompiledCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  if (calendar.is24x7) return to - from;
  let total = 0;
  // One day of slack: a zone falling back across midnight can show the next date before `to`.
  eachWorkingInterval(calendar, from, localDayOf(calendar.zone, to) + 1, (start, end) => {
    if (start >= to) return false;
    total += Math.min(end, to) - start;
    return true;
  });
  return total;
}

function addBusinessMs(calendar: CompiledCalendar, from: number, amount: number): number {
  if (amount === 0) return from;
  if (calendar.is24x7) return from + amount;
  let remaining = amount;
  let due = Number.NaN;
  eachWorkingInterval(calendar, from, Number.POSITIVE_INFINITY, (start, end) => {
    if (end - start < remaining) {
      remaining -= end - start;
      return true;
    }
    due = start + remaining; // a target ending exactly at closing time is due at closing, not next morning
    return false;
  });
  return due;
}

function instantOf(date: Date, name: string): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${name} is an invalid date`);
  return t;
}

function msOfMinutes(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`);
  return Math.round(minutes * MINUTE);
}

/** Pauses from `startedAt` on, sorted and merged; an open pause runs to +∞. */
function normalisePauses(pauses: readonly SlaPause[], startedAt: number): { from: number; to: number }[] {
  const clipped = pauses
    .map((p) => ({
      from: Math.max(startedAt, instantOf(p.from, "pause.from")),
      to: p.to ? instantOf(p.to, "pause.to") : Number.POSITIVE_INFINITY,
    }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const pause of clipped) {
    const last = merged.at(-1);
    if (last && pause.from <= last.to) last.to = Math.max(last.to, pause.to);
    else merged.push({ ...pause });
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------------------------
// Public API. Minutes may be fractional; they are rounded to whole milliseconds.

/**
 * The instant at which `minutes` of working time have elapsed from `start`. Outside working hours counting begins
 * with the next working period; 0 minutes returns `start` itself (even outside hours). A target that is used up
 * exactly at the end of a period is due at that end, not at the start of the next one.
 */
export function addBusinessMinutes(calendar: CalendarSpec, start: Date, minutes: number): Date {
  return new Date(addBusinessMs(compile(calendar), instantOf(start, "start"), msOfMinutes(minutes)));
}

/** Working minutes in [from, to): exact, so possibly fractional; 0 when `to` is not after `from`. */
export function businessMinutesBetween(calendar: CalendarSpec, from: Date, to: Date): number {
  return businessMsBetween(compile(calendar), instantOf(from, "from"), instantOf(to, "to")) / MINUTE;
}

/**
 * The next `count` working periods from `from` (the first clipped to `from` when it is inside one), one per configured
 * period of each local day: an overnight shift shows as 22:00–24:00 and 00:00–06:00; a 24×7 calendar as whole days.
 */
export function nextWorkingPeriods(calendar: CalendarSpec, from: Date, count: number): WorkingPeriod[] {
  const periods: WorkingPeriod[] = [];
  if (count <= 0) return periods;
  eachWorkingInterval(compile(calendar), instantOf(from, "from"), Number.POSITIVE_INFINITY, (start, end) => {
    periods.push({ start: new Date(start), end: new Date(end) });
    return periods.length < count;
  });
  return periods;
}

/**
 * Due instant of a clock started at `startedAt` with `targetMinutes` of working time, where working time inside the
 * pauses does not count (pauses may overlap or precede `startedAt`; they are merged and clipped). Returns null while
 * an open pause (to = null) holds the clock before its target is reached: a paused clock has no due time. A pause
 * that begins after the due instant changes nothing, so the (past) due instant is returned.
 */
export function dueAtWithPauses(
  calendar: CalendarSpec,
  startedAt: Date,
  targetMinutes: number,
  pauses: readonly SlaPause[],
): Date | null {
  const cal = compile(calendar);
  let cursor = instantOf(startedAt, "startedAt");
  let remaining = msOfMinutes(targetMinutes);
  for (const pause of normalisePauses(pauses, cursor)) {
    const worked = businessMsBetween(cal, cursor, pause.from);
    if (worked >= remaining) break;
    if (pause.to === Number.POSITIVE_INFINITY) return null;
    remaining -= worked;
    cursor = pause.to;
  }
  return new Date(addBusinessMs(cal, cursor, remaining));
}

/**
 * Working minutes left on a clock at `now` (fractional; negative once overdue, by the working minutes past due).
 * Time inside pauses does not count; an open pause counts as paused up to `now`.
 */
export function remainingBusinessMinutes(
  calendar: CalendarSpec,
  startedAt: Date,
  targetMinutes: number,
  pauses: readonly SlaPause[],
  now: Date,
): number {
  const cal = compile(calendar);
  const started = instantOf(startedAt, "startedAt");
  const at = instantOf(now, "now");
  let elapsed = businessMsBetween(cal, started, at);
  for (const pause of normalisePauses(pauses, started))
    elapsed -= businessMsBetween(cal, pause.from, Math.min(pause.to, at));
  return (msOfMinutes(targetMinutes) - elapsed) / MINUTE;
}
