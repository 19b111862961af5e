// Where the benchmark keeps its database and app, and the fixed secret of its installation.
import path from "node:path";
import { DATA_DIR } from "../../scripts/lib/paths";

export const BENCH_PG_DIR = path.join(DATA_DIR, "pg-bench");
export const BENCH_PG_PORT = Number(process.env.SKYLINE_PG_PORT ?? 54920);
export const BENCH_DB = "skyline_bench";
/** Migrated and seeded once; each generation starts from a copy of it. */
export const BENCH_BASE_DB = "skyline_bench_base";
export const BENCH_APP_PORT = Number(process.env.PORT ?? 3060);
/** Session-signing secret of the bench installation (not a production secret: the bench runs on loopback). */
export const BENCH_SECRET = "bench-session-secret-0123456789abcdef";
export const RESULTS_DIR = path.join(__dirname, "..", "results");
