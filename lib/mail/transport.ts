// The SMTP connection behind the outbox sender, wrapped so the sender (and its tests) do not depend on nodemailer.
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/log";

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  messageId: string;
  /** Extra headers, e.g. X-Skyline-Kind so the dev mailbox can label messages. */
  headers?: Record<string, string>;
};

export type MailTransport = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/** A delivery error the SMTP server gave as permanent (5xx): retrying cannot help. */
export function isPermanentSmtpError(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("responseCode" in error)) return false;
  const code = (error as { responseCode: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** A transport that could not even reach the server: every other e-mail in this run would fail the same way. */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === "ECONNECTION" || code === "ETIMEDOUT" || code === "ESOCKET" || code === "EDNS";
}

export function createMailTransport(smtpUrl: string): MailTransport {
  // Short timeouts: nodemailer's defaults (minutes) would hold the outbox row lock and the job far too long.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        messageId: mail.messageId,
        headers: mail.headers,
      });
    },
    close() {
      transporter.close();
    },
  };
}

/** The transport configured by SMTP_URL, or null when e-mail delivery is not configured. */
export function configuredMailTransport(): MailTransport | null {
  const url = env().SMTP_URL;
  return url ? createMailTransport(url) : null;
}

/** host:port of the configured SMTP server without credentials, for the admin page. */
export function smtpServerLabel(): string | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch (error) {
    logger.warn("[mail] SMTP_URL is not a valid URL", {
      error: error instanceof Error ? error.message : String(error),
    });
    return "(invalid SMTP_URL)";
  }
}
