// The rest of the demo world: two incidents with their complaint waves, monthly passenger numbers for the
// complaint rate, improvement actions (CAPA) on frequent root causes, call-back tasks and notifications.
import type { Tx } from "../../../lib/db";
import type { Prisma } from "../../../lib/generated/prisma/client";
import type { ComplaintStatus } from "../../../lib/generated/prisma/enums";
import type { ComplaintSlot } from "./complaints";
import type { DemoStaff } from "./people";
import type { ComplaintPlan } from "./plan-types";
import type { SeededRandom } from "./random";
import type { Reference } from "./reference";
import { ROUTES } from "./scenarios";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function route(flight: string) {
  const found = ROUTES.find((candidate) => candidate.flight === flight);
  if (!found) throw new Error(`unknown demo route ${flight}`);
  return found;
}

/** An active typhoon cancellation (~15 complaints, still coming in) and a recovered check-in system outage. */
export async function seedIncidents(
  tx: Tx,
  reference: Reference,
  random: SeededRandom,
  now: Date,
): Promise<{ incidents: number; slots: ComplaintSlot[] }> {
  const installed = new Set(reference.subcategories.map((sub) => sub.code));
  if (!installed.has("FLT-CANCEL") || !installed.has("CHK-QUEUE")) return { incidents: 0, slots: [] }; // airline-only story
  const typhoonStart = new Date(now.getTime() - 44 * HOUR);
  const owner = await tx.user.findFirst({
    where: { role: "supervisor", active: true },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const typhoon = await tx.incident.create({
    data: {
      type: "flight_disruption",
      level: "L2",
      title: "台风“海葵”致上海浦东进出港航班大面积取消 Typhoon cancellations at Shanghai Pudong",
      description: "受台风影响，上海浦东机场进出港航班大面积取消，已启动不正常航班保障预案，统一安排改签、退票及住宿。",
      affected: ["PVG-PEK", "PVG-NRT"],
      flightNumbers: ["CA1857", "CA1831", "CA929"],
      airports: ["PVG"],
      keywords: ["台风", "typhoon"],
      status: "active",
      startedAt: typhoonStart,
      expectedRecoveryAt: new Date(now.getTime() + 20 * HOUR),
      impactEstimate: "约 40 个航班、6,000 名旅客受影响 · about 40 flights and 6,000 passengers affected",
      affectedEstimate: 6000,
      ownerId: owner?.id ?? null,
      declaredById: owner?.id ?? null,
      customerScript:
        "非常抱歉，受台风影响您的航班已取消。我们可为您免费改签或全额退票，并安排住宿。 / We are sorry: your flight was cancelled by the typhoon. We rebook or refund free of charge and arrange a hotel.",
      resolutionText:
        "航班因台风取消，已为您办理免费改签或全额退票。 / Your flight was cancelled by the typhoon; we have rebooked or refunded it free of charge.",
      firstReportDueAt: new Date(typhoonStart.getTime() + 10 * 60_000),
      firstReportAt: new Date(typhoonStart.getTime() + 8 * 60_000),
      nextUpdateDueAt: new Date(now.getTime() + 40 * 60_000),
      createdAt: typhoonStart,
      events: {
        create: [
          {
            kind: "declared",
            actorId: owner?.id ?? null,
            body: "约 40 个航班取消 · about 40 flights cancelled",
            data: { level: "L2", type: "flight_disruption" },
            createdAt: typhoonStart,
          },
          {
            kind: "report",
            actorId: owner?.id ?? null,
            body: "浦东机场 18:00 前关闭，改签退票通道已开放。 · Pudong closed until 18:00; rebooking and refunds open.",
            data: { first: true, late: false },
            createdAt: new Date(typhoonStart.getTime() + 8 * 60_000),
          },
        ],
      },
    },
  });
  const outageStart = new Date(now.getTime() - 45 * DAY);
  const outage = await tx.incident.create({
    data: {
      type: "system_outage",
      level: "L3",
      title: "离港系统故障导致首都机场值机排队 Departure control outage at Beijing Capital",
      description: "离港控制系统故障约3小时，首都机场T3值机柜台改为人工值机，排队时间超过1小时。",
      affected: ["CA1501", "CA1321", "CA1303"],
      flightNumbers: ["CA1501", "CA1321", "CA1303"],
      airports: ["PEK"],
      impactEstimate: "T3 值机排队超过 1 小时 · check-in queues over an hour at T3",
      ownerId: owner?.id ?? null,
      firstReportDueAt: new Date(outageStart.getTime() + 10 * 60_000),
      firstReportAt: new Date(outageStart.getTime() + 12 * 60_000),
      status: "closed",
      startedAt: outageStart,
      recoveredAt: new Date(outageStart.getTime() + 3 * HOUR),
      createdAt: outageStart,
    },
  });

  const typhoonStatuses: ComplaintStatus[] = ["new", "acknowledged", "in_progress", "pending_customer", "resolved"];
  const wave: ComplaintSlot[] = Array.from({ length: 15 }, () => ({
    createdAt: new Date(typhoonStart.getTime() + random.between(0.5, 43) * HOUR),
    status: random.weighted(typhoonStatuses.map((status, index) => [status, [3, 3, 5, 2, 1][index] ?? 1] as const)),
    incident: {
      id: typhoon.id,
      subcategoryCode: "FLT-CANCEL",
      route: route(random.pick(["CA1857", "CA1831", "CA929"])),
    },
  }));
  const queue: ComplaintSlot[] = Array.from({ length: 6 }, () => ({
    createdAt: new Date(outageStart.getTime() + random.between(0.5, 30) * HOUR),
    status: "closed",
    incident: {
      id: outage.id,
      subcategoryCode: "CHK-QUEUE",
      route: route(random.pick(["CA1501", "CA1321", "CA1303"])),
    },
  }));
  return { incidents: 2, slots: [...wave, ...queue] };
}

/** Incident links belong on the timeline too. */
export function incidentEvents(plans: ComplaintPlan[], complaintIds: number[]): Prisma.ComplaintEventCreateManyInput[] {
  return plans.flatMap((plan, index) => {
    const complaintId = complaintIds[index];
    if (plan.incidentId === null || complaintId === undefined) return [];
    return [
      {
        complaintId,
        kind: "incident_linked" as const,
        actorType: "system" as const,
        data: { incidentId: plan.incidentId },
        createdAt: new Date(plan.createdAt.getTime() + 60_000),
      },
    ];
  });
}

export async function seedPassengerVolumes(tx: Tx, random: SeededRandom, now: Date): Promise<number> {
  const months = Array.from(
    { length: 6 },
    (_, back) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)),
  );
  // Around two million passengers a month, busier in the summer and holiday months.
  const busy = new Set([0, 6, 7, 9]);
  await tx.passengerVolume.createMany({
    data: months.map((month) => ({
      month,
      passengers: (busy.has(month.getUTCMonth()) ? 2_350_000 : 2_000_000) + random.int(-120_000, 120_000),
    })),
    skipDuplicates: true,
  });
  return months.length;
}

const ACTIONS = [
  {
    rootCause: "FLT-RC-NOTIFY",
    kind: "corrective",
    status: "in_progress",
    title: "延误信息多渠道主动推送（短信+App+微信） Proactive multi-channel delay notifications",
    dueInDays: 20,
  },
  {
    rootCause: "BAG-RC-TRANSFER",
    kind: "preventive",
    status: "open",
    title: "调整中转行李最短衔接时间标准 Revise minimum connection time for transfer bags",
    dueInDays: 45,
  },
  {
    rootCause: "CHK-RC-STAFFING",
    kind: "corrective",
    status: "done",
    title: "高峰时段值机柜台弹性排班 Flexible check-in staffing at peak hours",
    dueInDays: -10,
  },
  {
    rootCause: "TKT-RC-PAYMENT",
    kind: "corrective",
    status: "in_progress",
    title: "退款对账异常每日自动核查 Daily automatic check of stuck refunds",
    dueInDays: 10,
  },
] as const;

export async function seedImprovementActions(
  tx: Tx,
  plans: ComplaintPlan[],
  complaintIds: number[],
  staff: DemoStaff,
  now: Date,
): Promise<number> {
  let created = 0;
  for (const action of ACTIONS) {
    const rootCause = await tx.rootCause.findUnique({ where: { code: action.rootCause }, select: { id: true } });
    if (!rootCause) continue;
    const linked = complaintIds.filter((_, index) => plans[index]?.rootCauseId === rootCause.id).slice(0, 20);
    const dueAt = new Date(now.getTime() + action.dueInDays * DAY);
    await tx.improvementAction.create({
      data: {
        title: action.title,
        kind: action.kind,
        status: action.status,
        rootCauseId: rootCause.id,
        ownerId: staff.managerId,
        dueAt,
        completedAt: action.status === "done" ? new Date(dueAt.getTime() - 3 * DAY) : null,
        createdAt: new Date(now.getTime() - 40 * DAY),
        complaints: { create: linked.map((complaintId) => ({ complaintId })) },
      },
    });
    created += 1;
  }
  return created;
}

/** VIP care and call-back tasks in the demo agent's and supervisors' task lists, plus unread notifications. */
export async function seedWorkItems(
  tx: Tx,
  plans: ComplaintPlan[],
  complaintIds: number[],
  staff: DemoStaff,
  now: Date,
): Promise<number> {
  const tasks: Prisma.FollowUpTaskCreateManyInput[] = [];
  const notifications: Prisma.NotificationCreateManyInput[] = [];
  plans.forEach((plan, index) => {
    const complaintId = complaintIds[index];
    if (complaintId === undefined) return;
    const open = ["acknowledged", "in_progress", "reopened"].includes(plan.status);
    if (open && plan.assigneeId === staff.demoAgentId && tasks.length < 6) {
      tasks.push({
        kind: "callback",
        customerId: plan.customer.id,
        complaintId,
        assigneeId: plan.assigneeId,
        teamId: plan.teamId,
        dueAt: new Date(now.getTime() + (tasks.length - 2) * 6 * HOUR),
        note: "旅客要求电话回复处理进度",
      });
    }
    if (plan.customer.tierEscalates && plan.status === "closed" && tasks.length < 10) {
      tasks.push({
        kind: "vip_care",
        customerId: plan.customer.id,
        complaintId,
        assigneeId: plan.supervisorId,
        teamId: plan.teamId,
        dueAt: new Date(now.getTime() + 3 * DAY),
        note: "白金卡旅客关怀回访",
      });
    }
    for (const escalation of plan.escalations) {
      if (escalation.outcome !== "open" && escalation.outcome !== "acknowledged") continue;
      notifications.push({
        userId: escalation.ownerId,
        kind: "escalation.assigned",
        params: {
          reference: plan.reference,
          subject: plan.story.subject,
          level: escalation.level,
          reason: escalation.reason,
        },
        complaintId,
        readAt: escalation.acknowledgedAt,
        createdAt: escalation.createdAt,
      });
    }
  });
  await tx.followUpTask.createMany({ data: tasks });
  await tx.notification.createMany({ data: notifications });
  return tasks.length;
}
