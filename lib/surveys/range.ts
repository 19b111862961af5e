// The report's date range from the URL (?from=YYYY-MM-DD&to=YYYY-MM-DD, "to" inclusive), defaulting to the last
// 30 days; dates are calendar days in the app's time zone offset-free (UTC midnight), which is what the inputs show.
import { z } from "zod";

const day = z.iso.date();
const DAY_MS = 86_400_000;

export type ReportRange = { from: Date; to: Date; fromText: string; toText: string; invalid: boolean };

const text = (date: Date) => date.toISOString().slice(0, 10);

export function parseReportRange(fromRaw: unknown, toRaw: unknown, now = new Date()): ReportRange {
  const today = new Date(`${text(now)}T00:00:00Z`);
  const fallback = { from: new Date(today.getTime() - 29 * DAY_MS), toDay: today };
  const from = day.safeParse(fromRaw);
  const to = day.safeParse(toRaw);
  const given = fromRaw !== undefined || toRaw !== undefined;
  let fromDay = from.success ? new Date(`${from.data}T00:00:00Z`) : fallback.from;
  let toDay = to.success ? new Date(`${to.data}T00:00:00Z`) : fallback.toDay;
  const invalid = given && (!from.success || !to.success || fromDay > toDay);
  if (fromDay > toDay) [fromDay, toDay] = [fallback.from, fallback.toDay];
  return { from: fromDay, to: new Date(toDay.getTime() + DAY_MS), fromText: text(fromDay), toText: text(toDay), invalid };
}
