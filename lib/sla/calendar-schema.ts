// Shape of a business calendar as the SLA arithmetic sees it; `BusinessCalendar.workingHours` JSON is validated here.
import { z } from "zod";
import { HolidayKind } from "@/lib/generated/prisma/enums";

export const WEEKDAYS = ["0", "1", "2", "3", "4", "5", "6"] as const; // "0" = Sunday, like Date#getDay

/** "HH:MM" → minutes after local midnight; "24:00" (= 1440) lets a period run to the end of the day. */
export function minutesOfClock(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

const clockSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "bad_clock"); // field error codes, translated by errors.field.* (lib/i18n/field-errors.ts);

const workingPeriodSchema = z
  .tuple([clockSchema, clockSchema])
  .refine(([start, end]) => minutesOfClock(start) < minutesOfClock(end), "period_order");

const dayHoursSchema = z
  .array(workingPeriodSchema)
  .refine(
    (periods) =>
      periods.every((period, i) => i === 0 || minutesOfClock(periods[i - 1]![1]) <= minutesOfClock(period[0])),
    "overlap",
  );

/**
 * Weekdays without an entry have no working time; unknown keys ("7", "mon") are rejected rather than silently ignored.
 */
export const workingHoursSchema = z.strictObject({
  "0": dayHoursSchema.optional(),
  "1": dayHoursSchema.optional(),
  "2": dayHoursSchema.optional(),
  "3": dayHoursSchema.optional(),
  "4": dayHoursSchema.optional(),
  "5": dayHoursSchema.optional(),
  "6": dayHoursSchema.optional(),
});
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false; // Intl's way of saying "unknown zone"
    throw error;
  }
}

const isoDateSchema = z.iso.date(); // YYYY-MM-DD, calendar-valid

const calendarHolidaySchema = z.object({
  date: isoDateSchema,
  kind: z.enum(HolidayKind),
});

export const calendarSpecSchema = z
  .object({
    timeZone: z.string().refine(isValidTimeZone, "bad_zone"),
    is24x7: z.boolean(),
    workingHours: workingHoursSchema,
    holidays: z.array(calendarHolidaySchema),
  })
  .refine((spec) => new Set(spec.holidays.map((h) => h.date)).size === spec.holidays.length, {
    message: "duplicate_date",
    path: ["holidays"],
  })
  // Without any weekly hours a deadline would never arrive; 24×7 calendars ignore workingHours.
  .refine((spec) => spec.is24x7 || WEEKDAYS.some((day) => (spec.workingHours[day]?.length ?? 0) > 0), {
    message: "no_hours",
    path: ["workingHours"],
  });

/**
 * A calendar for the SLA arithmetic. A "holiday" date has no working time; a "workday" date (调休, e.g. a Saturday
 * worked before a long holiday) gets the hours of a normal weekday: Monday's, or the first weekday that has hours.
 * A 24×7 calendar counts every minute and ignores workingHours and holidays.
 */
export type CalendarSpec = z.infer<typeof calendarSpecSchema>;

/**
 * Builds the spec from a `BusinessCalendar` row with its holidays; throws ZodError when the stored JSON is malformed.
 */
export function toCalendarSpec(row: {
  timeZone: string;
  is24x7: boolean;
  workingHours: unknown;
  holidays: readonly { date: Date; kind: HolidayKind }[];
}): CalendarSpec {
  return calendarSpecSchema.parse({
    timeZone: row.timeZone,
    is24x7: row.is24x7,
    workingHours: row.workingHours,
    // @db.Date columns arrive as UTC midnight, so the UTC date is the calendar date.
    holidays: row.holidays.map((h) => ({ date: h.date.toISOString().slice(0, 10), kind: h.kind })),
  });
}
