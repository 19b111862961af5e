"use server";
// Server actions for compensation: the settings page, and proposing, deciding and issuing from the complaint
// workspace (the complaint's reference is passed for revalidation only; the use cases check scope themselves).
import { actionArg, defineAction } from "@/lib/actions/define";
import { REFERENCE_PATTERN } from "@/lib/complaints/reference";
import { saveCompensationConfig } from "@/lib/compensation/config";
import {
  decideCompensationSchema,
  issueCompensationSchema,
  proposeCompensationSchema,
} from "@/lib/compensation/schema";
import { decideCompensation, markCompensationIssued, proposeCompensation } from "@/lib/compensation/service";

/** Only a well-formed reference is used in a revalidated path. */
const workspace = (_result: unknown, reference: string) =>
  REFERENCE_PATTERN.test(reference) ? [`/complaints/${reference}`] : [];

export const saveCompensationConfigAction = defineAction(
  {
    name: "saveCompensationConfigAction",
    permission: "admin.config",
    args: [actionArg.input],
    revalidate: ["/admin/compensation"],
  },
  (actor, input) => saveCompensationConfig(actor, input),
);

export const proposeCompensationAction = defineAction(
  {
    name: "proposeCompensationAction",
    args: [actionArg.reference],
    schema: proposeCompensationSchema,
    revalidate: workspace,
  },
  (actor, _reference, input) => proposeCompensation(actor, input),
);

export const decideCompensationAction = defineAction(
  {
    name: "decideCompensationAction",
    args: [actionArg.reference],
    schema: decideCompensationSchema,
    revalidate: workspace,
  },
  (actor, _reference, input) => decideCompensation(actor, input),
);

export const issueCompensationAction = defineAction(
  {
    name: "issueCompensationAction",
    args: [actionArg.reference],
    schema: issueCompensationSchema,
    revalidate: workspace,
  },
  (actor, _reference, input) => markCompensationIssued(actor, input),
);
