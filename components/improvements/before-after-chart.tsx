"use client";
// Complaints of the root cause per week around the action's anchor date (vertical line at week 0).
import { useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export function BeforeAfterChart({ series }: { series: { week: number; count: number | null }[] }) {
  const t = useTranslations("improvements.beforeAfter");
  const data = series.map((point) => ({
    label: point.week < 0 ? `${point.week}` : `+${point.week}`,
    count: point.count,
  }));
  return (
    <div className="h-56 w-full" role="img" aria-label={t("chartLabel")}>
      <ResponsiveContainer width="100%" height="100%" minWidth={200}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: -16 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#64748b" }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#64748b" }} />
          <Tooltip
            formatter={(value) => [value as number, t("complaints")]}
            labelFormatter={(label) => t("weekLabel", { week: String(label) })}
          />
          <ReferenceLine x="+0" stroke="#7c3aed" strokeDasharray="4 2" />
          <Line
            type="linear"
            dataKey="count"
            stroke="#2563eb"
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
