// `npx tsx bench/incidents.ts [-- --count 5000]`: issue 17's incident figures. COUNT complaints on one flight are
// linked to a declared incident by the link run, then one bilingual update is queued for every linked customer (half
// by e-mail, half by SMS) by the notify run — both as the incidents.run job does them (lib/incidents/runs.ts). Prints
// seconds for each and checks every complaint linked once and every customer given exactly one message. A fresh
// database `skyline_incident_bench` on the bench PostgreSQL, dropped afterwards; results also go to bench/results/.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDatabaseIfMissing, databaseUrl, dropDatabase, startDatabaseServer } from "../scripts/lib/postgres";
import { migrate } from "../scripts/lib/steps";
import { BENCH_PG_DIR, BENCH_PG_PORT, BENCH_SECRET, RESULTS_DIR } from "./lib/config";

const DATABASE = "skyline_incident_bench";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? Number.NaN : Number(process.argv[index + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function main() {
  const count = option("count", 5000);
  const server = await startDatabaseServer(BENCH_PG_DIR, BENCH_PG_PORT);
  await dropDatabase(server.adminUrl, DATABASE).catch(() => undefined);
  await createDatabaseIfMissing(server.adminUrl, DATABASE);
  const url = databaseUrl(server.adminUrl, DATABASE);
  await migrate(url);
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= BENCH_SECRET;
  process.env.JOBS_ENABLED = "false"; // this process only queues; the runs are carried out below as the job would
  const { db } = await import("../lib/db");
  const { permissionsOf } = await import("../lib/auth/permissions");
  const { declareIncident } = await import("../lib/incidents/service");
  const { processIncidentRun, requestLinkRun, requestNotifyRun } = await import("../lib/incidents/runs");
  const { stopBoss } = await import("../lib/jobs/boss");
  try {
    const manager = await db.user.create({
      data: { email: "bench.manager@example.com", name: "Bench Manager", role: "manager" },
    });
    const actor = {
      kind: "user" as const,
      userId: manager.id,
      role: manager.role,
      teamIds: [],
      permissions: permissionsOf(manager.role),
    };
    const channel = await db.channel.create({
      data: { code: "bench-web", nameZh: "网站", nameEn: "Web", kind: "web" },
    });
    const severity = await db.severity.create({
      data: { code: "bench-normal", nameZh: "一般", nameEn: "Normal", rank: 1 },
    });
    await db.customer.createMany({
      data: Array.from({ length: count }, (_, index) =>
        index % 2 === 0
          ? { name: `邮件客户 ${index}`, email: `c${index}@bench.example`, locale: "zh_CN" as const }
          : {
              name: `SMS customer ${index}`,
              phone: `139${String(index).padStart(8, "0")}`,
              preferredChannel: "sms" as const,
              locale: "en" as const,
            },
      ),
    });
    const customers = await db.customer.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const declaredAt = new Date(Date.now() - 3_600_000);
    await db.complaint.createMany({
      data: customers.map((customer, index) => ({
        reference: `CMP-2026-${String(index + 1).padStart(6, "0")}`,
        customerId: customer.id,
        channelId: channel.id,
        severityId: severity.id,
        subject: "航班取消",
        description: "台风导致航班取消，无人通知。",
        flightNumber: "ZZ9100",
        serviceDate: new Date("2026-12-07T00:00:00Z"),
        createdAt: new Date(declaredAt.getTime() + 60_000),
      })),
    });
    const declared = await declareIncident(actor, {
      type: "flight_disruption",
      level: "L1",
      title: "Bench typhoon",
      impactEstimate: `${count} passengers`,
      ownerId: manager.id,
      startedAt: declaredAt.toISOString(),
      scope: { flightNumbers: ["ZZ9100"] },
    });
    if (!declared.ok) throw new Error(JSON.stringify(declared));

    const linkStarted = performance.now();
    const link = await requestLinkRun(actor, declared.id);
    if (!link.ok) throw new Error(JSON.stringify(link));
    const linkRequestMs = performance.now() - linkStarted;
    await processIncidentRun(link.runId);
    const linkMs = performance.now() - linkStarted;

    const notifyStarted = performance.now();
    const notify = await requestNotifyRun(actor, declared.id, {
      subjectZh: "{flight} 航班最新情况",
      subjectEn: "Update on flight {flight}",
      bodyZh: "{name}您好：{incident}，预计 {recovery} 恢复。编号 {reference}。",
      bodyEn: "Dear {name}, {incident}: flight {flight} resumes at {recovery}. Ref {reference}.",
    });
    if (!notify.ok) throw new Error(JSON.stringify(notify));
    const notifyRequestMs = performance.now() - notifyStarted;
    await processIncidentRun(notify.runId);
    const notifyMs = performance.now() - notifyStarted;

    const linked = await db.complaint.count({ where: { incidentId: declared.id } });
    const linkEvents = await db.complaintEvent.count({ where: { kind: "incident_linked" } });
    const emails = await db.outboundEmail.count({ where: { kind: "incident_update" } });
    const sms = await db.outboundSms.count({ where: { kind: "incident_update" } });
    const result = {
      date: new Date().toISOString(),
      count,
      linkRequestSeconds: Math.round(linkRequestMs) / 1000,
      linkSeconds: Math.round(linkMs) / 1000,
      notifyRequestSeconds: Math.round(notifyRequestMs) / 1000,
      notifySeconds: Math.round(notifyMs) / 1000,
      linked,
      linkEvents,
      emailsQueued: emails,
      smsQueued: sms,
      loadAverage: os.loadavg().map((value) => Math.round(value * 10) / 10),
      cpus: os.cpus().length,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(path.join(RESULTS_DIR, `incidents-${Date.now()}.json`), JSON.stringify(result, null, 2));
    if (linked !== count || linkEvents !== count || emails + sms !== count) process.exitCode = 1;
  } finally {
    await stopBoss().catch(() => undefined);
    await db.$disconnect();
    await dropDatabase(server.adminUrl, DATABASE).catch(() => undefined);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench:incidents] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
