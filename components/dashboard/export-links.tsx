import { getTranslations } from "next-intl/server";
import { Download } from "lucide-react";
import type { DashboardFilters } from "@/lib/kpi/filters";
import { exportHref, type ExportTable } from "@/lib/kpi/links";

// Plain download links (the route handler sets Content-Disposition), so they work without JavaScript.
export async function ExportLinks({
  table,
  filters,
  view = "manager",
  label,
}: {
  table: ExportTable;
  filters: DashboardFilters;
  view?: "manager" | "team";
  label: string;
}) {
  const t = await getTranslations("dashboard.export");
  return (
    <div
      role="group"
      aria-label={t("label", { table: label })}
      className="flex shrink-0 items-center gap-1 print:hidden"
    >
      <Download aria-hidden className="size-3.5 text-slate-400" />
      {(["csv", "xlsx"] as const).map((format) => (
        <a
          key={format}
          href={exportHref(filters, table, format, view)}
          download
          data-testid={`export-${table}-${format}`}
          className="focus-ring rounded px-1.5 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50"
        >
          {t(format)}
        </a>
      ))}
    </div>
  );
}
