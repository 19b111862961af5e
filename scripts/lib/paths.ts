// Where the scripts keep their state, and the ports they use (overridable for side-by-side runs).
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DATA_DIR = path.join(ROOT, ".data");
export const DATA_DIR_PG = path.join(DATA_DIR, "pg");
export const DATA_DIR_PG_TEST = path.join(DATA_DIR, "pg-test");
export const DB_NAME = "skyline";
export const PG_PORT = Number(process.env.SKYLINE_PG_PORT ?? 54320);
export const PG_TEST_PORT = Number(process.env.SKYLINE_PG_TEST_PORT ?? 54330);
export const APP_PORT = Number(process.env.PORT ?? 3000);
export const E2E_PORT = Number(process.env.SKYLINE_E2E_PORT ?? 3100);
export const SMPP_PORT = Number(process.env.SKYLINE_SMPP_PORT ?? 2775);
export const BIN = path.join(ROOT, "node_modules", ".bin");
