// Dashboard filters as they live in the URL (shareable), and the period they resolve to. Days are reporting days in
// China Standard Time (UTC+8, no daylight saving), the same day boundary the complaint queue's date filters use.
import { z } from "zod";
import { BUSINESS_TIME_ZONE } from "@/lib/time/zone";
import { MAX_INT4 } from "@/lib/validation";

export const PRESETS = ["7d", "30d", "90d", "mtd", "last_month", "qtd", "ytd", "custom"] as const;
export type Preset = (typeof PRESETS)[number];
const DEFAULT_PRESET: Preset = "30d";

const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000;
export const REPORT_TIME_ZONE = BUSINESS_TIME_ZONE;

const idList = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const list = (Array.isArray(value) ? value : value.split(",")).filter(Boolean).map(Number);
    if (list.some((n) => !Number.isInteger(n) || n <= 0 || n > MAX_INT4)) {
      ctx.addIssue({ code: "custom", message: "invalid_value" });
      return z.NEVER;
    }
    return list.length ? list : undefined;
  });

export const dashboardFilterSchema = z
  .object({
    preset: z.enum(PRESETS).default(DEFAULT_PRESET),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    team: idList,
    category: idList,
    channel: idList,
    tier: idList,
    severity: idList,
  })
  .refine(
    (value) =>
      value.preset !== "custom" || (value.from !== undefined && value.to !== undefined && value.from <= value.to),
    {
      message: "invalid_range",
      path: ["from"],
    },
  );

export type DashboardFilters = z.infer<typeof dashboardFilterSchema>;
export type DimensionKey = "team" | "category" | "channel" | "tier" | "severity";
export const DIMENSIONS: readonly DimensionKey[] = ["team", "category", "channel", "tier", "severity"];

export type RawParams = Record<string, string | string[] | undefined>;

/**
 * Parses URL params; anything malformed falls back to the default view with `invalid: true` (a notice, never an error).
 */
export function parseDashboardParams(raw: RawParams): { filters: DashboardFilters; invalid: boolean } {
  const parsed = dashboardFilterSchema.safeParse(raw);
  if (parsed.success) return { filters: parsed.data, invalid: false };
  return { filters: dashboardFilterSchema.parse({}), invalid: true };
}

/** The day (YYYY-MM-DD) of an instant in reporting time. */
export function reportDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET).toISOString().slice(0, 10);
}

/** The instant shifted to reporting wall time, so its UTC fields read as the local date (month arithmetic). */
export function toReportClock(instant: Date): Date {
  return new Date(instant.getTime() + OFFSET);
}

/** Start of a reporting day as an instant. */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET);
}

/** The reporting day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export type Period = {
  /** inclusive first and last reporting day */
  fromDay: string;
  toDay: string;
  from: Date;
  /** exclusive end */
  to: Date;
  days: number;
  /** the same number of days right before; for whole calendar months, the same number of calendar months before */
  previous: { fromDay: string; toDay: string; from: Date; to: Date };
};

/**
 * First day of the previous period: whole calendar months (a month, a quarter, the monthly report) compare with the
 * same number of calendar months right before (November → October 1–31); any other range with as many days before it.
 */
function previousStart(fromDay: string, toDay: string, days: number): string {
  const nextDayOfTo = addDays(toDay, 1);
  if (!fromDay.endsWith("-01") || !nextDayOfTo.endsWith("-01")) return addDays(fromDay, -days);
  const [fromYear, fromMonth] = fromDay.split("-").map(Number) as [number, number];
  const [endYear, endMonth] = nextDayOfTo.split("-").map(Number) as [number, number];
  const months = (endYear - fromYear) * 12 + (endMonth - fromMonth);
  return new Date(Date.UTC(fromYear, fromMonth - 1 - months, 1)).toISOString().slice(0, 10);
}

export function resolvePeriod(filters: Pick<DashboardFilters, "preset" | "from" | "to">, now: Date): Period {
  const today = reportDay(now);
  const [year, month] = today.split("-").map(Number) as [number, number];
  const monthStart = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10);
  let fromDay: string;
  let toDay = today;
  switch (filters.preset) {
    case "7d":
      fromDay = addDays(today, -6);
      break;
    case "30d":
      fromDay = addDays(today, -29);
      break;
    case "90d":
      fromDay = addDays(today, -89);
      break;
    case "mtd":
      fromDay = monthStart(year, month);
      break;
    case "last_month":
      fromDay = monthStart(year, month - 1);
      toDay = addDays(monthStart(year, month), -1);
      break;
    case "qtd":
      fromDay = monthStart(year, Math.floor((month - 1) / 3) * 3 + 1);
      break;
    case "ytd":
      fromDay = monthStart(year, 1);
      break;
    case "custom":
      fromDay = filters.from ?? addDays(today, -29);
      toDay = filters.to ?? today;
      break;
  }
  const days = Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY) + 1;
  const prevToDay = addDays(fromDay, -1);
  const prevFromDay = previousStart(fromDay, toDay, days);
  return {
    fromDay,
    toDay,
    from: dayStart(fromDay),
    to: dayStart(addDays(toDay, 1)),
    days,
    previous: { fromDay: prevFromDay, toDay: prevToDay, from: dayStart(prevFromDay), to: dayStart(fromDay) },
  };
}

/** Every reporting day of a period, for charts that must show empty days too. */
export function daysOf(period: Pick<Period, "fromDay" | "days">): string[] {
  return Array.from({ length: period.days }, (_, index) => addDays(period.fromDay, index));
}

/** Flat URL params of the filters (defaults left out). */
export function filterParams(filters: DashboardFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.preset !== DEFAULT_PRESET) params.preset = filters.preset;
  if (filters.preset === "custom") {
    if (filters.from) params.from = filters.from;
    if (filters.to) params.to = filters.to;
  }
  for (const key of DIMENSIONS) {
    const value = filters[key];
    if (value?.length) params[key] = value.join(",");
  }
  return params;
}
