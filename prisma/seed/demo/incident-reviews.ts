// Demo: every closed incident has its review (复盘), as the app requires before closing. Applies to whatever closed
// incidents the demo seeded (the check-in outage, the 1,000-complaint past disruption …) that lack one, with the
// figures read from the seeded rows and one improvement action (CAPA) linked to the incident.
import type { Tx } from "../../../lib/db";

const MINUTE = 60_000;

export async function seedIncidentReviews(tx: Tx, now: Date): Promise<number> {
  const incidents = await tx.incident.findMany({
    where: { status: "closed", review: null },
    orderBy: { id: "asc" },
    select: {
      id: true,
      title: true,
      type: true,
      startedAt: true,
      createdAt: true,
      firstReportAt: true,
      recoveredAt: true,
      ownerId: true,
    },
  });
  const manager = await tx.user.findFirst({
    where: { role: "manager", active: true },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const author = manager?.id ?? incidents[0]?.ownerId ?? null;
  if (author === null) return 0;
  for (const incident of incidents) {
    const [byStatus, breached, compensation, updates] = await Promise.all([
      tx.complaint.groupBy({ by: ["status"], where: { incidentId: incident.id }, _count: { _all: true } }),
      tx.complaint.count({ where: { incidentId: incident.id, slaBreached: true } }),
      tx.compensation.groupBy({
        by: ["currency"],
        where: { incidentId: incident.id, status: { in: ["proposed", "approved", "issued"] } },
        _sum: { amount: true },
      }),
      tx.incidentRun.count({ where: { incidentId: incident.id, kind: "notify", status: "done" } }),
    ]);
    const count = (statuses: string[]) =>
      byStatus
        .filter((row) => statuses.length === 0 || statuses.includes(row.status))
        .reduce((sum, row) => sum + row._count._all, 0);
    const minutes = (from: Date, to: Date | null) => (to ? Math.round((to.getTime() - from.getTime()) / MINUTE) : null);
    const firstReportMinutes = minutes(incident.createdAt, incident.firstReportAt);
    const figures = {
      linked: count([]),
      open: count(["new", "acknowledged", "in_progress", "pending_customer", "reopened"]),
      resolved: count(["resolved", "closed"]),
      breached,
      firstReportMinutes,
      recoveryMinutes: minutes(incident.startedAt, incident.recoveredAt),
      missedReports: firstReportMinutes !== null && firstReportMinutes > 10 ? 1 : 0,
      customerUpdates: updates,
      compensation: compensation.map((row) => ({
        currency: row.currency.trim(),
        amount: (row._sum.amount ?? 0).toFixed(2),
      })),
    };
    const reviewedAt = new Date(
      Math.min(now.getTime(), (incident.recoveredAt ?? incident.startedAt).getTime() + 3 * 24 * 60 * MINUTE),
    );
    const late = figures.missedReports > 0;
    await tx.incidentReview.create({
      data: {
        incidentId: incident.id,
        authorId: author,
        figures,
        createdAt: reviewedAt,
        updatedAt: reviewedAt,
        summary: `宣布后 ${firstReportMinutes ?? "—"} 分钟首次报告，${figures.recoveryMinutes ?? "—"} 分钟后恢复；关联投诉 ${figures.linked} 件，已解决 ${figures.resolved} 件。 · First report ${firstReportMinutes ?? "—"} min after declaring, recovered after ${figures.recoveryMinutes ?? "—"} min; ${figures.linked} complaints linked, ${figures.resolved} resolved.`,
        wentWell:
          "统一口径和批量处理使客户在当天得到答复。 · One approved script and bulk handling gave customers an answer the same day.",
        wentBadly: late
          ? "首次报告超过 10 分钟时限；现场人手不足，排队过长。 · The first report missed the 10-minute target; too few staff on site, long queues."
          : "现场人手不足，高峰时段排队过长。 · Too few staff on site; long queues at the peak.",
      },
    });
    await tx.improvementAction.create({
      data: {
        title:
          incident.type === "system_outage"
            ? "离港系统故障时的人工值机预案演练 · Manual check-in drill for departure-control outages"
            : "大面积航班取消时的现场人手调配 · Staffing plan for mass cancellations",
        kind: "preventive",
        status: "in_progress",
        ownerId: author,
        incidentId: incident.id,
        dueAt: new Date(reviewedAt.getTime() + 60 * 24 * 60 * MINUTE),
        createdAt: reviewedAt,
      },
    });
    await tx.incidentEvent.create({
      data: {
        incidentId: incident.id,
        kind: "reviewed",
        actorId: author,
        data: { actions: 1, seeded: true },
        createdAt: reviewedAt,
      },
    });
  }
  return incidents.length;
}
