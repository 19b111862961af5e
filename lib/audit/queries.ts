// The audit-log viewer (admin.audit): filter by actor, entity, action and date range; newest first, keyset-paged by id.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorType } from "@/lib/generated/prisma/enums";
import { shanghaiDayStart } from "@/lib/privacy/access-log";
import { coercedIdSchema } from "@/lib/validation";

export const AUDIT_PAGE_SIZE = 50;

const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);

/** Filters from the URL: bad values are dropped rather than failing the page. */
export const auditFilterSchema = z.object({
  actor: text(100),
  entityType: text(60),
  entityId: text(60),
  action: text(80),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  before: coercedIdSchema.optional().catch(undefined),
});
export type AuditFilters = z.infer<typeof auditFilterSchema>;

export type AuditRow = {
  id: number;
  createdAt: Date;
  actorType: ActorType;
  actor: { id: number; name: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Prisma.JsonValue;
  ip: string | null;
};

export async function listAuditLog(
  actor: Actor,
  filters: AuditFilters,
): Promise<{ rows: AuditRow[]; nextBefore: number | null }> {
  if (!can(actor, "admin.audit")) return { rows: [], nextBefore: null };
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.actor) {
    const id = /^\d+$/.test(filters.actor) ? Number(filters.actor) : null;
    and.push({
      actor: {
        OR: [
          { name: { contains: filters.actor, mode: "insensitive" } },
          { email: { contains: filters.actor, mode: "insensitive" } },
          ...(id ? [{ id }] : []),
        ],
      },
    });
  }
  if (filters.entityType) and.push({ entityType: filters.entityType });
  if (filters.entityId) and.push({ entityId: filters.entityId });
  if (filters.action) and.push({ action: { startsWith: filters.action } });
  if (filters.from) and.push({ createdAt: { gte: shanghaiDayStart(filters.from) } });
  if (filters.to) and.push({ createdAt: { lt: new Date(shanghaiDayStart(filters.to).getTime() + 86_400_000) } });
  if (filters.before) and.push({ id: { lt: filters.before } });
  const rows = await db.auditLog.findMany({
    where: { AND: and },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      createdAt: true,
      actorType: true,
      actor: { select: { id: true, name: true } },
      action: true,
      entityType: true,
      entityId: true,
      changes: true,
      ip: true,
    },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return { rows: page, nextBefore: rows.length > AUDIT_PAGE_SIZE ? (page[page.length - 1]?.id ?? null) : null };
}

/** Entity types present in the log, for the filter's drop-down. */
export async function listAuditEntityTypes(): Promise<string[]> {
  const rows = await db.auditLog.findMany({
    distinct: ["entityType"],
    select: { entityType: true },
    orderBy: { entityType: "asc" },
  });
  return rows.map((row) => row.entityType);
}
