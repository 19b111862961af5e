// Reads for the incident pages: the list every agent sees, the incident page (figures, runs, timeline, linked
// complaints in the reader's scope) and the workspace banner.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { complaintScope } from "@/lib/complaints/scope";
import { DONE_STATUSES, OPEN_STATUSES } from "@/lib/complaints/transitions";
import { reportClock } from "@/lib/incidents/clock";

export function canReadIncidents(actor: Pick<Actor, "permissions">) {
  return can(actor, "complaint.read") || can(actor, "incident.manage");
}

const listSelect = {
  id: true,
  title: true,
  type: true,
  level: true,
  status: true,
  startedAt: true,
  expectedRecoveryAt: true,
  firstReportDueAt: true,
  firstReportAt: true,
  nextUpdateDueAt: true,
  owner: { select: { name: true } },
  _count: { select: { complaints: true } },
} as const;

/** Active incidents first (newest first), then the 50 most recent recovered or closed ones. */
export async function listIncidents(now = new Date()) {
  const [active, past] = await Promise.all([
    db.incident.findMany({ where: { status: "active" }, orderBy: { startedAt: "desc" }, select: listSelect }),
    db.incident.findMany({
      where: { status: { not: "active" } },
      orderBy: { startedAt: "desc" },
      take: 50,
      select: listSelect,
    }),
  ]);
  const ids = [...active, ...past].map((row) => row.id);
  const open = ids.length
    ? await db.complaint.groupBy({
        by: ["incidentId"],
        where: { incidentId: { in: ids }, status: { in: [...OPEN_STATUSES] } },
        _count: { _all: true },
      })
    : [];
  const openBy = new Map(open.map((row) => [row.incidentId, row._count._all]));
  return [...active, ...past].map((row) => ({
    ...row,
    linked: row._count.complaints,
    open: openBy.get(row.id) ?? 0,
    clock: reportClock(row, now),
  }));
}

export async function loadIncident(id: number) {
  return db.incident.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      type: true,
      level: true,
      status: true,
      description: true,
      impactEstimate: true,
      affectedEstimate: true,
      startedAt: true,
      expectedRecoveryAt: true,
      recoveredAt: true,
      createdAt: true,
      version: true,
      flightNumbers: true,
      serviceDateFrom: true,
      serviceDateTo: true,
      airports: true,
      affected: true,
      categoryIds: true,
      keywords: true,
      windowStart: true,
      windowEnd: true,
      customerScript: true,
      resolutionText: true,
      excludedComplaintIds: true,
      firstReportDueAt: true,
      firstReportAt: true,
      nextUpdateDueAt: true,
      owner: { select: { id: true, name: true } },
      declaredBy: { select: { name: true } },
    },
  });
}
export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof loadIncident>>>;

export async function incidentTimeline(id: number) {
  return db.incidentEvent.findMany({
    where: { incidentId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, kind: true, body: true, data: true, createdAt: true, actor: { select: { name: true } } },
  });
}

export async function incidentRuns(id: number) {
  return db.incidentRun.findMany({
    where: { incidentId: id },
    orderBy: { id: "desc" },
    take: 10,
    select: {
      id: true,
      kind: true,
      status: true,
      cursor: true,
      succeeded: true,
      failed: true,
      failures: true,
      createdAt: true,
      finishedAt: true,
      complaintIds: true,
      actor: { select: { name: true } },
    },
  });
}

const HOUR = 3_600_000;

/** Linked / open / resolved, SLA state, channel mix, and hourly inflow of linked complaints against the baseline. */
export async function incidentFigures(id: number, startedAt: Date, until: Date) {
  const [byStatus, breached, channels, inflow, baseline] = await Promise.all([
    db.complaint.groupBy({ by: ["status"], where: { incidentId: id }, _count: { _all: true } }),
    db.complaint.count({ where: { incidentId: id, slaBreached: true, status: { in: [...OPEN_STATUSES] } } }),
    db.complaint.groupBy({ by: ["channelId"], where: { incidentId: id }, _count: { _all: true } }),
    db.$queryRaw<{ hour: Date; count: bigint }[]>`
      SELECT date_trunc('hour', "createdAt") AS hour, count(*) AS count FROM complaints
      WHERE "incidentId" = ${id} AND "createdAt" >= ${new Date(startedAt.getTime() - 6 * HOUR)} AND "createdAt" <= ${until}
      GROUP BY 1 ORDER BY 1`,
    // Baseline: all complaints per hour over the 7 days before the incident.
    db.complaint.count({ where: { createdAt: { gte: new Date(startedAt.getTime() - 7 * 24 * HOUR), lt: startedAt } } }),
  ]);
  const count = (statuses: readonly string[]) =>
    byStatus.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + row._count._all, 0);
  const channelRows = await db.channel.findMany({
    where: { id: { in: channels.map((row) => row.channelId) } },
    select: { id: true, nameZh: true, nameEn: true },
  });
  return {
    linked: count([...OPEN_STATUSES, ...DONE_STATUSES]),
    open: count(OPEN_STATUSES),
    resolved: count(["resolved", "closed"]),
    breached,
    baselinePerHour: Math.round((baseline / (7 * 24)) * 10) / 10,
    inflow: inflow.map((row) => ({ hour: row.hour, count: Number(row.count) })),
    channels: channels
      .map((row) => ({ ...channelRows.find((channel) => channel.id === row.channelId), count: row._count._all }))
      .sort((a, b) => b.count - a.count),
  };
}

/** Linked complaints the reader may see (their scope), newest first. */
export async function linkedComplaints(actor: Actor, id: number, take = 200) {
  return db.complaint.findMany({
    where: { incidentId: id, ...complaintScope(actor) },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      reference: true,
      subject: true,
      status: true,
      flightNumber: true,
      createdAt: true,
      slaBreached: true,
    },
  });
}

/** The banner on a linked complaint's workspace: the incident and the approved customer script. */
export async function incidentBanner(incidentId: number) {
  return db.incident.findUnique({
    where: { id: incidentId },
    select: { id: true, title: true, level: true, status: true, customerScript: true, expectedRecoveryAt: true },
  });
}

export async function incidentOwners() {
  return db.user.findMany({
    where: { active: true, role: { in: ["supervisor", "manager"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** Top-level categories for the declaration's scope. */
export async function incidentCategoryOptions() {
  return db.category.findMany({
    where: { active: true, parentId: null },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, nameZh: true, nameEn: true },
  });
}

export async function activeRootCauses() {
  return db.rootCause.findMany({
    where: { active: true },
    orderBy: { code: "asc" },
    select: { id: true, code: true, nameZh: true, nameEn: true },
  });
}

/** How many complaints a bulk resolution would resolve now: linked, open, not left out. */
export async function resolvableCount(id: number, excluded: number[]) {
  return db.complaint.count({ where: { incidentId: id, status: { in: [...OPEN_STATUSES] }, id: { notIn: excluded } } });
}

/** References of the complaints named in run failures, for links in the failure list. */
export async function referencesOf(ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db.complaint.findMany({
    where: { id: { in: ids.slice(0, 1_000) } },
    select: { id: true, reference: true },
  });
  return new Map(rows.map((row) => [row.id, row.reference]));
}

export async function categoryNames(ids: number[]) {
  if (ids.length === 0) return [];
  return db.category.findMany({ where: { id: { in: ids } }, select: { id: true, nameZh: true, nameEn: true } });
}
