// Reliability (issue 8): a pg_dump / pg_restore round trip into a fresh database finds every complaint.
// Needs client tools at least as new as the server (PostgreSQL 17 embedded): set PG_DUMP, else the test is skipped
// and says why (Debian 12 packages pg_dump 15, which refuses a 17 server).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPgDump, roundTrip, serverMajor } from "@/bench/lib/backup";
import { db } from "@/lib/db";
import { makeComplaint, makeCustomer } from "@/tests/integration/factories";

const sourceUrl = process.env.DATABASE_URL!;
const tools = await findPgDump(await serverMajor(sourceUrl));
const targetName = `${new URL(sourceUrl).pathname.slice(1)}_restored`;
const targetUrl = Object.assign(new URL(sourceUrl), { pathname: `/${targetName}` }).toString();

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: Object.assign(new URL(sourceUrl), { pathname: "/postgres" }).toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.skipIf("missing" in tools)(`backup round trip${"missing" in tools ? ` (skipped: ${tools.missing})` : ""}`, () => {
  beforeAll(async () => {
    const customer = await makeCustomer();
    for (let index = 0; index < 25; index += 1) await makeComplaint({ customerId: customer.id, subject: `备份测试 ${index} <script>x</script>` });
    await admin(`CREATE DATABASE "${targetName}"`);
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`);
  });

  it("restores into a fresh database and finds every complaint", async () => {
    if ("missing" in tools) return;
    const expected = await db.complaint.count();
    const result = await roundTrip(tools, sourceUrl, targetUrl);
    expect(result.source.count).toBe(expected);
    expect(result.restored).toEqual(result.source);
  }, 120_000);
});
