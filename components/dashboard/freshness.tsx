import { getFormatter, getTranslations } from "next-intl/server";
import { RefreshCw } from "lucide-react";

// "Data as of HH:MM": the dashboards read KPI facts refreshed by a job every minute.
export async function Freshness({ dataAsOf }: { dataAsOf: Date | null }) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  return (
    <span data-testid="dashboard-freshness" className="inline-flex items-center gap-1.5 text-[13px] text-slate-500">
      <RefreshCw aria-hidden className="size-3.5" />
      {dataAsOf ? t("dataAsOf", { time: format.dateTime(dataAsOf, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }) }) : t("dataPending")}
    </span>
  );
}
