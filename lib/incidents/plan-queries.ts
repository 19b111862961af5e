// Reads of the plan library, a plan's page, an incident's plan checklist and a breach incident's card.
import "server-only";
import { db } from "@/lib/db";
import { drillState, reviewState } from "@/lib/incidents/plan-review";
import { adoptedSteps } from "@/lib/incidents/plans";
import { readBreachSettings, regulatorClock } from "@/lib/incidents/breach";
import type { PlanContact, PlanRule, PlanStep } from "@/lib/incidents/plan-schema";

/** Every plan with its review and drill state; the owner's plans needing review are listed first on the page. */
export async function listPlans(now = new Date()) {
  const plans = await db.contingencyPlan.findMany({
    orderBy: [{ active: "desc" }, { type: "asc" }, { level: "asc" }, { id: "asc" }],
    select: {
      id: true,
      type: true,
      level: true,
      titleZh: true,
      titleEn: true,
      revision: true,
      revisedAt: true,
      nextReviewAt: true,
      active: true,
      owner: { select: { id: true, name: true } },
      drills: { orderBy: { heldAt: "desc" }, take: 1, select: { heldAt: true } },
    },
  });
  return plans.map(({ drills, ...plan }) => {
    const lastDrillAt = drills[0]?.heldAt ?? null;
    return { ...plan, lastDrillAt, review: reviewState(plan, now), drill: drillState(lastDrillAt, now) };
  });
}

export async function loadPlan(id: number, now = new Date()) {
  const plan = await db.contingencyPlan.findUnique({
    where: { id },
    select: {
      id: true,
      type: true,
      level: true,
      titleZh: true,
      titleEn: true,
      revision: true,
      revisedAt: true,
      nextReviewAt: true,
      active: true,
      steps: true,
      contacts: true,
      scriptZh: true,
      scriptEn: true,
      compensationRules: true,
      owner: { select: { id: true, name: true } },
      revisions: {
        orderBy: { revision: "desc" },
        take: 20,
        select: { revision: true, createdAt: true, snapshot: true, changedBy: { select: { name: true } } },
      },
      drills: {
        orderBy: { heldAt: "desc" },
        take: 20,
        select: {
          id: true,
          heldAt: true,
          planRevision: true,
          scenario: true,
          participants: true,
          timings: true,
          findings: true,
          createdBy: { select: { name: true } },
          actions: { select: { action: { select: { id: true, title: true, status: true } } } },
        },
      },
      _count: { select: { incidents: true } },
    },
  });
  if (!plan) return null;
  const lastDrillAt = plan.drills[0]?.heldAt ?? null;
  return {
    ...plan,
    steps: plan.steps as PlanStep[],
    contacts: plan.contacts as PlanContact[],
    compensationRules: plan.compensationRules as PlanRule[],
    revisions: plan.revisions.map((row) => ({
      revision: row.revision,
      createdAt: row.createdAt,
      by: row.changedBy?.name ?? null,
      changeNote: (row.snapshot as { changeNote?: string | null }).changeNote ?? null,
    })),
    drills: plan.drills.map((drill) => ({
      ...drill,
      timings: drill.timings as { step: number; targetMinutes: number | null; achievedMinutes: number }[],
      actions: drill.actions.map((link) => link.action),
    })),
    lastDrillAt,
    review: reviewState(plan, now),
    drill: drillState(lastDrillAt, now),
  };
}
export type PlanDetail = NonNullable<Awaited<ReturnType<typeof loadPlan>>>;

/** Owners for the plan form: active supervisors, managers and administrators. */
export async function planOwners() {
  return db.user.findMany({
    where: { active: true, role: { in: ["supervisor", "manager", "admin"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** The incident's plan with its checklist (steps of the adopted revision, who ticked each and when), or null. */
export async function incidentChecklist(incidentId: number) {
  const adopted = await db.incidentPlan.findUnique({
    where: { incidentId },
    select: {
      planId: true,
      revision: true,
      plan: { select: { titleZh: true, titleEn: true, revision: true, scriptZh: true, scriptEn: true } },
      checks: { select: { step: true, checkedAt: true, checkedBy: { select: { name: true } } } },
    },
  });
  if (!adopted) return null;
  const steps = await adoptedSteps(db, adopted.planId, adopted.revision);
  const checks = new Map(adopted.checks.map((check) => [check.step, check]));
  return {
    planId: adopted.planId,
    revision: adopted.revision,
    newerRevision: adopted.plan.revision > adopted.revision,
    titleZh: adopted.plan.titleZh,
    titleEn: adopted.plan.titleEn,
    steps: steps.map((step, index) => ({
      ...step,
      index,
      checkedAt: checks.get(index)?.checkedAt ?? null,
      checkedBy: checks.get(index)?.checkedBy.name ?? null,
    })),
  };
}

/** Active plans to choose from on an incident (its type's first). */
export async function planChoices(type: string) {
  const plans = await db.contingencyPlan.findMany({
    where: { active: true },
    orderBy: [{ type: "asc" }, { id: "asc" }],
    select: { id: true, type: true, level: true, titleZh: true, titleEn: true },
  });
  return [...plans.filter((plan) => plan.type === type), ...plans.filter((plan) => plan.type !== type)];
}

/** A breach incident's regulator clock and affected customers: those of linked complaints, then hand-added ones. */
export async function breachCard(incidentId: number, now = new Date()) {
  const breach = await db.incidentBreach.findUnique({
    where: { incidentId },
    select: {
      detectedAt: true,
      regulatorDueAt: true,
      regulatorReportedAt: true,
      regulatorReference: true,
      version: true,
    },
  });
  if (!breach) return null;
  const [settings, fromComplaints, manual] = await Promise.all([
    readBreachSettings(),
    db.customer.findMany({
      where: { complaints: { some: { incidentId } } },
      orderBy: { id: "asc" },
      take: 200,
      select: { id: true, name: true },
    }),
    db.incidentAffectedCustomer.findMany({
      where: { incidentId },
      orderBy: { createdAt: "asc" },
      take: 200,
      select: { note: true, notifiedAt: true, customer: { select: { id: true, name: true } } },
    }),
  ]);
  const [complaintCustomers, manualCount] = await Promise.all([
    db.customer.count({ where: { complaints: { some: { incidentId } } } }),
    db.incidentAffectedCustomer.count({ where: { incidentId } }),
  ]);
  const linkedIds = new Set(fromComplaints.map((row) => row.id));
  return {
    ...breach,
    settings,
    clock: regulatorClock(breach, settings, now),
    complaintCustomers,
    manualCount,
    customers: [
      ...fromComplaints.map((row) => ({
        id: row.id,
        name: row.name,
        source: "complaint" as const,
        note: null,
        notifiedAt: null,
      })),
      ...manual
        .filter((row) => !linkedIds.has(row.customer.id))
        .map((row) => ({
          id: row.customer.id,
          name: row.customer.name,
          source: "manual" as const,
          note: row.note,
          notifiedAt: row.notifiedAt,
        })),
    ],
  };
}
export type BreachCardData = NonNullable<Awaited<ReturnType<typeof breachCard>>>;
