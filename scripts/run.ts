// `npm run demo` (production build) and `npm run dev` (next dev): database, migrations, seed, app, demo logins.
import net from "node:net";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../prisma/seed/demo-logins";
import { startMailCatcher, type MailCatcher } from "./lib/mail-catcher";
import { startSmsCatcher, type SmsCatcher } from "./lib/sms-catcher";
import { createDatabaseIfMissing, databaseUrl, redact, startDatabaseServer } from "./lib/postgres";
import { APP_PORT, DATA_DIR_PG, DB_NAME, PG_PORT, SMPP_PORT } from "./lib/paths";
import {
  bin,
  buildIfStale,
  log,
  migrate,
  prismaGenerate,
  seed,
  installationSecret,
  start,
  waitForHealthy,
} from "./lib/steps";

function portIsFree(port: number) {
  return new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "0.0.0.0");
  });
}

async function main() {
  const mode = process.argv[2] === "dev" ? "dev" : "demo";
  const startedAt = Date.now();
  if (!(await portIsFree(APP_PORT))) {
    throw new Error(
      `Port ${APP_PORT} is already in use. Stop whatever listens there, or start with PORT=3001 npm run ${mode}.`,
    );
  }

  const server = await startDatabaseServer(DATA_DIR_PG, PG_PORT);
  const url = process.env.DATABASE_URL ?? databaseUrl(server.adminUrl, DB_NAME);
  if (!process.env.DATABASE_URL) await createDatabaseIfMissing(server.adminUrl, DB_NAME);
  log(`database: ${redact(url)}${server.embedded ? " (embedded PostgreSQL, data in .data/pg)" : ""}`);

  // Without a real SMTP server, e-mails go to the development catcher and show under Administration → Mail.
  let catcher: MailCatcher | null = null;
  if (!process.env.SMTP_URL) {
    catcher = await startMailCatcher({
      port: Number(process.env.SKYLINE_SMTP_PORT ?? 2525),
      databaseUrl: url,
      fallbackToFreePort: true,
    });
    log(`mail: development catcher on ${catcher.smtpUrl} (caught e-mails at /admin/mail)`);
  }

  // Without SMS_URL, SMS go to the development SMSC (SMPP) and show under Administration → SMS; nothing leaves the
  // machine.
  let smsCatcher: SmsCatcher | null = null;
  if (!process.env.SMS_URL) {
    smsCatcher = await startSmsCatcher({ port: SMPP_PORT, databaseUrl: url, fallbackToFreePort: true });
    log(`sms: development SMSC on smpp://127.0.0.1:${smsCatcher.port} (caught SMS at /admin/sms)`);
  }

  const appUrl = `http://localhost:${APP_PORT}`;
  const env = {
    DATABASE_URL: url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? installationSecret("session-secret"),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
    APP_URL: process.env.APP_URL ?? appUrl,
    SMTP_URL: process.env.SMTP_URL ?? catcher?.smtpUrl,
    SMS_URL: process.env.SMS_URL ?? smsCatcher?.smppUrl,
    INBOUND_EMAIL_SECRET: process.env.INBOUND_EMAIL_SECRET ?? installationSecret("inbound-email-secret"),
  };

  await prismaGenerate();
  await migrate(url);
  await seed(url, env.NEXTAUTH_SECRET);
  if (mode === "demo") await buildIfStale(env);

  const app = start(
    bin("next"),
    mode === "dev" ? ["dev", "-p", String(APP_PORT)] : ["start", "-p", String(APP_PORT)],
    env,
  );
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    app.kill("SIGTERM");
    await catcher?.stop();
    await smsCatcher?.stop();
    await server.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  app.on("exit", (code) => void shutdown(code ?? 1));

  await waitForHealthy(`http://127.0.0.1:${APP_PORT}/api/health`, 120_000);
  const width = Math.max(...DEMO_LOGINS.map((login) => login.email.length));
  const lines = [
    "",
    `  Skyline CSM is running on ${appUrl}  (ready in ${Math.round((Date.now() - startedAt) / 1000)} s)`,
    "",
    "  Demo sign-ins (password for all: " + DEMO_PASSWORD + ")",
    ...DEMO_LOGINS.map((login) => `    ${login.role.padEnd(11)} ${login.email.padEnd(width)}`),
    "",
    `  Inbound e-mail webhook: POST ${appUrl}/api/inbound/email  (Authorization: Bearer <.data/inbound-email-secret>)`,
    "",
    "  Press Ctrl-C to stop the app and the database.",
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`\n[skyline] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
