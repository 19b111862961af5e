// The outbox end to end: enqueue in a transaction → sendPendingEmails → a real SMTP server (the dev catcher).
import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMailCatcher, type MailCatcher } from "@/scripts/lib/mail-catcher";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/mail/outbox";
import { MAX_ATTEMPTS, sendPendingEmails } from "@/lib/mail/sender";
import { renderReply } from "@/lib/mail/templates";
import { createMailTransport } from "@/lib/mail/transport";

// The "not configured" case below relies on SMTP_URL being absent; env() is parsed on first use, after this line.
delete process.env.SMTP_URL;

let catcher: MailCatcher;

/** A port with nothing listening: an SMTP server that is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function caught() {
  return db.$queryRaw<Array<{ to: string; subject: string; kind: string | null; html: string | null }>>`
    SELECT "to", subject, kind, html FROM devmail.dev_mailbox ORDER BY id`;
}

function email(to: string, subject = `Subject for ${to}`) {
  return { to, subject, text: `Hello ${to}`, html: `<p>Hello ${to}</p>`, kind: "notification" as const };
}

beforeAll(async () => {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is set by tests/integration/setup.ts");
  catcher = await startMailCatcher({ port: 0, databaseUrl });
});

afterAll(async () => {
  await catcher.stop();
});

beforeEach(async () => {
  await db.outboundEmail.deleteMany();
  await db.$executeRaw`TRUNCATE devmail.dev_mailbox`;
});

describe("sendPendingEmails", () => {
  it("delivers e-mails enqueued in a committed transaction exactly once and marks them sent", async () => {
    await db.$transaction(async (tx) => {
      await enqueueEmail(tx, email("one@test.example"));
      await enqueueEmail(tx, email("two@test.example"));
    });

    const result = await sendPendingEmails({ transport: createMailTransport(catcher.smtpUrl) });
    expect(result).toMatchObject({ sent: 2, failed: 0, retrying: 0 });
    // A second run finds nothing left to send.
    expect(await sendPendingEmails({ transport: createMailTransport(catcher.smtpUrl) })).toMatchObject({ sent: 0 });

    const messages = await caught();
    expect(messages.map((message) => message.to).sort()).toEqual(["one@test.example", "two@test.example"]);
    expect(messages.every((message) => message.kind === "notification")).toBe(true);
    const rows = await db.outboundEmail.findMany({ select: { status: true, attempts: true, sentAt: true } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.status).toBe("sent");
      expect(row.attempts).toBe(1);
      expect(row.sentAt).toBeInstanceOf(Date);
    }
  });

  it("sends nothing for a rolled-back transaction", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, email("ghost@test.example"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    expect(await db.outboundEmail.count()).toBe(0);
    expect(await sendPendingEmails({ transport: createMailTransport(catcher.smtpUrl) })).toMatchObject({ sent: 0 });
    expect(await caught()).toEqual([]);
  });

  it("keeps an e-mail pending while SMTP is down and sends it on a later run", async () => {
    await db.$transaction((tx) => enqueueEmail(tx, email("later@test.example")));
    const down = createMailTransport(`smtp://127.0.0.1:${await closedPort()}`);

    const first = await sendPendingEmails({ transport: down });
    expect(first).toMatchObject({ sent: 0, retrying: 1 });
    const pending = await db.outboundEmail.findFirstOrThrow({
      select: { status: true, attempts: true, lastError: true, createdAt: true },
    });
    expect(pending.status).toBe("pending");
    expect(pending.attempts).toBe(1);
    expect(pending.lastError).toMatch(/ECONNREFUSED|connect/i);

    // Back-off: right away the e-mail is not due again, even with the server back up.
    expect(await sendPendingEmails({ transport: createMailTransport(catcher.smtpUrl) })).toMatchObject({ sent: 0 });
    // Two minutes later it is.
    const later = new Date(pending.createdAt.getTime() + 2 * 60_000);
    expect(await sendPendingEmails({ transport: createMailTransport(catcher.smtpUrl), now: later })).toMatchObject({
      sent: 1,
    });

    const sent = await db.outboundEmail.findFirstOrThrow({ select: { status: true, attempts: true, lastError: true } });
    expect(sent).toEqual({ status: "sent", attempts: 2, lastError: null });
    expect((await caught()).map((message) => message.to)).toEqual(["later@test.example"]);
  });

  it("marks an e-mail failed after the last attempt", async () => {
    await db.$transaction((tx) => enqueueEmail(tx, email("never@test.example")));
    const down = createMailTransport(`smtp://127.0.0.1:${await closedPort()}`);
    const muchLater = new Date(Date.now() + 24 * 60 * 60_000);
    for (let attempt = 0; attempt < MAX_ATTEMPTS + 1; attempt++)
      await sendPendingEmails({ transport: down, now: muchLater });

    const row = await db.outboundEmail.findFirstOrThrow({ select: { status: true, attempts: true } });
    expect(row).toEqual({ status: "failed", attempts: MAX_ATTEMPTS });
  });

  it("never sends one e-mail twice when runs overlap", async () => {
    const recipients = Array.from({ length: 12 }, (_, index) => `r${index}@test.example`);
    await db.$transaction(async (tx) => {
      for (const to of recipients) await enqueueEmail(tx, email(to));
    });

    const runs = await Promise.all(
      [1, 2, 3].map(() => sendPendingEmails({ transport: createMailTransport(catcher.smtpUrl) })),
    );
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(recipients.length);

    const delivered = (await caught()).map((message) => message.to).sort();
    expect(delivered).toEqual([...recipients].sort());
    expect(await db.outboundEmail.count({ where: { status: "sent" } })).toBe(recipients.length);
  });

  it("leaves e-mails pending when SMTP is not configured", async () => {
    await db.$transaction((tx) => enqueueEmail(tx, email("unconfigured@test.example")));
    // setup.ts does not set SMTP_URL, so the configured transport is absent.
    expect(await sendPendingEmails()).toMatchObject({ sent: 0, skipped: "smtp_not_configured" });
    expect(await db.outboundEmail.findFirstOrThrow({ select: { status: true, attempts: true } })).toEqual({
      status: "pending",
      attempts: 0,
    });
  });
});

describe("templates through SMTP", () => {
  it("delivers a reply whose HTML shows the agent's markup as text", async () => {
    const rendered = await renderReply(
      "en",
      {
        reference: "C-2026-0001",
        subject: "Late delivery",
        trackingToken: "tok",
        body: "Hi <script>alert(1)</script>\nThanks",
      },
      "https://csm.example",
    );
    await db.$transaction((tx) => enqueueEmail(tx, { to: "customer@test.example", kind: "reply", ...rendered }));
    await sendPendingEmails({ transport: createMailTransport(catcher.smtpUrl) });

    const [message] = await caught();
    expect(message?.subject).toBe("[C-2026-0001] Re: Late delivery");
    expect(message?.kind).toBe("reply");
    expect(message?.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;<br/>");
    expect(message?.html).not.toContain("<script>");
  });
});
