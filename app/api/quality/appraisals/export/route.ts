// A month's appraisals as CSV (UTF-8 with BOM) or XLSX, scoped like the page (inspectors: their teams; managers: all).
import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { failure, guarded } from "@/lib/api/respond";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { fieldErrors } from "@/lib/errors";
import { toCsv, xlsxStream } from "@/lib/exports/xlsx";
import { isAppLocale } from "@/lib/i18n/locales";
import { appraisalExport } from "@/lib/quality/export";
import { month } from "@/lib/quality/schema";

const requestSchema = z.object({ month, format: z.enum(["csv", "xlsx"]) });

export const GET = guarded(async (request: Request) => {
  const user = await getCurrentUser();
  if (!user) return failure({ error: "unauthorized", message: "Sign in first." });
  if (!can(user, "quality.inspect")) return failure({ error: "forbidden", message: "You may not export appraisals." });
  const parsed = requestSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return failure({ error: "invalid", message: "Unknown month or format.", fields: fieldErrors(parsed.error) });
  const rawLocale = await getLocale();
  const locale = isAppLocale(rawLocale) ? rawLocale : "zh-CN";
  const t = await getTranslations("quality.export");
  const table = await appraisalExport(user.actor, parsed.data.month, locale, (key) =>
    t(key as Parameters<typeof t>[0]),
  );
  if (!table) return failure({ error: "forbidden", message: "You may not export appraisals." });
  const name = `appraisals-${parsed.data.month}`;
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (parsed.data.format === "csv") {
    return new NextResponse(toCsv(table.header, table.rows), {
      headers: {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.csv"`,
      },
    });
  }
  const body = Readable.toWeb(xlsxStream(name, table.header, table.rows)) as ReadableStream<Uint8Array>;
  return new NextResponse(body, {
    headers: {
      ...headers,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}.xlsx"`,
    },
  });
});
