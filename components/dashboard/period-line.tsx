import { getTranslations } from "next-intl/server";
import type { Period } from "@/lib/kpi/filters";

export async function PeriodLine({ period }: { period: Period }) {
  const t = await getTranslations("dashboard");
  return (
    <p className="text-sm text-slate-600" data-testid="dashboard-period">
      <span className="font-medium text-slate-900">{t("period", { from: period.fromDay, to: period.toDay })}</span>{" "}
      <span className="text-slate-500">
        {t("previousPeriod", { from: period.previous.fromDay, to: period.previous.toDay })}
      </span>
    </p>
  );
}
