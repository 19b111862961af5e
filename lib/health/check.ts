// Liveness of the app and its database, for load balancers and the start scripts.
import "server-only";
import { db } from "@/lib/db";
import { noteIfDatabaseUnreachable, reportDatabaseAvailable } from "@/lib/db-availability";

export type HealthReport = { status: "ok" | "unavailable"; database: "up" | "down"; latencyMs: number };

const DATABASE_TIMEOUT_MS = 3_000;

export async function checkHealth(): Promise<HealthReport> {
  const started = performance.now();
  try {
    await Promise.race([
      db.$queryRaw`select 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), DATABASE_TIMEOUT_MS)),
    ]);
    reportDatabaseAvailable();
    return { status: "ok", database: "up", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    noteIfDatabaseUnreachable(error);
    return { status: "unavailable", database: "down", latencyMs: Math.round(performance.now() - started) };
  }
}
