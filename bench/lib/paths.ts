// Pages the benchmark visits that other work will move.

/** The manager's dashboard page (lib/kpi/dashboard.ts loadManagerDashboard: 90 days, as the target is stated). */
export const DASHBOARD_PATH = "/dashboard?preset=90d";
