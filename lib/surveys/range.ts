// The report's date range from the URL (?from=YYYY-MM-DD&to=YYYY-MM-DD, "to" inclusive), defaulting to the last
// 30 days. Days are reporting days (China Standard Time, lib/kpi/filters.ts), the same day boundary as the dashboards,
// so the survey page and the dashboard give the same figures for the same days.
import { z } from "zod";
import { addDays, dayStart, reportDay } from "@/lib/kpi/filters";

const day = z.iso.date();

export type ReportRange = { from: Date; to: Date; fromText: string; toText: string; invalid: boolean };

export function parseReportRange(fromRaw: unknown, toRaw: unknown, now = new Date()): ReportRange {
  const today = reportDay(now);
  const fallback = { fromDay: addDays(today, -29), toDay: today };
  const from = day.safeParse(fromRaw);
  const to = day.safeParse(toRaw);
  const given = fromRaw !== undefined || toRaw !== undefined;
  let fromDay = from.success ? from.data : fallback.fromDay;
  let toDay = to.success ? to.data : fallback.toDay;
  const invalid = given && (!from.success || !to.success || fromDay > toDay);
  if (fromDay > toDay) [fromDay, toDay] = [fallback.fromDay, fallback.toDay];
  return { from: dayStart(fromDay), to: dayStart(addDays(toDay, 1)), fromText: fromDay, toText: toDay, invalid };
}
