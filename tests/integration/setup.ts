// Runs before every integration test file: clones the migrated template database into a fresh one for this file,
// so files never see each other's data. The test runner (scripts/test.ts) creates the template.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";

const template = process.env.TEST_TEMPLATE_DATABASE_URL;
if (!template) {
  throw new Error("TEST_TEMPLATE_DATABASE_URL is not set: run integration tests through `npm test` (scripts/test.ts).");
}

const templateUrl = new URL(template);
const templateName = templateUrl.pathname.slice(1);
const databaseName = `${templateName}_f${randomBytes(4).toString("hex")}`;
const adminUrl = new URL(template);
adminUrl.pathname = "/postgres";

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await admin(`CREATE DATABASE "${databaseName}" TEMPLATE "${templateName}"`);
const fileUrl = new URL(template);
fileUrl.pathname = `/${databaseName}`;
process.env.DATABASE_URL = fileUrl.toString();
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  const { cacheHub } = await import("@/lib/reference/cache");
  await cacheHub().close();
  await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});
