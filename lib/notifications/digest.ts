// E-mails each staff member their unread, not yet e-mailed notifications: ONE e-mail per user per run (a digest when
// there are several), so a mass breach sends each owner one message instead of hundreds. Run every minute by the
// "notifications.digest" job. Notifications younger than `settleSeconds` wait for the next run, so a sweep that is
// still escalating in batches ends up in one digest. Rows are claimed with FOR UPDATE SKIP LOCKED per user, so two
// runs at once never e-mail the same notification.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromDbLocale, type AppLocale } from "@/lib/i18n/locales";
import { enqueueEmail } from "@/lib/mail/outbox";
import { renderNotification, type RenderedEmail } from "@/lib/mail/templates";
import {
  digestTitle,
  groupOf,
  groupTitle,
  notificationLine,
  notificationParamsSchema,
  openLabel,
  type NotificationForEmail,
  type NotificationGroup,
} from "@/lib/notifications/email-copy";

export type DigestOptions = { now?: Date; settleSeconds?: number; maxUsers?: number; client?: Db; appUrl?: string };
export type DigestResult = { emails: number; notifications: number };

const DEFAULT_SETTLE_SECONDS = 30;
const MAX_LINES = 100;

export async function sendNotificationDigests(options: DigestOptions = {}): Promise<DigestResult> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.settleSeconds ?? DEFAULT_SETTLE_SECONDS) * 1000);
  const client = options.client ?? db;
  const appUrl = (options.appUrl ?? env().APP_URL).replace(/\/+$/, "");
  const users = await client.$queryRaw<{ userId: number }[]>`
    SELECT DISTINCT n."userId" FROM notifications n JOIN users u ON u.id = n."userId"
    WHERE n."emailedAt" IS NULL AND n."readAt" IS NULL AND n."createdAt" <= ${cutoff} AND u.active
    ORDER BY n."userId" LIMIT ${options.maxUsers ?? 1_000}`;
  const result: DigestResult = { emails: 0, notifications: 0 };
  for (const { userId } of users) {
    const sent = await client.$transaction((tx) => emailUser(tx, userId, cutoff, now, appUrl));
    if (sent > 0) {
      result.emails += 1;
      result.notifications += sent;
    }
  }
  return result;
}

type PendingRow = {
  id: number;
  kind: string;
  params: Prisma.JsonValue;
  complaintId: number | null;
  reference?: string | null;
  subject?: string | null;
};

/** Claims the user's pending notifications, writes one e-mail to the outbox and marks them e-mailed. */
async function emailUser(tx: Tx, userId: number, cutoff: Date, now: Date, appUrl: string): Promise<number> {
  // The complaint's current reference and subject come from its row: a notification's stored params may lack them
  // (the demo seed wrote none, and the e-mail subject then read 'CMP-… 「」').
  const rows = await tx.$queryRaw<PendingRow[]>`
    SELECT n.id, n.kind, n.params, n."complaintId", c.reference, c.subject
    FROM notifications n LEFT JOIN complaints c ON c.id = n."complaintId"
    WHERE n."userId" = ${userId} AND n."emailedAt" IS NULL AND n."readAt" IS NULL AND n."createdAt" <= ${cutoff}
    ORDER BY n."createdAt", n.id
    FOR UPDATE OF n SKIP LOCKED`;
  if (rows.length === 0) return 0;
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, locale: true, timeZone: true },
  });
  const email = await composeEmail(fromDbLocale(user.locale), user.timeZone, rows, appUrl);
  await enqueueEmail(tx, {
    to: user.email,
    ...email,
    kind: rows.length === 1 ? "notification" : "notification_digest",
    complaintId: rows.length === 1 ? (rows[0]?.complaintId ?? undefined) : undefined,
  });
  await tx.notification.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { emailedAt: now } });
  return rows.length;
}

function toEmailItem(
  row: Pick<PendingRow, "kind" | "params" | "reference" | "subject"> & { complaintId?: number | null },
): NotificationForEmail {
  const parsed = notificationParamsSchema.safeParse(row.params);
  const params = parsed.success ? parsed.data : {};
  return {
    kind: row.kind,
    complaintId: row.complaintId ?? null,
    params: { ...params, reference: row.reference || params.reference, subject: row.subject || params.subject },
  };
}

/** One notification → its own e-mail; several → a digest grouped by kind ("12 complaints breached their SLA"). Pure. */
export async function composeEmail(
  locale: AppLocale,
  timeZone: string,
  rows: readonly (Pick<PendingRow, "kind" | "params" | "reference" | "subject"> & { complaintId?: number | null })[],
  appUrl: string,
): Promise<RenderedEmail> {
  const items = rows.map(toEmailItem);
  // A department request notification without a complaint (a liaison or head may not open it) links to the request,
  // as in the bell.
  const urlOf = (item: NotificationForEmail) =>
    item.kind.startsWith("investigation.") && !item.complaintId && item.params.requestId
      ? `${appUrl}/department-requests/${encodeURIComponent(String(item.params.requestId))}`
      : item.params.inspectionId
        ? `${appUrl}/quality/inspections/${item.params.inspectionId}`
        : item.params.appraisalId
          ? `${appUrl}/quality/appraisals/${item.params.appraisalId}`
          : item.kind === "incident.report_overdue" && item.params.incidentId
            ? `${appUrl}/incidents/${item.params.incidentId}`
            : item.params.reference
              ? `${appUrl}/complaints/${encodeURIComponent(item.params.reference)}`
              : null;
  const first = items[0];
  if (items.length === 1 && first) {
    const line = notificationLine(locale, first, timeZone);
    return renderNotification(locale, {
      title: line,
      body: line,
      actionUrl: urlOf(first) ?? `${appUrl}/`,
      actionLabel: openLabel(locale, urlOf(first) !== null),
    });
  }
  const groups = new Map<NotificationGroup, NotificationForEmail[]>();
  for (const item of items) {
    const group = groupOf(item);
    groups.set(group, [...(groups.get(group) ?? []), item]);
  }
  const only = groups.size === 1 ? [...groups.entries()][0] : undefined;
  const title = only ? groupTitle(locale, only[0], only[1].length) : digestTitle(locale, items.length);
  const sections: string[] = [];
  let lines = 0;
  for (const [group, members] of groups) {
    const shown = members.slice(0, Math.max(0, MAX_LINES - lines));
    lines += shown.length;
    const list = shown.map((item) => {
      const url = urlOf(item);
      return `• ${notificationLine(locale, item, timeZone)}${url ? `\n  ${url}` : ""}`;
    });
    const hidden = members.length - shown.length;
    if (hidden > 0) list.push(locale === "zh-CN" ? `……另有 ${hidden} 条` : `… and ${hidden} more`);
    sections.push(groups.size > 1 ? [groupTitle(locale, group, members.length), ...list].join("\n") : list.join("\n"));
  }
  return renderNotification(locale, {
    title,
    body: sections.join("\n\n"),
    actionUrl: `${appUrl}/`,
    actionLabel: openLabel(locale, false),
  });
}
