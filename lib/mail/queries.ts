// Reads of the outbox for the admin mail page.
import "server-only";
import { db } from "@/lib/db";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

export const OUTBOX_RECENT_LIMIT = 20;

export type OutboxOverview = {
  counts: Record<DeliveryStatus, number>;
  recent: Array<{
    id: number;
    to: string;
    subject: string;
    kind: string;
    status: DeliveryStatus;
    attempts: number;
    lastError: string | null;
    createdAt: Date;
    sentAt: Date | null;
  }>;
};

export async function getOutboxOverview(): Promise<OutboxOverview> {
  const [groups, recent] = await Promise.all([
    db.outboundEmail.groupBy({ by: ["status"], _count: { _all: true } }),
    db.outboundEmail.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: OUTBOX_RECENT_LIMIT,
      select: {
        id: true,
        to: true,
        subject: true,
        kind: true,
        status: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        sentAt: true,
      },
    }),
  ]);
  const counts: Record<DeliveryStatus, number> = { pending: 0, sent: 0, failed: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return { counts, recent };
}
