// The KPI tiles: unit, which direction is better, default target (SPEC §5 handbook targets; airline template
// defaults for times) and the complaint-queue cohort a tile drills down to. Definitions: messages kpi.definitions.*.
export const KPI_KEYS = [
  "inflow",
  "backlog",
  "frt",
  "resolutionTime",
  "slaResponse",
  "slaResolution",
  "fcr",
  "reopenRate",
  "escalationRate",
  "csat",
  "nps",
  "ces",
  "responseRate",
  "per10k",
  "compensation",
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export type KpiUnit = "count" | "minutes" | "share" | "points" | "score" | "rate" | "cny";

/** Queue cohorts a dashboard figure drills down to (the complaint queue's `kpi` param, lib/complaints/kpi-drill.ts). */
export const DRILL_COHORTS = [
  "inflow",
  "backlog",
  "responded",
  "response_breached",
  "resolved",
  "resolution_breached",
  "not_fcr",
  "reopened",
  "escalated",
  "surveyed",
  "csat_low",
  "detractor",
  "compensated",
] as const;
export type DrillCohort = (typeof DRILL_COHORTS)[number];

export type KpiSpec = { unit: KpiUnit; better: "up" | "down" | null; target: number | null; drill: DrillCohort };

export const KPI_SPECS: Record<KpiKey, KpiSpec> = {
  inflow: { unit: "count", better: null, target: null, drill: "inflow" },
  backlog: { unit: "count", better: "down", target: null, drill: "backlog" },
  frt: { unit: "minutes", better: "down", target: 60, drill: "responded" }, // airline: first response within 1 h
  resolutionTime: { unit: "minutes", better: "down", target: 48 * 60, drill: "resolved" }, // resolution within 48 h
  slaResponse: { unit: "share", better: "up", target: 0.9, drill: "response_breached" },
  slaResolution: { unit: "share", better: "up", target: 0.9, drill: "resolution_breached" },
  fcr: { unit: "share", better: "up", target: 0.7, drill: "not_fcr" },
  reopenRate: { unit: "share", better: "down", target: 0.05, drill: "reopened" },
  escalationRate: { unit: "share", better: "down", target: 0.1, drill: "escalated" },
  csat: { unit: "share", better: "up", target: 0.85, drill: "csat_low" }, // SPEC §5: CSAT ≥ 85 %
  nps: { unit: "points", better: "up", target: 20, drill: "detractor" }, // recommendation ≥ 20 %
  ces: { unit: "score", better: "up", target: 5, drill: "surveyed" },
  responseRate: { unit: "share", better: "up", target: 0.3, drill: "surveyed" },
  per10k: { unit: "rate", better: "down", target: null, drill: "inflow" },
  compensation: { unit: "cny", better: null, target: null, drill: "compensated" },
};

/** Whether a value meets its target (null without a target or a value). */
export function meetsTarget(key: KpiKey, value: number | null): boolean | null {
  const spec = KPI_SPECS[key];
  if (spec.target === null || value === null || spec.better === null) return null;
  return spec.better === "up" ? value >= spec.target : value <= spec.target;
}
