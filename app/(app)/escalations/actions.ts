"use server";
// Server actions of the escalation inbox and the workspace's "Escalate" button: authenticate, call one service,
// revalidate the pages that show the complaint, return the service's Result.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { REFERENCE_PATTERN } from "@/lib/complaints/reference";
import { acknowledgeEscalation, deEscalate, escalateFurther } from "@/lib/escalations/actions";
import { extendDueDate } from "@/lib/escalations/extend-due-date";
import { reassignEscalation } from "@/lib/escalations/reassign-escalation";
import { requestEscalation } from "@/lib/escalations/request-escalation";
import { fail, type Result } from "@/lib/errors";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

const INBOX_ACTIONS = ["acknowledge", "reassign", "extend", "deEscalate", "escalateFurther"] as const;
export type InboxAction = (typeof INBOX_ACTIONS)[number];

const SERVICES = {
  acknowledge: acknowledgeEscalation,
  reassign: reassignEscalation,
  extend: extendDueDate,
  deEscalate,
  escalateFurther,
} as const;

/** Only a well-formed reference is used in a revalidated path; services check scope and existence themselves. */
function refresh(reference: string) {
  revalidatePath("/escalations");
  if (REFERENCE_PATTERN.test(reference)) revalidatePath(`/complaints/${reference}`);
}

/** One of the inbox's row actions on escalation `escalationId` of complaint `reference` (used for revalidation only). */
export const escalationAction = guardAction("escalationAction", z.tuple([z.enum(INBOX_ACTIONS), actionArg.id, actionArg.reference, actionArg.input]), async (action: InboxAction, escalationId: number, reference: string, input: unknown): Promise<Result<{ version: number; level: number }>> => {
  const { actor } = await requireUser();
  // The arguments come from the client as they are: accept only the five actions (own keys, not Object.prototype's).
  if (!Object.hasOwn(SERVICES, action)) return fail("invalid", "Unknown escalation action.");
  const result = await SERVICES[action](actor, escalationId, input);
  if (!result.ok) return result;
  refresh(reference);
  return { ok: true, version: result.version, level: result.level };
});

/** Manual escalation from the complaint workspace. */
export const requestEscalationAction = guardAction("requestEscalationAction", z.tuple([actionArg.reference, actionArg.input]), async (reference: string, input: unknown): Promise<Result<{ version: number; level: number }>> => {
  const { actor } = await requireUser();
  const result = await requestEscalation(actor, reference, input);
  if (!result.ok) return result;
  refresh(reference);
  return { ok: true, version: result.version, level: result.level };
});
