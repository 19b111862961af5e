// Formatting of KPI values by unit, in the reader's locale (pure: used by server and client components and exports).
import type { KpiUnit } from "@/lib/kpi/catalog";

export type UnitLabels = { minutes: string; hours: string; days: string };

export const UNIT_LABELS: Record<string, UnitLabels> = {
  en: { minutes: "min", hours: "h", days: "d" },
  "zh-CN": { minutes: "分钟", hours: "小时", days: "天" },
};

export function formatDuration(minutes: number, locale: string): string {
  const labels = UNIT_LABELS[locale] ?? UNIT_LABELS.en!;
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (minutes < 120) return `${number(minutes, 0)} ${labels.minutes}`;
  if (minutes < 48 * 60) return `${number(minutes / 60, 1)} ${labels.hours}`;
  return `${number(minutes / 1_440, 1)} ${labels.days}`;
}

export function formatKpi(unit: KpiUnit, value: number | null, locale: string): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (unit) {
    case "count":
      return new Intl.NumberFormat(locale).format(value);
    case "minutes":
      return formatDuration(value, locale);
    case "share":
      return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
    case "points":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(value);
    case "score":
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
    case "rate":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    case "cny":
      return new Intl.NumberFormat(locale, { style: "currency", currency: "CNY", maximumFractionDigits: 0 }).format(
        value,
      );
  }
}

/** Relative change as a signed percentage ("+12 %"). */
export function formatChange(change: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "percent",
    maximumFractionDigits: 0,
    signDisplay: "exceptZero",
  }).format(change);
}
