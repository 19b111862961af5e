// `npm run bench:search [-- --loads 5] [--like]`: the complaint search of the All queue (lib/complaints/queue.ts
// listQueue with a search text, as the queue page and GET /api/v1/complaints?q= call it) for 40 terms — 10 rare and 10
// common in Chinese, the same in English — in-process against the bench database, one search at a time (1 connection):
// p50/p95 per term group, for the default order (SLA due first) and "most relevant first". Rare terms include words
// that occur nowhere (the worst case of a scan: it reads everything and finds nothing) and two references drawn from
// the data. `--like` times the plain ILIKE conditions instead of the bigram indexes (lib/complaints/search.ts
// textWhereByLike), for comparison. Results also go to bench/results/search-<time>.json.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Actor } from "../lib/auth/permissions";
import { databaseUrl, startDatabaseServer } from "../scripts/lib/postgres";
import { BENCH_DB, BENCH_PG_DIR, BENCH_PG_PORT, BENCH_SECRET, RESULTS_DIR } from "./lib/config";
import { percentile } from "./lib/measure";

const TERMS = {
  "zh rare": ["火锅", "宠物", "护照", "签证", "发票", "婴儿车", "手机丢失", "投诉经理", "王建国", "陈雨涵"],
  "zh common": ["行李", "餐食", "退票", "延误", "航班", "座位", "轮椅", "空调", "积分", "乘务员"],
  "en rare": ["passport", "invoice", "stroller", "lounge", "pet carrier", "visa", "James Baker", "MU5017"],
  "en common": ["delayed", "flight", "refund", "meal", "seat", "wheelchair", "ticket", "gate", "hotel", "suitcase"],
} as const;

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : (process.argv[index + 1] ?? fallback);
}

const round = (value: number) => Math.round(value * 10) / 10;

async function main() {
  const loads = Number(option("loads", "5"));
  const likeOnly = process.argv.includes("--like");
  const server = await startDatabaseServer(BENCH_PG_DIR, BENCH_PG_PORT);
  const url = databaseUrl(server.adminUrl, BENCH_DB);
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= BENCH_SECRET;
  const { db } = await import("../lib/db");
  const { permissionsOf } = await import("../lib/auth/permissions");
  const { listQueue } = await import("../lib/complaints/queue");
  const search = await import("../lib/complaints/search");
  const { queueFilterSchema } = await import("../lib/complaints/schema");
  const say = (line: string) => process.stdout.write(`[bench:search] ${line}\n`);
  try {
    const manager = await db.user.findFirstOrThrow({ where: { role: "manager", active: true }, select: { id: true } });
    const actor: Actor = {
      kind: "user",
      userId: manager.id,
      role: "manager",
      teamIds: [],
      permissions: permissionsOf("manager"),
    };
    // Two references from the generated data: a full one and the year-less tail of another (both rare by nature).
    const picked = await db.$queryRaw<
      { reference: string }[]
    >`SELECT reference FROM complaints WHERE id IN (654321, 123457) ORDER BY id`;
    const groups: Record<string, string[]> = Object.fromEntries(
      Object.entries(TERMS).map(([group, terms]) => [group, [...terms]]),
    );
    groups["en rare"]!.push(
      picked[0]?.reference ?? "CMP-2026-000001",
      (picked[1]?.reference ?? "CMP-2026-000002").slice(4),
    );
    const total = await db.complaint.count();
    say(
      `${total} complaints; ${loads} searches per term and order after 1 warm-up; ${likeOnly ? "ILIKE only (--like)" : "bigram indexes"}; load average ${os
        .loadavg()
        .map((v) => v.toFixed(2))
        .join(" ")}`,
    );

    const results: Record<string, unknown>[] = [];
    for (const sort of ["due", "relevance"] as const) {
      for (const [group, terms] of Object.entries(groups)) {
        const times: number[] = [];
        const perTerm: Record<string, unknown>[] = [];
        for (const q of terms) {
          const filter = queueFilterSchema.parse({ queue: "all", q, sort });
          const run = likeOnly
            ? () =>
                db.complaint.findMany({
                  where: { AND: [search.textWhereByLike(q).any] },
                  orderBy:
                    sort === "due"
                      ? [{ nextDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }]
                      : [{ createdAt: "desc" }, { id: "desc" }],
                  take: 26,
                  select: { id: true },
                })
            : () => listQueue(actor, filter);
          await run();
          const own: number[] = [];
          for (let index = 0; index < loads; index++) {
            const started = performance.now();
            await run();
            own.push(performance.now() - started);
          }
          own.sort((a, b) => a - b);
          times.push(...own);
          perTerm.push({ q, p50: round(percentile(own, 0.5)), max: round(own.at(-1) ?? 0) });
        }
        times.sort((a, b) => a - b);
        const stats = {
          sort,
          group,
          searches: times.length,
          p50: round(percentile(times, 0.5)),
          p95: round(percentile(times, 0.95)),
          max: round(times.at(-1) ?? 0),
          perTerm,
        };
        results.push(stats);
        const slowest = [...perTerm].sort((a, b) => Number(b.max) - Number(a.max))[0];
        say(
          `${`${sort === "due" ? "SLA due first" : "most relevant first"}, ${group}`.padEnd(36)} p50 ${String(stats.p50).padStart(6)} ms  p95 ${String(stats.p95).padStart(6)} ms  max ${String(stats.max).padStart(6)} ms (slowest: ${String(slowest?.q)})`,
        );
      }
    }
    const worst = Math.max(...results.map((row) => Number(row.p95)));
    say(
      `target p95 ≤ 150 ms per group: ${worst <= 150 ? "met" : "MISSED"} (worst group p95 ${worst} ms); load average ${os
        .loadavg()
        .map((v) => v.toFixed(2))
        .join(" ")}`,
    );
    mkdirSync(RESULTS_DIR, { recursive: true });
    const date = new Date().toISOString();
    const file = path.join(RESULTS_DIR, `search-${date.slice(0, 19).replace(/:/g, "-")}Z.json`);
    writeFileSync(file, `${JSON.stringify({ date, total, likeOnly, loadAverage: os.loadavg(), results }, null, 2)}\n`);
    say(`results written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await db.$disconnect();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:search] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
