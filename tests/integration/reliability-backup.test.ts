// Reliability (issue 8): a pg_dump / pg_restore round trip into a fresh database finds every complaint, with its
// timeline and SLA clocks. pg_dump refuses servers newer than itself: with client tools ≥ the test server's major
// (PostgreSQL 17, embedded) the round trip runs on this file's database; with an older pg_dump (Debian 12 has 15) it
// runs on a throw-away cluster of the distribution's own PostgreSQL, migrated by the app's migrations and filled
// through the app's own complaint-creation code. No tools at all is a failure that names what to install.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planRoundTrip, roundTrip, serverMajor } from "@/bench/lib/backup";
import { startScratchCluster, type ScratchCluster } from "@/bench/lib/scratch-postgres";
import { migrate } from "@/scripts/lib/steps";
import { db } from "@/lib/db";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { makeChannel, makeSeverity, makeStaff, makeTeam } from "@/tests/integration/factories";

const COMPLAINTS = 25;
const plan = await planRoundTrip(await serverMajor(process.env.DATABASE_URL!));
let scratch: ScratchCluster | null = null;
let sourceUrl = process.env.DATABASE_URL!;

async function admin(sql: string) {
  const client = new pg.Client({
    connectionString: Object.assign(new URL(sourceUrl), { pathname: "/postgres" }).toString(),
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const targetUrl = () =>
  Object.assign(new URL(sourceUrl), { pathname: `/${new URL(sourceUrl).pathname.slice(1)}_restored` }).toString();

/** Complaints as the app creates them: customer, complaint, "created" event, SLA clocks, acknowledgement e-mail. */
async function createComplaints() {
  const team = await makeTeam();
  const { actor } = await makeStaff("agent", [team]);
  const channelId = (await makeChannel()).id;
  const severityId = (await makeSeverity()).id;
  const calendar = await db.businessCalendar.create({
    data: { code: "24x7", nameZh: "全天", nameEn: "24×7", is24x7: true, workingHours: {} },
  });
  await db.slaPolicy.create({
    data: {
      code: "default",
      nameZh: "默认",
      nameEn: "Default",
      isDefault: true,
      calendarId: calendar.id,
      targets: {
        create: [
          { clock: "first_response", minutes: 60 },
          { clock: "resolution", minutes: 48 * 60 },
        ],
      },
    },
  });
  for (let index = 0; index < COMPLAINTS; index += 1) {
    const result = await createComplaint(
      { kind: "staff", actor },
      {
        customer: {
          name: `备份客户 ${index}`,
          phone: `+86 138 0000 ${String(index).padStart(4, "0")}`,
          locale: "zh-CN",
        },
        channelId,
        severityId,
        subject: `备份测试 ${index} <script>x</script>`,
        description: "Round trip: O'Brien's bag — 行李 — must survive pg_dump and pg_restore verbatim.",
      },
    );
    if (!result.ok) throw new Error(`complaint creation failed: ${JSON.stringify(result)}`);
  }
}

describe(`backup round trip (${plan.mode === "scratch" ? `scratch PostgreSQL ${plan.distro.major} cluster` : plan.mode})`, () => {
  beforeAll(async () => {
    if (plan.mode === "missing") return;
    if (plan.mode === "scratch") {
      scratch = await startScratchCluster(plan.distro);
      sourceUrl = Object.assign(new URL(scratch.adminUrl), { pathname: "/skyline_backup_source" }).toString();
      await admin(`CREATE DATABASE skyline_backup_source`);
      await migrate(sourceUrl);
      // Nothing has used the app's database client yet: point it at the scratch cluster.
      process.env.DATABASE_URL = sourceUrl;
    }
    await createComplaints();
    await admin(`CREATE DATABASE "${new URL(targetUrl()).pathname.slice(1)}"`);
  }, 180_000);

  afterAll(async () => {
    if (plan.mode === "missing") return;
    await db.$disconnect();
    if (scratch) await scratch.stop();
    else await admin(`DROP DATABASE IF EXISTS "${new URL(targetUrl()).pathname.slice(1)}" WITH (FORCE)`);
  });

  it("restores into a fresh database and finds every complaint with its timeline and SLA clocks", async () => {
    if (plan.mode === "missing") throw new Error(`the backup round trip cannot run here: ${plan.reason}`);
    const result = await roundTrip(plan.tools, sourceUrl, targetUrl());
    expect(result.source.complaints.count).toBe(await db.complaint.count());
    expect(result.source.complaints.count).toBeGreaterThanOrEqual(COMPLAINTS);
    expect(result.source.events.count).toBeGreaterThanOrEqual(COMPLAINTS);
    expect(result.source.slaClocks.count).toBeGreaterThanOrEqual(2 * COMPLAINTS);
    expect(result.restored.partial).toBe(0);
    expect(result.restored).toEqual(result.source);
    // Text comes back verbatim (quotes, CJK, markup).
    const client = new pg.Client({ connectionString: targetUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ subject: string; description: string }>(
        `SELECT subject, description FROM complaints ORDER BY id LIMIT 1`,
      );
      expect(rows[0]).toEqual({
        subject: "备份测试 0 <script>x</script>",
        description: "Round trip: O'Brien's bag — 行李 — must survive pg_dump and pg_restore verbatim.",
      });
    } finally {
      await client.end();
    }
  }, 120_000);
});
