// KPI targets and the reopen-rate window: settings of the installed industry template ("kpi.targets",
// "kpi.definitions"), editable by managers (lib/kpi/actions.ts). Stored in the units a person types (percent, hours);
// the dashboards get them in the units of the figures (shares 0–1, minutes).
import "server-only";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import type { KpiKey } from "@/lib/kpi/catalog";
import { DEFAULT_REOPEN_WINDOW_DAYS } from "@/lib/kpi/definitions";

export const KPI_TARGETS_KEY = "kpi.targets";
export const KPI_DEFINITIONS_KEY = "kpi.definitions";

const percent = z.number().min(0).max(100);

/** Each target, as a manager edits it; null = no target for that figure. */
export const kpiTargetsSchema = z.object({
  frtHours: z.number().positive().max(2_000).nullable(),
  resolutionHours: z.number().positive().max(2_000).nullable(),
  slaResponse: percent.nullable(),
  slaResolution: percent.nullable(),
  fcr: percent.nullable(),
  reopenRate: percent.nullable(),
  escalationRate: percent.nullable(),
  csat: percent.nullable(),
  csatMean: z.number().min(1).max(5).nullable(),
  nps: z.number().min(-100).max(100).nullable(),
  recommendation: percent.nullable(),
  ces: z.number().min(1).max(7).nullable(),
  responseRate: percent.nullable(),
});
export type KpiTargets = z.infer<typeof kpiTargetsSchema>;

export const kpiDefinitionsSchema = z.object({ reopenWindowDays: z.number().int().min(1).max(365) });
export type KpiDefinitions = z.infer<typeof kpiDefinitionsSchema>;

/** The handbook defaults (SPEC §5, airline times) for anything a template or a manager has not set. */
export const DEFAULT_KPI_TARGETS: KpiTargets = {
  frtHours: 1,
  resolutionHours: 48,
  slaResponse: 90,
  slaResolution: 90,
  fcr: 70,
  reopenRate: 5,
  escalationRate: 10,
  csat: 85,
  csatMean: null,
  nps: 20,
  recommendation: 20,
  ces: 5,
  responseRate: 30,
};
export const DEFAULT_KPI_DEFINITIONS: KpiDefinitions = { reopenWindowDays: DEFAULT_REOPEN_WINDOW_DAYS };

export type KpiSettings = { targets: KpiTargets; definitions: KpiDefinitions };

/** A stored value read field by field: a missing or malformed field falls back to its default (older templates). */
function readFields<T extends Record<string, unknown>>(shape: z.ZodObject, defaults: T, stored: unknown): T {
  const source =
    stored && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const result: Record<string, unknown> = { ...defaults };
  for (const [key, field] of Object.entries(shape.shape)) {
    if (!(key in source)) continue;
    const parsed = (field as z.ZodType).safeParse(source[key]);
    if (parsed.success) result[key] = parsed.data;
  }
  return result as T;
}

export async function loadKpiSettings(client: Db | Tx): Promise<KpiSettings> {
  const rows = await client.setting.findMany({
    where: { key: { in: [KPI_TARGETS_KEY, KPI_DEFINITIONS_KEY] } },
    select: { key: true, value: true },
  });
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  return {
    targets: readFields(kpiTargetsSchema, DEFAULT_KPI_TARGETS, stored.get(KPI_TARGETS_KEY)),
    definitions: readFields(kpiDefinitionsSchema, DEFAULT_KPI_DEFINITIONS, stored.get(KPI_DEFINITIONS_KEY)),
  };
}

const share = (value: number | null) => (value === null ? null : value / 100);
const minutes = (hours: number | null) => (hours === null ? null : Math.round(hours * 60));

/** Targets in the units of the figures (shares 0–1, minutes), per tile; null = no target. */
export function tileTargets(targets: KpiTargets): Record<KpiKey, number | null> {
  return {
    inflow: null,
    backlog: null,
    frt: minutes(targets.frtHours),
    resolutionTime: minutes(targets.resolutionHours),
    slaResponse: share(targets.slaResponse),
    slaResolution: share(targets.slaResolution),
    fcr: share(targets.fcr),
    reopenRate: share(targets.reopenRate),
    escalationRate: share(targets.escalationRate),
    csat: share(targets.csat),
    csatMean: targets.csatMean,
    nps: targets.nps,
    recommendation: share(targets.recommendation),
    ces: targets.ces,
    responseRate: share(targets.responseRate),
    per10k: null,
    compensation: null,
  };
}
