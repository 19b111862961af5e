// The business calendars table: zone, weekly hours in one line, holiday count.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { WEEKDAYS_MONDAY_FIRST } from "@/lib/sla/admin/display";
import type { CalendarListRow } from "@/lib/sla/admin/queries";
import type { WorkingHours } from "@/lib/sla/calendar-schema";

/** Runs of weekdays with identical hours: "Mon–Fri 09:00–18:00". */
function hoursSummary(hours: WorkingHours, dayName: (day: string) => string): string[] {
  const lines: string[] = [];
  let run: { first: string; last: string; text: string } | null = null;
  const flush = () => {
    if (run)
      lines.push(
        `${run.first === run.last ? dayName(run.first) : `${dayName(run.first)}–${dayName(run.last)}`} ${run.text}`,
      );
  };
  for (const day of WEEKDAYS_MONDAY_FIRST) {
    const text = (hours[day] ?? []).map(([start, end]) => `${start}–${end}`).join(", ");
    if (run && text === run.text && text !== "") run.last = day;
    else {
      flush();
      run = text === "" ? null : { first: day, last: day, text };
    }
  }
  flush();
  return lines;
}

export async function CalendarTable({ calendars }: { calendars: CalendarListRow[] }) {
  const locale = await getLocale();
  const t = await getTranslations("adminCalendars");
  const dayName = (day: string) => t(`weekdaysShort.${day as (typeof WEEKDAYS_MONDAY_FIRST)[number]}`); // day comes from WEEKDAYS_MONDAY_FIRST
  return (
    <Table data-testid="calendars-table">
      <TableCaption>{t("title")}</TableCaption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>{t("columns.name")}</TableHead>
          <TableHead>{t("columns.timeZone")}</TableHead>
          <TableHead>{t("columns.hours")}</TableHead>
          <TableHead className="text-right">{t("columns.holidays")}</TableHead>
          <TableHead className="text-right">{t("columns.policies")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {calendars.map((calendar) => (
          <TableRow key={calendar.id}>
            <TableCell className="align-top">
              <Link
                href={`/admin/calendars/${calendar.id}`}
                className="focus-ring rounded font-medium text-brand-700 hover:underline"
              >
                {locale === "zh-CN" ? calendar.nameZh : calendar.nameEn}
              </Link>
              <div className="mt-0.5 font-mono text-xs text-slate-500">{calendar.code}</div>
            </TableCell>
            <TableCell className="align-top font-mono text-[13px]">{calendar.timeZone}</TableCell>
            <TableCell className="align-top text-[13px]">
              {calendar.is24x7 ? (
                <Badge tone="info">{t("is24x7")}</Badge>
              ) : calendar.workingHours ? (
                hoursSummary(calendar.workingHours, dayName).map((line) => (
                  <div key={line} className="tabular-nums">
                    {line}
                  </div>
                ))
              ) : (
                <Badge tone="danger">{t("malformed")}</Badge>
              )}
            </TableCell>
            <TableCell className="text-right align-top tabular-nums">{calendar.holidayCount}</TableCell>
            <TableCell className="text-right align-top tabular-nums">{calendar.policyCount}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
