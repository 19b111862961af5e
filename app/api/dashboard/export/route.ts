// Dashboard tables as CSV (UTF-8 with BOM) or XLSX, with the page's filters applied (report.export, scoped).
import { NextResponse } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { toCsv, toXlsx } from "@/lib/exports/xlsx";
import { isAppLocale } from "@/lib/i18n/locales";
import { buildExport, parseExportRequest } from "@/lib/kpi/export";

const error = (status: number, code: string, message: string) => NextResponse.json({ error: { code, message } }, { status });

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return error(401, "unauthorized", "Sign in first.");
  if (!can(user, "report.export")) return error(403, "forbidden", "You may not export reports.");
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = parseExportRequest(raw);
  if (!parsed) return error(400, "invalid", "Unknown table, format or filter.");
  const rawLocale = await getLocale();
  const locale = isAppLocale(rawLocale) ? rawLocale : "zh-CN";
  const [columns, kpis, split] = await Promise.all([getTranslations("dashboard.exportColumns"), getTranslations("dashboard.kpis"), getTranslations("phoneSurvey")]);
  const label = (key: string) => {
    if (key.startsWith("kpiNames.")) return kpis(key.slice(9) as Parameters<typeof kpis>[0]);
    // The survey-mode table's columns and mode names (split.*, modes.*) live with the phone survey's messages.
    if (key.startsWith("surveyModes.")) return split(key.slice(12) as Parameters<typeof split>[0]);
    return columns(key as Parameters<typeof columns>[0]);
  };
  const result = await buildExport(user.actor, parsed.request, parsed.filters, locale, label);
  if (!result.ok) return result.error === "forbidden" ? error(403, "forbidden", "You may not export this table.") : error(400, "invalid", "This table cannot be exported from this view.");
  const { table } = result;
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (parsed.request.format === "csv") {
    return new NextResponse(toCsv(table.header, table.rows), {
      headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${table.name}.csv"` },
    });
  }
  return new NextResponse(new Uint8Array(toXlsx(table.name, table.header, table.rows)), {
    headers: {
      ...headers,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${table.name}.xlsx"`,
    },
  });
}
