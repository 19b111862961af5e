"use server";
// Server actions of departments and investigations (issue 18): thin adapters over the use cases, which parse their
// input with the schemas of lib/departments/schema.ts and check permission and scope themselves as well.
import { actionArg, defineAction } from "@/lib/actions/define";
import { REFERENCE_PATTERN } from "@/lib/complaints/reference";
import { updateDepartment } from "@/lib/departments/service";
import { requestInvestigation } from "@/lib/investigations/request-investigation";
import { answerInvestigation } from "@/lib/investigations/answer-investigation";
import { decideAnswer } from "@/lib/investigations/decide-answer";
import { cancelInvestigation } from "@/lib/investigations/cancel-investigation";

/** Only a well-formed reference is used in a revalidated path. */
const workspace = (reference: string) => (REFERENCE_PATTERN.test(reference) ? [`/complaints/${reference}`] : []);

export const updateDepartmentAction = defineAction(
  {
    name: "updateDepartmentAction",
    permission: "department.manage",
    args: [actionArg.id, actionArg.input],
    revalidate: ["/admin/departments"],
  },
  (actor, departmentId, input) => updateDepartment(actor, departmentId, input),
);

export const requestInvestigationAction = defineAction(
  {
    name: "requestInvestigationAction",
    permission: "investigation.request",
    args: [actionArg.reference, actionArg.input],
    revalidate: (_result, reference) => workspace(reference),
  },
  (actor, reference, input) => requestInvestigation(actor, reference, input),
);

export const answerInvestigationAction = defineAction(
  {
    name: "answerInvestigationAction",
    permission: "investigation.answer",
    args: [actionArg.id, actionArg.input],
    revalidate: (_result, requestId) => [`/department-requests/${requestId}`, "/department-requests"],
  },
  (actor, requestId, input) => answerInvestigation(actor, requestId, input),
);

export const cancelInvestigationAction = defineAction(
  {
    name: "cancelInvestigationAction",
    permission: "investigation.request",
    args: [actionArg.reference, actionArg.id, actionArg.input],
    revalidate: (_result, reference, requestId) => [
      ...workspace(reference),
      `/department-requests/${requestId}`,
      "/department-requests",
    ],
  },
  (actor, _reference, requestId, input) => cancelInvestigation(actor, requestId, input),
);

export const decideAnswerAction = defineAction(
  {
    name: "decideAnswerAction",
    permission: "investigation.request",
    args: [actionArg.reference, actionArg.id, actionArg.input],
    revalidate: (_result, reference) => workspace(reference),
  },
  (actor, _reference, requestId, input) => decideAnswer(actor, requestId, input),
);
