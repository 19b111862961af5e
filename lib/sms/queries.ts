// Reads for /admin/sms: the outbox and, where the development SMSC runs, what it caught (its table lives outside
// Prisma's schema, scripts/lib/sms-catcher.ts).
import "server-only";
import { db } from "@/lib/db";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

export const SMS_RECENT_LIMIT = 25;

export type SmsOutboxOverview = {
  counts: Record<DeliveryStatus, number>;
  recent: Array<{
    id: number;
    to: string;
    text: string;
    kind: string;
    encoding: string;
    segments: number;
    status: DeliveryStatus;
    receiptStatus: string | null;
    attempts: number;
    lastError: string | null;
    notBefore: Date;
    /** still waiting for the end of the quiet hours */
    deferred: boolean;
    createdAt: Date;
  }>;
};

export async function getSmsOutboxOverview(now = new Date()): Promise<SmsOutboxOverview> {
  const [groups, recent] = await Promise.all([
    db.outboundSms.groupBy({ by: ["status"], _count: { _all: true } }),
    db.outboundSms.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: SMS_RECENT_LIMIT,
      select: {
        id: true,
        to: true,
        text: true,
        kind: true,
        encoding: true,
        segments: true,
        status: true,
        receiptStatus: true,
        attempts: true,
        lastError: true,
        notBefore: true,
        createdAt: true,
      },
    }),
  ]);
  const counts: Record<DeliveryStatus, number> = { pending: 0, sent: 0, failed: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return {
    counts,
    recent: recent.map((sms) => ({ ...sms, deferred: sms.status === "pending" && sms.notBefore > now })),
  };
}

export type CaughtSms = {
  id: number;
  destination: string;
  source: string;
  text: string;
  encoding: string;
  segments: number;
  status: string;
  receivedAt: Date;
};

export async function listCaughtSms(): Promise<
  { catcherAvailable: false } | { catcherAvailable: true; messages: CaughtSms[] }
> {
  const rows = await db.$queryRaw<
    Array<{ exists: boolean }>
  >`SELECT to_regclass('devsms.dev_sms') IS NOT NULL AS "exists"`;
  if (rows[0]?.exists !== true) return { catcherAvailable: false };
  const messages = await db.$queryRaw<Array<Omit<CaughtSms, "id"> & { id: bigint }>>`
    SELECT id, destination, source, text, encoding, segments, status, received_at AS "receivedAt"
    FROM devsms.dev_sms ORDER BY received_at DESC, id DESC LIMIT ${SMS_RECENT_LIMIT}`;
  return { catcherAvailable: true, messages: messages.map((message) => ({ ...message, id: Number(message.id) })) };
}
