import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChartNoAxesCombined, X } from "lucide-react";
import type { QueueFilter } from "@/lib/complaints/schema";

// Shown on the complaint queue when it was opened from a dashboard figure (the `kpi` drill-down param).
export async function DrillBanner({ filter }: { filter: QueueFilter }) {
  if (!filter.kpi) return null;
  const t = await getTranslations("dashboard.drill");
  const cohort = t(`cohorts.${filter.kpi}`);
  // A heatmap cell's creation slot (local weekday / hour), part of what the list shows.
  const weekday = filter.dow === undefined ? undefined : t(`weekdays.${String(filter.dow) as "0"}`);
  const hour = filter.hour === undefined ? undefined : String(filter.hour).padStart(2, "0");
  const slot =
    weekday !== undefined && hour !== undefined
      ? t("slot", { weekday, hour })
      : weekday !== undefined
        ? t("slotWeekday", { weekday })
        : hour !== undefined
          ? t("slotHour", { hour })
          : null;
  return (
    <p
      role="status"
      data-testid="queue-drill-banner"
      className="mb-4 flex flex-wrap items-center gap-2 rounded-lg border border-brand-100 bg-brand-50 px-4 py-2.5 text-sm text-brand-800"
    >
      <ChartNoAxesCombined aria-hidden className="size-4 shrink-0" />
      <span className="flex-1">
        {filter.from && filter.to
          ? t("banner", { cohort, from: filter.from, to: filter.to })
          : t("bannerBacklog", { cohort })}
        {slot ? (
          <span data-testid="queue-drill-slot">
            {" · "}
            {slot}
          </span>
        ) : null}
      </span>
      <Link
        href="/complaints"
        className="focus-ring inline-flex items-center gap-1 rounded text-[13px] font-medium hover:underline"
      >
        <X aria-hidden className="size-3.5" />
        {t("clear")}
      </Link>
    </p>
  );
}
