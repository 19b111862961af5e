// The incidents.clock job (every minute): an active incident whose first report or next status update is overdue gets
// a "report_overdue" event on its timeline (shown red on the list and the page) and its owner a bell notification
// (e-mailed by the notifications digest like every other), once per due time (overdueNotedFor).
import "server-only";
import { db } from "@/lib/db";
import { notify } from "@/lib/notifications/service";

export async function sweepIncidentClocks(now = new Date()): Promise<{ noted: number }> {
  const due = await db.incident.findMany({
    where: {
      status: "active",
      OR: [
        { firstReportAt: null, firstReportDueAt: { lt: now } },
        { firstReportAt: { not: null }, nextUpdateDueAt: { lt: now } },
      ],
    },
    select: {
      id: true,
      title: true,
      ownerId: true,
      firstReportAt: true,
      firstReportDueAt: true,
      nextUpdateDueAt: true,
      overdueNotedFor: true,
    },
    take: 200,
  });
  let noted = 0;
  for (const incident of due) {
    const dueAt = incident.firstReportAt ? incident.nextUpdateDueAt : incident.firstReportDueAt;
    if (!dueAt) continue;
    const first = incident.firstReportAt === null;
    await db.$transaction(async (tx) => {
      // Claimed by moving overdueNotedFor to this due time: overlapping sweeps record the lapse once.
      const claimed = await tx.incident.updateMany({
        where: { id: incident.id, OR: [{ overdueNotedFor: null }, { overdueNotedFor: { not: dueAt } }] },
        data: { overdueNotedFor: dueAt },
      });
      if (claimed.count === 0) return;
      await tx.incidentEvent.create({
        data: {
          incidentId: incident.id,
          kind: "report_overdue",
          data: { first, dueAt: dueAt.toISOString() },
          createdAt: now,
        },
      });
      if (incident.ownerId !== null) {
        const params = {
          incidentId: incident.id,
          title: incident.title,
          stage: first ? "first" : "update",
          dueAt: dueAt.toISOString(),
        };
        await notify(tx, {
          userId: incident.ownerId,
          kind: "incident.report_overdue",
          params,
          dedupeKey: `incident:${incident.id}:overdue:${dueAt.toISOString()}`,
          now,
        });
      }
      noted += 1;
    });
  }
  return { noted };
}
