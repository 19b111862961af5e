// `npm run bench:sms [-- --count 5000 --instances 2 --concurrency 8]`: issue 16's SMS burst. COUNT customer messages
// are queued, one transaction each (as COUNT complaint changes would), then INSTANCES flush loops (as several app
// instances' sms.flush jobs) deliver them over SMPP to the development SMS centre. Prints queue time, delivery time
// and throughput, and checks every message arrived exactly once. Uses a fresh database `skyline_sms_bench` on the
// embedded bench PostgreSQL (or DATABASE_URL's server), dropped afterwards. Results also go to bench/results/.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDatabaseIfMissing, databaseUrl, dropDatabase, startDatabaseServer } from "../scripts/lib/postgres";
import { migrate } from "../scripts/lib/steps";
import { startSmsCatcher } from "../scripts/lib/sms-catcher";
import { BENCH_PG_DIR, BENCH_PG_PORT, BENCH_SECRET, RESULTS_DIR } from "./lib/config";

const DATABASE = "skyline_sms_bench";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? Number.NaN : Number(process.argv[index + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function main() {
  const count = option("count", 5000);
  const instances = option("instances", 2);
  const concurrency = option("concurrency", 8);
  const server = await startDatabaseServer(BENCH_PG_DIR, BENCH_PG_PORT);
  await dropDatabase(server.adminUrl, DATABASE).catch(() => undefined);
  await createDatabaseIfMissing(server.adminUrl, DATABASE);
  const url = databaseUrl(server.adminUrl, DATABASE);
  await migrate(url);
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= BENCH_SECRET;
  // Imported after DATABASE_URL is set: lib/db reads it when first loaded.
  const { db } = await import("../lib/db");
  const { enqueueSms } = await import("../lib/sms/outbox");
  const { sendPendingSms } = await import("../lib/sms/sender");
  const { createSmppProvider, parseSmppUrl } = await import("../lib/sms/smpp");
  const catcher = await startSmsCatcher({ port: 0, databaseUrl: url, receipts: false });
  try {
    await db.customer.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        name: `短信客户 ${index}`,
        phone: `139${String(index).padStart(8, "0")}`,
        preferredChannel: "sms" as const,
      })),
    });
    const customers = await db.customer.findMany({
      select: { id: true, phone: true, smsOptedOutAt: true, timeZone: true },
      orderBy: { id: "asc" },
    });

    const queueStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let index = next++; index < customers.length; index = next++) {
          const customer = customers[index];
          if (!customer) continue;
          await db.$transaction((tx) =>
            enqueueSms(tx, {
              customer,
              body: `您的投诉 CMP-2026-${String(index).padStart(6, "0")} 已受理。查看进度：https://csm.example.com/t/AbCdEfGhIjKlMnOpQrStUv`,
              kind: "acknowledgement",
            }),
          );
        }
      }),
    );
    const queuedMs = performance.now() - queueStarted;

    const deliverStarted = performance.now();
    const sent = await Promise.all(
      Array.from({ length: instances }, async () => {
        let total = 0;
        for (;;) {
          const provider = createSmppProvider(parseSmppUrl(catcher.smppUrl));
          const result = await sendPendingSms({ provider, limit: 500 }).finally(() => provider.close());
          total += result.sent;
          if (result.sent + result.failed + result.retrying === 0) return total;
        }
      }),
    );
    // The SMSC stores asynchronously: wait until every message is in its table.
    let caught = 0;
    for (let waited = 0; waited < 30_000; waited += 100) {
      caught = Number((await db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM devsms.dev_sms`)[0]?.n ?? 0);
      if (caught >= count) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const deliveredMs = performance.now() - deliverStarted;
    const distinct = Number(
      (await db.$queryRaw<Array<{ n: bigint }>>`SELECT count(DISTINCT destination) AS n FROM devsms.dev_sms`)[0]?.n ??
        0,
    );
    const pending = await db.outboundSms.count({ where: { status: { not: "sent" } } });
    const result = {
      date: new Date().toISOString(),
      count,
      instances,
      queueConcurrency: concurrency,
      queuedSeconds: Math.round(queuedMs) / 1000,
      deliveredSeconds: Math.round(deliveredMs) / 1000,
      smsPerSecond: Math.round((count / deliveredMs) * 1000),
      sentPerInstance: sent,
      caughtBySmsc: caught,
      distinctRecipients: distinct,
      notSent: pending,
      loadAverage: os.loadavg().map((value) => Math.round(value * 10) / 10),
      cpus: os.cpus().length,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(path.join(RESULTS_DIR, `sms-burst-${Date.now()}.json`), JSON.stringify(result, null, 2));
    if (caught !== count || distinct !== count || pending !== 0) process.exitCode = 1;
  } finally {
    await catcher.stop();
    await db.$disconnect();
    await dropDatabase(server.adminUrl, DATABASE).catch(() => undefined);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:sms] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
