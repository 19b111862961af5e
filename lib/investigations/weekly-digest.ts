// Weekly digest for department heads (issue 18 item 7; pg-boss job "investigations.weeklyDigest", Mondays 08:00
// China time): per department, the requests still waiting for its answer and those overdue. Each head gets one
// notification per department and ISO week (the dedupe key, so re-runs and several instances write it once); the
// per-user notification e-mail (lib/notifications/digest.ts) mails it in the head's language. Only references, due
// times and counts: a head who is a liaison may not see more of the complaint.
import "server-only";
import { db, type Db } from "@/lib/db";
import { zonedDay } from "@/lib/time/zone";
import { notifyMany } from "@/lib/notifications/service";

/** Requests listed by reference in one digest; the counts cover all. */
export const DIGEST_LIST_LIMIT = 20;

/** ISO week of `now` in the business time zone, e.g. "2026-W50": the digest's period and dedupe key. */
export function isoWeekOf(now: Date): string {
  const local = new Date(`${zonedDay(now)}T00:00:00Z`);
  const day = (local.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - day + 3));
  // The week's Thursday decides its year; its day of the year counts the weeks.
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86_400_000 / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

export type DepartmentDigestResult = { departments: number; notified: number };

export async function sendDepartmentDigests(
  options: { now?: Date; client?: Db } = {},
): Promise<DepartmentDigestResult> {
  const now = options.now ?? new Date();
  const client = options.client ?? db;
  const week = isoWeekOf(now);
  const departments = await client.department.findMany({
    where: { active: true, head: { active: true } },
    orderBy: { id: "asc" },
    select: { id: true, nameZh: true, nameEn: true, head: { select: { id: true, role: true } } },
  });
  const result: DepartmentDigestResult = { departments: 0, notified: 0 };
  for (const department of departments) {
    if (!department.head) continue;
    const where = {
      departmentId: department.id,
      status: "open" as const,
      complaint: {
        status: { notIn: ["resolved" as const, "closed" as const, "rejected" as const, "duplicate" as const] },
      },
    };
    const [open, overdue, listed] = await Promise.all([
      client.investigationRequest.count({ where }),
      client.investigationRequest.count({ where: { ...where, dueAt: { lte: now } } }),
      client.investigationRequest.findMany({
        where,
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take: DIGEST_LIST_LIMIT,
        select: { id: true, dueAt: true, round: true, complaint: { select: { reference: true } } },
      }),
    ]);
    if (open === 0) continue; // nothing waiting: no digest
    result.departments += 1;
    const created = await client.$transaction((tx) =>
      notifyMany(tx, [
        {
          userId: department.head!.id,
          kind: "investigation.weekly_digest",
          complaintId: null,
          now,
          dedupeKey: `investigation.weekly_digest:${department.id}:${week}:${department.head!.id}`,
          params: {
            week,
            departmentId: department.id,
            departmentZh: department.nameZh,
            departmentEn: department.nameEn,
            open,
            overdue,
            // A liaison head opens the department inbox; other heads follow the requests from the complaints.
            inbox: department.head!.role === "liaison",
            requests: listed.map((row) => ({
              requestId: row.id,
              reference: row.complaint.reference,
              dueAt: row.dueAt.toISOString(),
              overdue: row.dueAt <= now,
              round: row.round,
            })),
          },
        },
      ]),
    );
    result.notified += created.length;
  }
  return result;
}
