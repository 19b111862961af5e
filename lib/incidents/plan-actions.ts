"use server";
// Server actions of the plan library, drills, the incident checklist and data breach cards: thin adapters
// (defineAction: guard → sign-in → incident.manage → use case → revalidate on ok).
import { actionArg, defineAction } from "@/lib/actions/define";
import { adoptPlan, checkPlanStep, createPlan, revisePlan } from "@/lib/incidents/plans";
import { recordDrill } from "@/lib/incidents/drills";
import {
  addAffectedCustomer,
  notifyAffectedCustomers,
  recordRegulatorReport,
  removeAffectedCustomer,
} from "@/lib/incidents/breach";

const permission = "incident.manage" as const;
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
