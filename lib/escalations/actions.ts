"use server";
// Server actions of the escalation inbox and the workspace's "Escalate" button: thin adapters over the escalation
// use cases; they refresh the pages that show the complaint.
import { z } from "zod";
import { actionArg, defineAction } from "@/lib/actions/define";
import { REFERENCE_PATTERN } from "@/lib/complaints/reference";
import { fail } from "@/lib/errors";
import { extendDueDate } from "@/lib/escalations/extend-due-date";
import { reassignEscalation } from "@/lib/escalations/reassign-escalation";
import { requestEscalation } from "@/lib/escalations/request-escalation";
import { acknowledgeEscalation, deEscalate, escalateFurther } from "@/lib/escalations/respond-to-escalation";

const INBOX_ACTIONS = ["acknowledge", "reassign", "extend", "deEscalate", "escalateFurther"] as const;
export type InboxAction = (typeof INBOX_ACTIONS)[number];

const SERVICES = {
  acknowledge: acknowledgeEscalation,
  reassign: reassignEscalation,
  extend: extendDueDate,
  deEscalate,
  escalateFurther,
} as const;

/** Only a well-formed reference is used in a revalidated path; the use cases check scope and existence themselves. */
const pagesOf = (reference: string) => [
  "/escalations",
  ...(REFERENCE_PATTERN.test(reference) ? [`/complaints/${reference}`] : []),
];

/**
 * One of the inbox's row actions on escalation `escalationId` of complaint `reference` (used for revalidation only).
 */
export const escalationAction = defineAction(
  {
    name: "escalationAction",
    args: [z.enum(INBOX_ACTIONS), actionArg.id, actionArg.reference, actionArg.input],
    revalidate: (_result, _action, _id, reference) => pagesOf(reference),
  },
  async (actor, action, escalationId, _reference, input) => {
    // The arguments come from the client as they are: accept only the five actions (own keys, not Object.prototype's).
    if (!Object.hasOwn(SERVICES, action)) return fail("invalid", "Unknown escalation action.");
    const result = await SERVICES[action](actor, escalationId, input);
    return result.ok ? { ok: true as const, version: result.version, level: result.level } : result;
  },
);

/** Manual escalation from the complaint workspace. */
export const requestEscalationAction = defineAction(
  {
    name: "requestEscalationAction",
    args: [actionArg.reference, actionArg.input],
    revalidate: (_result, reference) => pagesOf(reference),
  },
  async (actor, reference, input) => {
    const result = await requestEscalation(actor, reference, input);
    return result.ok ? { ok: true as const, version: result.version, level: result.level } : result;
  },
);
