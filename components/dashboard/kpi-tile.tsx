import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArrowDownRight, ArrowUpRight, Info, Minus } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { formatChange, formatKpi } from "@/components/dashboard/format";
import { KPI_SPECS } from "@/lib/kpi/catalog";
import type { Tile } from "@/lib/kpi/dashboard";

type KpiTileProps = { tile: Tile; locale: string; href: string };

// One KPI: value, change vs. the previous period (green when it moved the good way), target, details, definition.
// The value links to the complaints behind it; the definition opens on hover and on keyboard focus.
export async function KpiTile({ tile, locale, href }: KpiTileProps) {
  const t = await getTranslations("dashboard");
  const spec = KPI_SPECS[tile.key];
  const label = t(`kpis.${tile.key}`);
  const value = formatKpi(spec.unit, tile.value, locale);
  const previous = formatKpi(spec.unit, tile.previous, locale);
  const good =
    tile.change === null || spec.better === null ? null : spec.better === "up" ? tile.change > 0 : tile.change < 0;
  const definitionId = `kpi-def-${tile.key}`;
  const Arrow = tile.change === null || tile.change === 0 ? Minus : tile.change > 0 ? ArrowUpRight : ArrowDownRight;
  return (
    <div
      data-testid={`kpi-tile-${tile.key}`}
      className="relative flex flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-card break-inside-avoid"
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-[13px] font-medium text-slate-600">{label}</h3>
        <span className="group relative print:hidden">
          <button
            type="button"
            aria-label={t("tile.definition", { kpi: label })}
            aria-describedby={definitionId}
            className="focus-ring -m-1 rounded p-1 text-slate-400 hover:text-slate-700"
          >
            <Info aria-hidden className="size-4" />
          </button>
          <span
            role="tooltip"
            id={definitionId}
            className="invisible absolute top-6 right-0 z-20 w-72 rounded-lg bg-slate-900 px-3 py-2 text-xs leading-5 text-white opacity-0 shadow-lg transition group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100"
          >
            {t(`definitions.${tile.key}`, { days: tile.reopenWindowDays ?? 0 })}
          </span>
        </span>
      </div>
      <Link
        href={href}
        aria-label={t("tile.drill", { kpi: label })}
        data-testid={`kpi-drill-${tile.key}`}
        className="focus-ring mt-1 w-fit rounded text-2xl leading-8 font-semibold tracking-tight text-slate-900 tabular-nums hover:text-brand-700 hover:underline"
      >
        {value ?? <span className="text-base font-medium text-slate-400">{t("tile.noData")}</span>}
      </Link>
      {tile.details.length ? (
        <dl className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-500">
          {tile.details.map((detail) =>
            detail.label === "base" ? (
              <div key={detail.label}>{t("tile.base", { count: detail.value ?? 0 })}</div>
            ) : (
              <div key={detail.label} className="flex gap-1">
                <dt>{t(`tile.details.${detail.label}`)}</dt>
                <dd className="tabular-nums">{formatKpi(spec.unit, detail.value, locale) ?? "—"}</dd>
              </div>
            ),
          )}
        </dl>
      ) : null}
      <div className="mt-auto flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-100 pt-2.5 text-xs">
        <span
          className={cn(
            "inline-flex items-center gap-0.5 font-medium",
            good === null ? "text-slate-500" : good ? "text-success-700" : "text-danger-700",
          )}
        >
          <Arrow aria-hidden className="size-3.5" />
          {tile.change === null ? "—" : formatChange(tile.change, locale)}
        </span>
        <span className="text-slate-500">{t("tile.previous", { value: previous ?? "—" })}</span>
        {tile.target !== null ? (
          <span
            className={cn(
              "ml-auto rounded-full px-2 py-0.5",
              tile.meetsTarget === null
                ? "bg-slate-100 text-slate-600"
                : tile.meetsTarget
                  ? "bg-success-50 text-success-700"
                  : "bg-warning-50 text-warning-700",
            )}
          >
            {t("tile.target", { value: formatKpi(spec.unit, tile.target, locale) ?? "" })}
            <span className="sr-only"> ({tile.meetsTarget ? t("tile.onTarget") : t("tile.offTarget")})</span>
          </span>
        ) : null}
      </div>
    </div>
  );
}
