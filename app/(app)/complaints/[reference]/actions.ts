"use server";
// Server actions of the complaint workspace: authenticate, call one service, revalidate the page, return its Result.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { addStaffMessage } from "@/lib/complaints/add-message";
import { assignComplaint } from "@/lib/complaints/assign-complaint";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { updateComplaint } from "@/lib/complaints/update-complaint";
import { decideCompensationSchema, issueCompensationSchema, proposeCompensationSchema } from "@/lib/compensation/schema";
import { decideCompensation, markCompensationIssued, proposeCompensation } from "@/lib/compensation/service";
import { fieldErrors } from "@/lib/complaints/validation";
import { fail, type Result } from "@/lib/errors";
import { requestMailFlush } from "@/lib/mail/flush";
import { REFERENCE_PATTERN } from "@/lib/complaints/reference";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

/** Only a well-formed reference is used in a revalidated path; services check scope and existence themselves. */
function refresh(reference: string) {
  if (REFERENCE_PATTERN.test(reference)) revalidatePath(`/complaints/${reference}`);
}

/** Results cross the server-action boundary as plain data: the service's Result, with dates as Date objects. */
async function done<T extends Result<object>>(reference: string, result: T): Promise<T> {
  if (result.ok) refresh(reference);
  return result;
}

export const transitionAction = guardAction("transitionAction", z.tuple([actionArg.reference, actionArg.input]), async (reference: string, input: unknown) => {
  const { actor } = await requireUser();
  const result = await transitionComplaint(actor, reference, input);
  // Resolving queues the satisfaction survey e-mail; ask the worker to send it now.
  if (result.ok && result.complaint.status === "resolved") await requestMailFlush();
  return done(reference, result);
});

export const updateAction = guardAction("updateAction", z.tuple([actionArg.reference, actionArg.input]), async (reference: string, input: unknown) => {
  const { actor } = await requireUser();
  return done(reference, await updateComplaint(actor, reference, input));
});

export const assignAction = guardAction("assignAction", z.tuple([actionArg.reference, actionArg.input]), async (reference: string, input: unknown) => {
  const { actor } = await requireUser();
  return done(reference, await assignComplaint(actor, reference, input));
});

export const addMessageAction = guardAction("addMessageAction", z.tuple([actionArg.reference, actionArg.input]), async (reference: string, input: unknown) => {
  const { actor } = await requireUser();
  const result = await addStaffMessage(actor, reference, input);
  // The reply's e-mail is in the outbox once the transaction committed; ask the worker to send it now.
  if (result.ok && typeof input === "object" && input !== null && "kind" in input && input.kind === "reply") await requestMailFlush();
  return done(reference, result);
});

export const proposeCompensationAction = guardAction("proposeCompensationAction", z.tuple([actionArg.reference, actionArg.input]), async (reference: string, input: unknown) => {
  const { actor } = await requireUser();
  const parsed = proposeCompensationSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  return done(reference, await proposeCompensation(actor, parsed.data));
});

export const decideCompensationAction = guardAction("decideCompensationAction", z.tuple([actionArg.reference, actionArg.input]), async (reference: string, input: unknown) => {
  const { actor } = await requireUser();
  const parsed = decideCompensationSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  return done(reference, await decideCompensation(actor, parsed.data));
});

export const issueCompensationAction = guardAction("issueCompensationAction", z.tuple([actionArg.reference, actionArg.input]), async (reference: string, input: unknown) => {
  const { actor } = await requireUser();
  const parsed = issueCompensationSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  return done(reference, await markCompensationIssued(actor, parsed.data));
});
