// The PII access log viewer (admin.audit): who saw which customer's data, where and when; newest first, keyset-paged.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BUSINESS_TIME_ZONE, startOfZonedDay } from "@/lib/time/zone";
import { coercedIdSchema } from "@/lib/validation";

const ACCESS_LOG_PAGE_SIZE = 50;

const dateOnly = z.iso.date().optional().catch(undefined);
const positiveId = coercedIdSchema.optional().catch(undefined);

/** Filters from the URL: bad values are dropped rather than failing the page. */
export const accessLogFilterSchema = z.object({
  user: z.string().trim().max(100).optional().catch(undefined),
  customer: z.string().trim().max(100).optional().catch(undefined),
  from: dateOnly,
  to: dateOnly,
  before: positiveId,
});
export type AccessLogFilters = z.infer<typeof accessLogFilterSchema>;

/** Calendar days are days in the business time zone, like the rest of the admin pages. */
export function shanghaiDayStart(date: string): Date {
  return startOfZonedDay(date, BUSINESS_TIME_ZONE);
}

export type AccessLogRow = {
  id: number;
  createdAt: Date;
  field: string;
  context: string | null;
  user: { id: number; name: string; email: string };
  customer: { id: number; name: string };
};

export async function listPiiAccess(
  actor: Actor,
  filters: AccessLogFilters,
): Promise<{ rows: AccessLogRow[]; nextBefore: number | null }> {
  if (!can(actor, "admin.audit")) return { rows: [], nextBefore: null };
  const and: Prisma.PiiAccessLogWhereInput[] = [];
  if (filters.user)
    and.push({
      user: {
        OR: [
          { name: { contains: filters.user, mode: "insensitive" } },
          { email: { contains: filters.user, mode: "insensitive" } },
        ],
      },
    });
  if (filters.customer) {
    const id = /^\d+$/.test(filters.customer) ? Number(filters.customer) : null;
    and.push({
      customer: { OR: [{ name: { contains: filters.customer, mode: "insensitive" } }, ...(id ? [{ id }] : [])] },
    });
  }
  if (filters.from) and.push({ createdAt: { gte: shanghaiDayStart(filters.from) } });
  if (filters.to) and.push({ createdAt: { lt: new Date(shanghaiDayStart(filters.to).getTime() + 86_400_000) } });
  if (filters.before) and.push({ id: { lt: filters.before } });
  const rows = await db.piiAccessLog.findMany({
    where: { AND: and },
    orderBy: { id: "desc" },
    take: ACCESS_LOG_PAGE_SIZE + 1,
    select: {
      id: true,
      createdAt: true,
      field: true,
      context: true,
      user: { select: { id: true, name: true, email: true } },
      customer: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, ACCESS_LOG_PAGE_SIZE);
  return { rows: page, nextBefore: rows.length > ACCESS_LOG_PAGE_SIZE ? (page[page.length - 1]?.id ?? null) : null };
}
