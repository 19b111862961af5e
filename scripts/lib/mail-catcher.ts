// Development SMTP server: accepts every message on loopback and stores it in PostgreSQL (schema "devmail", outside
// Prisma's "public" schema so migration drift checks ignore it), where the admin page /admin/mail shows it.
import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import pg from "pg";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export const DEV_MAILBOX_TABLE = "devmail.dev_mailbox";
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

const CREATE_TABLE = `
  CREATE SCHEMA IF NOT EXISTS devmail;
  CREATE TABLE IF NOT EXISTS devmail.dev_mailbox (
    id          bigserial PRIMARY KEY,
    message_id  text,
    "from"      text NOT NULL DEFAULT '',
    "to"        text NOT NULL DEFAULT '',
    subject     text NOT NULL DEFAULT '',
    text        text,
    html        text,
    kind        text,
    received_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX IF NOT EXISTS dev_mailbox_received_at_idx ON devmail.dev_mailbox (received_at DESC, id DESC);
`;

export type MailCatcher = { port: number; smtpUrl: string; stop(): Promise<void> };

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return "";
  return (Array.isArray(value) ? value : [value]).map((address) => address.text).join(", ");
}

function envelopeRecipients(session: SMTPServerSession): string {
  return session.envelope.rcptTo.map((recipient) => recipient.address).join(", ");
}

type CatcherOptions = { port: number; databaseUrl: string; host?: string; fallbackToFreePort?: boolean };

/**
 * Starts the catcher on 127.0.0.1:`port` (0 = any free port) and creates its table if needed. With
 * `fallbackToFreePort`, a taken port (e.g. a second checkout running its demo) falls back to any free one.
 */
export async function startMailCatcher(options: CatcherOptions): Promise<MailCatcher> {
  try {
    return await listen(options);
  } catch (error) {
    if (!options.fallbackToFreePort || (error as NodeJS.ErrnoException).code !== "EADDRINUSE" || options.port === 0)
      throw error;
    console.warn(`[mail-catcher] port ${options.port} is in use; using a free port instead`);
    return listen({ ...options, port: 0 });
  }
}

async function listen(options: CatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? "127.0.0.1";
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2, application_name: "skyline-mail-catcher" });
  await pool.query(CREATE_TABLE);

  const server = new SMTPServer({
    // A local development sink: no authentication, no TLS, no reverse DNS (offline machines), bounded size.
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    disableReverseLookup: true,
    size: MAX_MESSAGE_BYTES,
    banner: "Skyline CSM development mail catcher",
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (stream.sizeExceeded) {
            const error = Object.assign(new Error("Message exceeds the 10 MB limit"), { responseCode: 552 });
            callback(error);
            return;
          }
          const kind = mail.headers.get("x-skyline-kind");
          await pool.query(
            `INSERT INTO ${DEV_MAILBOX_TABLE} (message_id, "from", "to", subject, text, html, kind) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [
              mail.messageId ?? null,
              addressText(mail.from) || session.envelope.mailFrom || "",
              addressText(mail.to) || envelopeRecipients(session),
              mail.subject ?? "",
              mail.text ?? null,
              mail.html === false ? null : mail.html,
              typeof kind === "string" ? kind : null,
            ],
          );
          callback(null, "Message stored");
        })
        .catch((error: unknown) => {
          console.error("[mail-catcher] could not store a message", {
            error: error instanceof Error ? error.message : String(error),
          });
          callback(Object.assign(new Error("Temporary failure storing the message"), { responseCode: 451 }));
        });
    },
  });
  server.on("error", (error: Error) => console.error("[mail-catcher] SMTP server error", { error: error.message }));

  try {
    await new Promise<void>((resolve, reject) => {
      server.server.once("error", reject);
      server.listen(options.port, host, () => {
        server.server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    smtpUrl: `smtp://${host}:${port}`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
