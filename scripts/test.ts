// `npm test`: every check, each against its own fresh database; prints one summary line at the end.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findDistroPostgres, INSTALL_HINT, startScratchCluster } from "../bench/lib/scratch-postgres";
import {
  createDatabaseIfMissing,
  databaseUrl,
  dropDatabase,
  redact,
  serverVersion,
  startDatabaseServer,
  connectExternalServer,
  withAdminClient,
  type DatabaseServer,
} from "./lib/postgres";
import { startMailCatcher, type MailCatcher } from "./lib/mail-catcher";
import { startSmsCatcher, type SmsCatcher } from "./lib/sms-catcher";
import { DATA_DIR_PG_TEST, E2E_PORT, PG_TEST_PORT, ROOT } from "./lib/paths";
import { bin, buildIfStale, log, migrate, prismaGenerate, run, seed } from "./lib/steps";

type Counts = { passed: number; failed: number; skipped: number; failures?: string[] };
const REPORTS = path.join(ROOT, "test-results", "reports");

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: {
    name: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
};

/** "file › test name: first line of the error", for the closing list of failures (CI shows only the log's tail). */
function vitestFailures(report: VitestReport): string[] {
  return (report.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((test) => test.status === "failed")
      .map(
        (test) =>
          `${path.relative(ROOT, file.name)} › ${test.fullName}: ${(test.failureMessages?.[0] ?? "").split("\n")[0]?.slice(0, 300)}`,
      ),
  );
}

function vitestCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, "utf8")) as VitestReport;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    failures: vitestFailures(report),
  };
}

type PlaywrightSuite = {
  title: string;
  file?: string;
  specs?: { title: string; file: string; tests: { status: string; results?: { error?: { message?: string } }[] }[] }[];
  suites?: PlaywrightSuite[];
};

function playwrightFailures(suites: PlaywrightSuite[] = []): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((test) => test.status === "unexpected")
        .map((test) => {
          const message = test.results?.at(-1)?.error?.message ?? "";
          return `tests/e2e/${spec.file} › ${spec.title}: ${message
            .replace(/\u001b\[[0-9;]*m/g, "")
            .split("\n")[0]
            ?.slice(0, 300)}`;
        }),
    ),
    ...playwrightFailures(suite.suites),
  ]);
}

function playwrightCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    suites?: PlaywrightSuite[];
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
    failures: playwrightFailures(report.suites),
  };
}

/**
 * The PostgreSQL the tests run on: the embedded one by default; SKYLINE_TEST_DATABASE_URL names another server's
 * admin URL (e.g. the machine's PostgreSQL service), or "distro" for a throw-away cluster of the distribution's
 * PostgreSQL. Every run creates its own databases there and drops them afterwards.
 */
async function testDatabaseServer(stamp: string): Promise<DatabaseServer> {
  const target = process.env.SKYLINE_TEST_DATABASE_URL;
  if (!target) return startDatabaseServer(DATA_DIR_PG_TEST, PG_TEST_PORT);
  if (target !== "distro") return connectExternalServer(target, "SKYLINE_TEST_DATABASE_URL");
  const distro = findDistroPostgres();
  if (!distro)
    throw new Error(`SKYLINE_TEST_DATABASE_URL=distro: no PostgreSQL under /usr/lib/postgresql; ${INSTALL_HINT}`);
  const cluster = await startScratchCluster(distro, `pg-test-distro-${stamp}`);
  return { adminUrl: cluster.adminUrl, stop: cluster.stop, embedded: false };
}

/** CI's legs say which Node and PostgreSQL they mean to test (SKYLINE_EXPECT_*_MAJOR); a mismatch fails the run. */
function checkExpectedMajor(what: string, variable: string, actual: number) {
  const expected = process.env[variable];
  if (expected && Number(expected) !== actual)
    throw new Error(`${variable}=${expected}, but this run uses ${what} ${actual}`);
}

async function main() {
  // `npm test -- unit e2e` runs only those steps; file arguments narrow them (`*.test.ts` → vitest, `*.spec.ts` →
  // Playwright).
  const args = process.argv.slice(2);
  const vitestFiles = args.filter((arg) => arg.endsWith(".test.ts") || arg.endsWith(".test.tsx"));
  const playwrightFiles = args.filter((arg) => arg.endsWith(".spec.ts"));
  const named = args.filter((arg) => !vitestFiles.includes(arg) && !playwrightFiles.includes(arg));
  // Step names; "types" is accepted for "typecheck". An unknown name is an error, not a silently skipped step.
  const STEPS = ["lint", "typecheck", "unit", "integration", "e2e"];
  const only = named.map((step) => (step === "types" ? "typecheck" : step));
  const unknown = only.filter((step) => !STEPS.includes(step));
  if (unknown.length > 0) {
    process.stderr.write(
      `[skyline] unknown test step(s): ${unknown.join(", ")} (steps: ${STEPS.join(", ")}; files: *.test.ts, *.spec.ts)\n`,
    );
    process.exit(2);
  }
  const wants = (step: string) => only.length === 0 || only.includes(step);
  const stamp = `${Date.now().toString(36)}${process.pid}`;
  const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
  const failures: string[] = [];
  const add = (counts: Counts) => {
    failures.push(...(counts.failures ?? []));
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  };
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });

  const server = await testDatabaseServer(stamp);
  const templateName = `skyline_test_${stamp}`;
  const e2eName = `skyline_e2e_${stamp}`;
  // The e2e app sends its e-mail to a mail catcher that stores it in a database of its own, so specs can read the
  // messages (tests/e2e/fixtures.ts caughtMail) while the app's own /admin/mail still shows "no catcher".
  const e2eMailName = `skyline_e2e_mail_${stamp}`;
  // The load-balancer spec runs two more instances (with their own job workers) on a copy of the seeded e2e data, so
  // its exactly-once checks see no jobs of the main e2e server.
  const e2eLbName = `skyline_e2e_lb_${stamp}`;
  let catcher: MailCatcher | null = null;
  let smsCatcher: SmsCatcher | null = null;
  const cleanup = async () => {
    await catcher?.stop().catch(() => undefined);
    await smsCatcher?.stop().catch(() => undefined);
    await dropDatabase(server.adminUrl, e2eMailName).catch(() => undefined);
    await dropDatabase(server.adminUrl, e2eLbName).catch(() => undefined);
    await dropDatabase(server.adminUrl, e2eName).catch(() => undefined);
    await dropDatabase(server.adminUrl, templateName).catch(() => undefined);
    await server.stop();
  };
  process.on("SIGINT", () => void cleanup().finally(() => process.exit(130)));

  let failure: unknown = null;
  try {
    const postgres = await serverVersion(server.adminUrl);
    const nodeMajor = Number(process.versions.node.split(".")[0]);
    log(
      `Node ${process.version}, ${postgres.label} (${server.embedded ? "embedded" : `external: ${redact(server.adminUrl)}`})`,
    );
    checkExpectedMajor("Node", "SKYLINE_EXPECT_NODE_MAJOR", nodeMajor);
    checkExpectedMajor("PostgreSQL", "SKYLINE_EXPECT_PG_MAJOR", postgres.major);
    await prismaGenerate();
    if (wants("lint")) {
      log("lint (eslint)…");
      await run(bin("eslint"), ["."]);
      // Dead files, exports and dependencies (knip.json): an export nobody imports is removed, not kept "just in case".
      log("lint (knip)…");
      await run(bin("knip"), ["--no-progress"]);
      // One code style (.prettierrc.json, 120 columns); `npm run format` rewrites what this reports.
      log("lint (prettier)…");
      await run(bin("prettier"), ["--check", "--log-level", "warn", "**/*.{ts,tsx,js,mjs,cjs,css}"]);
    }
    if (wants("typecheck")) {
      log("typecheck (tsc)…");
      await run(bin("tsc"), ["--noEmit"]);
    }

    await createDatabaseIfMissing(server.adminUrl, templateName);
    const templateUrl = databaseUrl(server.adminUrl, templateName);
    log(`migrating the test template database ${templateName}…`);
    await migrate(templateUrl);
    // CREATE DATABASE … TEMPLATE needs the template to have no open connections.
    await withAdminClient(server.adminUrl, (client) =>
      client.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [templateName]),
    );

    for (const project of ["unit", "integration"] as const) {
      if (!wants(project)) continue;
      log(`${project} tests (vitest)…`);
      const report = path.join(REPORTS, `${project}.json`);
      const result = run(
        bin("vitest"),
        [
          "run",
          "--project",
          project,
          "--reporter=default",
          "--reporter=json",
          `--outputFile.json=${report}`,
          "--passWithNoTests",
          ...vitestFiles,
        ],
        {
          TEST_TEMPLATE_DATABASE_URL: templateUrl,
          TEST_ADMIN_DATABASE_URL: server.adminUrl,
        },
      ).catch((error: unknown) => error);
      const outcome = await result;
      add(vitestCounts(report));
      if (outcome instanceof Error) failure ??= outcome;
    }

    if (wants("e2e")) {
      await withAdminClient(server.adminUrl, (client) =>
        client.query(`CREATE DATABASE "${e2eName}" TEMPLATE "${templateName}"`),
      );
      const e2eUrl = databaseUrl(server.adminUrl, e2eName);
      const env = {
        DATABASE_URL: e2eUrl,
        NEXTAUTH_SECRET: "e2e-session-secret-0123456789abcdefghij",
        NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
        APP_URL: `http://localhost:${E2E_PORT}`,
        // The inbound e-mail webhook answers 503 without a secret; e2e posts real-size messages to it.
        INBOUND_EMAIL_SECRET: "e2e-inbound-email-secret-0123456789",
      };
      log("seeding the e2e database with demo data…");
      await seed(e2eUrl, env.NEXTAUTH_SECRET);
      await withAdminClient(server.adminUrl, async (client) => {
        await client.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [e2eName]);
        await client.query(`CREATE DATABASE "${e2eLbName}" TEMPLATE "${e2eName}"`);
      });
      await buildIfStale(env);
      log("end-to-end tests (Playwright, Chromium)…");
      const report = path.join(REPORTS, "e2e.json");
      await createDatabaseIfMissing(server.adminUrl, e2eMailName);
      const mailUrl = databaseUrl(server.adminUrl, e2eMailName);
      catcher = await startMailCatcher({ port: 0, databaseUrl: mailUrl });
      // SMS go to a development SMSC storing into the same side database (schema devsms; fixtures.ts caughtSms).
      smsCatcher = await startSmsCatcher({ port: 0, databaseUrl: mailUrl });
      const outcome = await run(bin("playwright"), ["test", ...playwrightFiles], {
        ...env,
        // The test runner plays the reverse proxy: specs give each simulated client its own X-Forwarded-For address
        // (per-IP limits), as nginx does in production; a client that is not loopback would not be believed.
        TRUSTED_PROXIES: "127.0.0.1,::1",
        SMTP_URL: catcher.smtpUrl,
        SMS_URL: smsCatcher.smppUrl,
        SKYLINE_E2E_MAIL_DATABASE_URL: mailUrl,
        SKYLINE_E2E_LB_DATABASE_URL: databaseUrl(server.adminUrl, e2eLbName),
        PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      }).catch((error: unknown) => error);
      add(playwrightCounts(report));
      if (outcome instanceof Error) failure ??= outcome;
    }
  } catch (error) {
    failure = error;
  } finally {
    await cleanup();
  }

  if (failure)
    process.stderr.write(
      `\n[skyline] ${failure instanceof Error ? failure.message.split("\n")[0] : String(failure)}\n`,
    );
  if (failures.length > 0)
    process.stdout.write(`\nFailed tests:\n${failures.map((line) => `  - ${line}`).join("\n")}\n`);
  if (failure && totals.failed === 0) totals.failed = 1; // a failing step (lint, types, build) counts as a failure
  process.stdout.write(
    `\nSummary: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}\n`,
  );
  process.exit(failure || totals.failed > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`[skyline] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
