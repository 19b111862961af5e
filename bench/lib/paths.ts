// Pages the benchmark visits that other work will move.

/** The manager's dashboard page. Today the manager home; set to "/dashboard" once the dashboard page exists. */
export const DASHBOARD_PATH = "/";
