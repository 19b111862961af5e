import { getFormatter, getTranslations } from "next-intl/server";
import { RefreshCw } from "lucide-react";
import { readSource } from "@/lib/db-replica";

// "Data as of HH:MM": the dashboards read KPI facts refreshed by a job every minute. With a read replica
// (DATABASE_REPLICA_URL) the line also says how far the replica is behind, or that the primary answered instead.
export async function Freshness({ dataAsOf }: { dataAsOf: Date | null }) {
  const [t, format, source] = await Promise.all([getTranslations("dashboard"), getFormatter(), readSource()]);
  return (
    <span data-testid="dashboard-freshness" className="inline-flex items-center gap-1.5 text-[13px] text-slate-500">
      <RefreshCw aria-hidden className="size-3.5" />
      {dataAsOf
        ? t("dataAsOf", {
            time: format.dateTime(dataAsOf, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }),
          })
        : t("dataPending")}
      {source ? (
        <span data-testid="dashboard-read-source">
          {" · "}
          {source.source === "replica"
            ? t("replicaLag", { seconds: format.number(Math.round(source.lagSeconds ?? 0)) })
            : t("replicaPrimary")}
        </span>
      ) : null}
    </span>
  );
}
