// Append-only audit trail. Call it with the transaction client of the change it records.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { ActorType } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntry = {
  actorType: ActorType;
  actorId?: number | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Prisma.InputJsonValue;
  ip?: string | null;
};

export async function writeAudit(client: Db | Tx, entry: AuditEntry) {
  await client.auditLog.create({
    data: {
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      changes: entry.changes,
      ip: entry.ip ?? null,
    },
  });
}

/** Before/after of the fields that actually changed, for the audit log. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    const from = before[key];
    const to = after[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
