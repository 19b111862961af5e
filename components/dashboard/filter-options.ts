// Options of the dashboard filter bar (reference data in the reader's language).
import { getComplaintFormOptions } from "@/lib/complaints/workspace";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import type { DimensionKey } from "@/lib/kpi/filters";

export async function dashboardFilterOptions(locale: AppLocale, teamIds?: number[]) {
  const options = await getComplaintFormOptions();
  const name = (row: { nameZh: string; nameEn: string }) => localizedName(locale, row);
  const pick = (rows: { id: number; nameZh: string; nameEn: string }[]) =>
    rows.map((row) => ({ value: String(row.id), label: name(row) }));
  const result: Partial<Record<DimensionKey, { value: string; label: string }[]>> = {
    team: pick(teamIds ? options.teams.filter((team) => teamIds.includes(team.id)) : options.teams),
    category: pick(options.categories.filter((category) => category.parentId === null)),
    channel: pick(options.channels),
    tier: pick(options.tiers),
    severity: pick(options.severities),
  };
  return result;
}
