// Pages the benchmark visits that other work will move.

/** The manager's dashboard page (lib/kpi/dashboard.ts loadManagerDashboard: the default 30-day view). */
export const DASHBOARD_PATH = "/dashboard";
