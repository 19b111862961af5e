// Dashboard tables as CSV (UTF-8 with BOM) or XLSX (streamed), with the page's filters applied (report.export, scoped).
// Errors go through the same guarded/failure mapping as /api/v1: { error: { code, message, fields? } }.
import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { failure, guarded } from "@/lib/api/respond";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { toCsv, xlsxStream } from "@/lib/exports/xlsx";
import { isAppLocale } from "@/lib/i18n/locales";
import { buildExport, parseExportRequest } from "@/lib/kpi/export";

export const GET = guarded(async (request: Request) => {
  const user = await getCurrentUser();
  if (!user) return failure({ error: "unauthorized", message: "Sign in first." });
  if (!can(user, "report.export")) return failure({ error: "forbidden", message: "You may not export reports." });
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = parseExportRequest(raw);
  if (!parsed.ok)
    return failure({ error: "invalid", message: "Unknown table, format or filter.", fields: parsed.fields });
  const rawLocale = await getLocale();
  const locale = isAppLocale(rawLocale) ? rawLocale : "zh-CN";
  const [columns, kpis, split] = await Promise.all([
    getTranslations("dashboard.exportColumns"),
    getTranslations("dashboard.kpis"),
    getTranslations("phoneSurvey"),
  ]);
  const label = (key: string) => {
    if (key.startsWith("kpiNames.")) return kpis(key.slice(9) as Parameters<typeof kpis>[0]);
    // The survey-mode table's columns and mode names (split.*, modes.*) live with the phone survey's messages.
    if (key.startsWith("surveyModes.")) return split(key.slice(12) as Parameters<typeof split>[0]);
    return columns(key as Parameters<typeof columns>[0]);
  };
  const result = await buildExport(user.actor, parsed.request, parsed.filters, locale, label);
  if (!result.ok) {
    return result.error === "forbidden"
      ? failure({ error: "forbidden", message: "You may not export this table." })
      : failure({ error: "invalid", message: "This table cannot be exported from this view." });
  }
  const { table } = result;
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (parsed.request.format === "csv") {
    return new NextResponse(toCsv(table.header, table.rows), {
      headers: {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${table.name}.csv"`,
      },
    });
  }
  const body = Readable.toWeb(xlsxStream(table.name, table.header, table.rows)) as ReadableStream<Uint8Array>;
  return new NextResponse(body, {
    headers: {
      ...headers,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${table.name}.xlsx"`,
    },
  });
});
