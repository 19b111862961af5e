import { KpiTile } from "@/components/dashboard/kpi-tile";
import { KPI_SPECS } from "@/lib/kpi/catalog";
import type { Tile } from "@/lib/kpi/dashboard";
import type { DashboardFilters, Period } from "@/lib/kpi/filters";
import { drillHref } from "@/lib/kpi/links";

export function TileGrid({
  tiles,
  filters,
  period,
  locale,
  assignee,
}: {
  tiles: Tile[];
  filters: DashboardFilters;
  period: Period;
  locale: string;
  assignee?: number;
}) {
  return (
    <div
      className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5 print:grid-cols-3"
      data-testid="kpi-tiles"
    >
      {tiles.map((tile) => (
        <KpiTile
          key={tile.key}
          tile={tile}
          locale={locale}
          href={drillHref(filters, period, KPI_SPECS[tile.key].drill, assignee === undefined ? {} : { assignee })}
        />
      ))}
    </div>
  );
}
