// Escalations and compensations on a played-out complaint, following SPEC §4 (escalate at creation for critical
// severity, VIP tier or regulator channel; one level per SLA breach) and the approval limits of SPEC §2.
import type { CompensationStatus, EscalationReason } from "../../../lib/generated/prisma/enums";
import type { ComplaintPlan, EscalationPlan } from "./plan-types";
import type { SeededRandom } from "./random";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface EscalationContext {
  random: SeededRandom;
  now: Date;
  qualitySupervisorId: number;
  managerId: number;
  severityEscalates: boolean;
  regulator: boolean;
}

const ESCALATION_NOTES: Record<EscalationReason, string> = {
  severity: "紧急事件，创建时自动升级",
  vip: "白金/VIP旅客，创建时自动升级",
  regulator: "监管渠道转办，创建时升级至质量经理",
  sla_breach: "SLA超时自动升级",
  customer_request: "旅客要求主管处理",
  repeat_complaint: "90天内第三次投诉",
  privacy_safety: "涉及安全/隐私",
  multi_department: "需多部门协同",
  manual: "手动升级",
};

export function escalate(plan: ComplaintPlan, context: EscalationContext): void {
  const { random, now } = context;
  const latest = now.getTime() - MINUTE;
  const add = (reason: EscalationReason, level: number, at: number, createdById: number | null) => {
    const fromLevel = plan.escalationLevel;
    if (level <= fromLevel || at > latest) return;
    const owner =
      level >= 3 ? (random.chance(0.7) ? context.qualitySupervisorId : context.managerId) : plan.supervisorId;
    const finishedAt = plan.resolvedAt ?? plan.endedAt;
    const acknowledgedAt = Math.min(at + random.between(10, 120) * MINUTE, finishedAt?.getTime() ?? latest, latest);
    const acknowledged = finishedAt !== null || latest - at > 3 * HOUR;
    const escalation: EscalationPlan = {
      fromLevel,
      level,
      reason,
      note: ESCALATION_NOTES[reason],
      createdAt: new Date(at),
      createdById,
      ownerId: owner,
      acknowledgedAt: acknowledged ? new Date(acknowledgedAt) : null,
      outcome: finishedAt ? "resolved" : acknowledged ? "acknowledged" : "open",
      closedAt: finishedAt,
      breachedClock: null,
    };
    plan.escalations.push(escalation);
    plan.escalationLevel = level;
    plan.events.push({
      kind: "escalated",
      visibility: "internal",
      actorType: createdById ? "user" : "system",
      actorId: createdById,
      body: escalation.note,
      data: { fromLevel, level, reason },
      createdAt: escalation.createdAt,
    });
    if (escalation.acknowledgedAt) {
      plan.events.push({
        kind: "escalation_acknowledged",
        visibility: "internal",
        actorType: "user",
        actorId: owner,
        body: null,
        data: { level },
        createdAt: escalation.acknowledgedAt,
      });
    }
    return escalation;
  };

  const createdAt = plan.createdAt.getTime() + MINUTE;
  if (context.regulator) add("regulator", 3, createdAt, null);
  else if (context.severityEscalates) add("severity", 2, createdAt, null);
  else if (plan.customer.tierEscalates) add("vip", 2, createdAt, null);

  // One breach escalation per complaint: the first clock to breach raises the level once ("recorded once").
  const breached = plan.clocks
    .filter((clock) => clock.breachedAt)
    .sort((a, b) => Number(a.breachedAt) - Number(b.breachedAt))[0];
  if (breached?.breachedAt && plan.escalationLevel < 3) {
    const escalation = add("sla_breach", plan.escalationLevel + 1, breached.breachedAt.getTime(), null);
    if (escalation) escalation.breachedClock = breached.kind;
  } else if (plan.firstResponseAt && plan.escalationLevel === 1 && random.chance(0.04)) {
    // The customer asks for a supervisor after the first reply — while the complaint is still being worked (a
    // complaint resolved at first contact has its first reply at the resolution, so it is not escalated afterwards).
    const at = plan.firstResponseAt.getTime() + random.between(30, 600) * MINUTE;
    const finishedAt = plan.resolvedAt ?? plan.endedAt;
    if (!finishedAt || at < finishedAt.getTime()) add("customer_request", 2, at, plan.assigneeId);
  }
}

const AGENT_LIMIT = 500;
const SUPERVISOR_LIMIT = 5000;

export function proposeCompensation(plan: ComplaintPlan, random: SeededRandom, now: Date, managerId: number): void {
  const offer = plan.story.compensation;
  const open = ["in_progress", "pending_customer", "reopened"].includes(plan.status);
  const finished = plan.status === "resolved" || plan.status === "closed";
  if (
    !offer ||
    plan.story.type !== "complaint" ||
    !plan.firstResponseAt ||
    plan.assigneeId === null ||
    (!open && !finished)
  )
    return;
  if (!random.chance(0.6)) return;

  const latest = now.getTime() - MINUTE;
  const ceiling = plan.resolvedAt?.getTime() ?? latest;
  const miles = offer.kind === "miles";
  const amount = Math.round(random.between(offer.min, offer.max) / 10) * 10;
  const status: CompensationStatus = open
    ? random.weighted<CompensationStatus>([
        ["proposed", 60],
        ["approved", 40],
      ])
    : random.weighted<CompensationStatus>([
        ["issued", 75],
        ["approved", 8],
        ["rejected", 10],
        ["cancelled", 7],
      ]);
  const createdAt = Math.min(plan.firstResponseAt.getTime() + random.between(10, 600) * MINUTE, ceiling);
  const decidedAt = status === "proposed" ? null : Math.min(createdAt + random.between(30, 1200) * MINUTE, ceiling);
  const issuedAt =
    status === "issued" && decidedAt !== null ? Math.min(decidedAt + random.between(60, 2880) * MINUTE, latest) : null;
  // Miles are points, not money: any agent may grant them; cash amounts need the approver whose limit covers them.
  const approverId =
    decidedAt === null
      ? null
      : miles || amount <= AGENT_LIMIT
        ? plan.assigneeId
        : amount <= SUPERVISOR_LIMIT
          ? plan.supervisorId
          : managerId;
  plan.compensations.push({
    kind: offer.kind,
    amount,
    currency: miles ? "PTS" : "CNY",
    reason: plan.story.resolution,
    status,
    proposedById: plan.assigneeId,
    approverId,
    createdAt: new Date(createdAt),
    decidedAt: decidedAt === null ? null : new Date(decidedAt),
    issuedAt: issuedAt === null ? null : new Date(issuedAt),
    decisionNote:
      status === "rejected"
        ? "超出赔偿标准，已与旅客沟通替代方案"
        : status === "cancelled"
          ? "旅客接受改签替代方案，撤销补偿"
          : null,
  });
}
