// The KPI tiles: unit, which direction is better and the complaint-queue cohort a tile drills down to. Targets come
// from the installed template's settings (lib/kpi/settings.ts). Definitions: messages dashboard.definitions.*.
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
  "csatMean",
  "nps",
  "recommendation",
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

export type KpiSpec = { unit: KpiUnit; better: "up" | "down" | null; drill: DrillCohort };

export const KPI_SPECS: Record<KpiKey, KpiSpec> = {
  inflow: { unit: "count", better: null, drill: "inflow" },
  backlog: { unit: "count", better: "down", drill: "backlog" },
  frt: { unit: "minutes", better: "down", drill: "responded" },
  resolutionTime: { unit: "minutes", better: "down", drill: "resolved" },
  slaResponse: { unit: "share", better: "up", drill: "response_breached" },
  slaResolution: { unit: "share", better: "up", drill: "resolution_breached" },
  fcr: { unit: "share", better: "up", drill: "not_fcr" },
  reopenRate: { unit: "share", better: "down", drill: "reopened" },
  escalationRate: { unit: "share", better: "down", drill: "escalated" },
  csat: { unit: "share", better: "up", drill: "csat_low" },
  csatMean: { unit: "score", better: "up", drill: "csat_low" },
  nps: { unit: "points", better: "up", drill: "detractor" },
  recommendation: { unit: "share", better: "up", drill: "surveyed" },
  ces: { unit: "score", better: "up", drill: "surveyed" },
  responseRate: { unit: "share", better: "up", drill: "surveyed" },
  per10k: { unit: "rate", better: "down", drill: "inflow" },
  compensation: { unit: "cny", better: null, drill: "compensated" },
};

/** Whether a value meets its target (null without a target or a value). */
export function meetsTarget(key: KpiKey, value: number | null, target: number | null): boolean | null {
  const spec = KPI_SPECS[key];
  if (target === null || value === null || spec.better === null) return null;
  return spec.better === "up" ? value >= target : value <= target;
}
