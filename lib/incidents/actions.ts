"use server";
// Server actions of the incident pages: thin adapters over lib/incidents/service.ts and runs.ts (defineAction:
// guard → sign-in → incident.manage → use case → revalidate on ok).
import { actionArg, defineAction } from "@/lib/actions/define";
import {
  changeIncidentStatus,
  declareIncident,
  reportIncident,
  setExclusion,
  updateIncidentTexts,
} from "@/lib/incidents/service";
import { proposeLinks, requestLinkRun, requestNotifyRun, requestResolveRun } from "@/lib/incidents/runs";
import {
  approveIncidentCompensation,
  previewCompensation,
  requestCompensateRun,
  saveCompensationRules,
} from "@/lib/incidents/compensation";
import { updateIncidentScope } from "@/lib/incidents/scope-edit";
import { saveIncidentReview } from "@/lib/incidents/review";

import { adoptPlan, checkPlanStep, createPlan, revisePlan } from "@/lib/incidents/plans";
import { recordDrill } from "@/lib/incidents/drills";
import {
  addAffectedCustomer,
  notifyAffectedCustomers,
  recordRegulatorReport,
  removeAffectedCustomer,
} from "@/lib/incidents/breach";

const permission = "incident.manage" as const;
const pages = (_result: unknown, id: number) => [`/incidents/${id}`, "/incidents"];

export const declareIncidentAction = defineAction(
  { name: "declareIncidentAction", permission, args: [actionArg.input], revalidate: ["/incidents"] },
  (actor, input) => declareIncident(actor, input),
);

export const reportIncidentAction = defineAction(
  { name: "reportIncidentAction", permission, args: [actionArg.id, actionArg.input], revalidate: pages },
  (actor, id, input) => reportIncident(actor, id, input),
);

export const incidentStatusAction = defineAction(
  { name: "incidentStatusAction", permission, args: [actionArg.id, actionArg.input], revalidate: pages },
  (actor, id, input) => changeIncidentStatus(actor, id, input),
);

export const incidentTextsAction = defineAction(
  { name: "incidentTextsAction", permission, args: [actionArg.id, actionArg.input], revalidate: pages },
  (actor, id, input) => updateIncidentTexts(actor, id, input),
);

export const incidentExclusionAction = defineAction(
  { name: "incidentExclusionAction", permission, args: [actionArg.id, actionArg.input], revalidate: pages },
  (actor, id, input) => setExclusion(actor, id, input),
);

export const proposeLinksAction = defineAction(
  { name: "proposeLinksAction", permission, args: [actionArg.id] },
  async (actor, id) => {
    const result = await proposeLinks(actor, id);
    if (!result.ok) return result;
    return {
      ok: true as const,
      count: result.count,
      sample: result.sample.map((row) => ({
        reference: row.reference,
        subject: row.subject,
        flightNumber: row.flightNumber,
        createdAt: row.createdAt.toISOString(),
      })),
    };
  },
);

export const linkComplaintsRunAction = defineAction(
  { name: "linkComplaintsRunAction", permission, args: [actionArg.id], revalidate: pages },
  (actor, id) => requestLinkRun(actor, id),
);

export const notifyCustomersAction = defineAction(
  { name: "notifyCustomersAction", permission, args: [actionArg.id, actionArg.input], revalidate: pages },
  (actor, id, input) => requestNotifyRun(actor, id, input),
);

export const bulkResolveAction = defineAction(
  { name: "bulkResolveAction", permission, args: [actionArg.id, actionArg.input], revalidate: pages },
  (actor, id, input) => requestResolveRun(actor, id, input),
);

// Compensation by rule, scope editing and the review (lib/incidents/compensation.ts, scope-edit.ts, review.ts).
export const compensationRulesAction = defineAction(
  { name: "compensationRulesAction", permission, args: [actionArg.id, actionArg.input], revalidate: pages },
  (actor, id, input) => saveCompensationRules(actor, id, input),
);

export const previewCompensationAction = defineAction(
  { name: "previewCompensationAction", permission, args: [actionArg.id] },
  (actor, id) => previewCompensation(actor, id),
);

export const compensateRunAction = defineAction(
  { name: "compensateRunAction", permission, args: [actionArg.id, actionArg.input], revalidate: pages },
  (actor, id, input) => requestCompensateRun(actor, id, input),
);

export const approveIncidentCompensationAction = defineAction(
  {
    name: "approveIncidentCompensationAction",
    permission: "compensation.approve",
    args: [actionArg.id, actionArg.input],
    revalidate: pages,
  },
  (actor, id, input) => approveIncidentCompensation(actor, id, input),
);

export const incidentScopeAction = defineAction(
  { name: "incidentScopeAction", permission, args: [actionArg.id, actionArg.input], revalidate: pages },
  (actor, id, input) => updateIncidentScope(actor, id, input),
);

export const incidentReviewAction = defineAction(
  { name: "incidentReviewAction", permission, args: [actionArg.id, actionArg.input], revalidate: pages },
  (actor, id, input) => saveIncidentReview(actor, id, input),
);

// Plans, drills, the incident checklist and data breach cards (lib/incidents/plans.ts, drills.ts, breach.ts).
const incidentPages = (_result: unknown, id: number) => [`/incidents/${id}`];
const planPages = (_result: unknown, id: number) => [`/incidents/plans/${id}`, "/incidents/plans"];

export const createPlanAction = defineAction(
  { name: "createPlanAction", permission, args: [actionArg.input], revalidate: ["/incidents/plans"] },
  (actor, input) => createPlan(actor, input),
);

export const revisePlanAction = defineAction(
  { name: "revisePlanAction", permission, args: [actionArg.id, actionArg.input], revalidate: planPages },
  (actor, id, input) => revisePlan(actor, id, input),
);

export const recordDrillAction = defineAction(
  { name: "recordDrillAction", permission, args: [actionArg.id, actionArg.input], revalidate: planPages },
  (actor, id, input) => recordDrill(actor, id, input),
);

export const adoptPlanAction = defineAction(
  { name: "adoptPlanAction", permission, args: [actionArg.id, actionArg.input], revalidate: incidentPages },
  (actor, id, input) => adoptPlan(actor, id, input),
);

export const checkPlanStepAction = defineAction(
  { name: "checkPlanStepAction", permission, args: [actionArg.id, actionArg.input], revalidate: incidentPages },
  (actor, id, input) => checkPlanStep(actor, id, input),
);

export const addAffectedCustomerAction = defineAction(
  { name: "addAffectedCustomerAction", permission, args: [actionArg.id, actionArg.input], revalidate: incidentPages },
  (actor, id, input) => addAffectedCustomer(actor, id, input),
);

export const removeAffectedCustomerAction = defineAction(
  { name: "removeAffectedCustomerAction", permission, args: [actionArg.id, actionArg.id], revalidate: incidentPages },
  (actor, id, customerId) => removeAffectedCustomer(actor, id, customerId),
);

export const regulatorReportAction = defineAction(
  { name: "regulatorReportAction", permission, args: [actionArg.id, actionArg.input], revalidate: incidentPages },
  (actor, id, input) => recordRegulatorReport(actor, id, input),
);

export const notifyAffectedAction = defineAction(
  { name: "notifyAffectedAction", permission, args: [actionArg.id, actionArg.input], revalidate: incidentPages },
  (actor, id, input) => notifyAffectedCustomers(actor, id, input),
);
