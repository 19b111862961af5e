"use server";
// Server actions of the complaint pages: the queue (search, bulk changes), the intake form (customer search,
// duplicate warnings, saving) and the workspace (status, fields, assignment, messages). Thin adapters over the
// use cases in lib/complaints; the workspace's reference is used for revalidation only.
import { z } from "zod";
import { actionArg, defineAction } from "@/lib/actions/define";
import { addStaffMessage, staffMessageSchema } from "@/lib/complaints/add-message";
import { assignComplaint, assignSchema } from "@/lib/complaints/assign-complaint";
import { bulkAssign, bulkAssignSchema, bulkTransition, bulkTransitionSchema } from "@/lib/complaints/bulk";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { complaintNamedBy } from "@/lib/complaints/queue";
import { REFERENCE_PATTERN } from "@/lib/complaints/reference";
import { updateComplaintSchema } from "@/lib/complaints/schema";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { updateComplaint } from "@/lib/complaints/update-complaint";
import {
  findPossibleDuplicates,
  searchCustomers,
  type CustomerSearchHit,
  type PossibleDuplicate,
} from "@/lib/customers/queries";
import { requestMailFlush } from "@/lib/mail/flush";
import { invalidInput } from "@/lib/errors";

// ── queue ──

/**
 * The reference to open when the search box holds a complaint's full reference the reader may see, else null (the
 * queue then searches as usual, so a reference outside the reader's scope reads "no matching complaints").
 */
export const complaintToOpenAction = defineAction(
  { name: "complaintToOpenAction", permission: "complaint.read", schema: z.string().max(100), refused: () => null },
  (actor, text) => complaintNamedBy(actor, text),
);

const queueChanged = (result: unknown) =>
  typeof result === "object" &&
  result !== null &&
  "done" in result &&
  typeof result.done === "number" &&
  result.done > 0
    ? ["/complaints"]
    : [];

export const bulkAssignAction = defineAction(
  { name: "bulkAssignAction", permission: "complaint.bulk", schema: bulkAssignSchema, revalidate: queueChanged },
  (actor, input) => bulkAssign(actor, input),
);

export const bulkTransitionAction = defineAction(
  {
    name: "bulkTransitionAction",
    permission: "complaint.bulk",
    schema: bulkTransitionSchema,
    revalidate: queueChanged,
  },
  (actor, input) => bulkTransition(actor, input),
);

// ── intake ──

const probeSchema = z.object({
  name: z.string().trim().max(120).optional(),
  phone: z.string().trim().max(40).optional(),
  email: z.string().trim().max(254).optional(),
  membershipNumber: z.string().trim().max(40).optional(),
});

export const searchCustomersAction = defineAction(
  { name: "searchCustomersAction", schema: z.string().trim().max(100), refused: (): CustomerSearchHit[] => [] },
  async (actor, text) => {
    // Same threshold as the form: two characters, or one Chinese character (a surname).
    if (!(text.length >= 2 || /[\u3400-\u9fff]/.test(text))) return [];
    return searchCustomers(actor, text, { limit: 8, context: "search:intake" });
  },
);

export const findDuplicatesAction = defineAction(
  { name: "findDuplicatesAction", schema: probeSchema, refused: (): PossibleDuplicate[] => [] },
  (actor, probe) => findPossibleDuplicates(actor, probe, { logContext: "search:intake-duplicates", limit: 5 }),
);

/** Saves the complaint; the form then uploads the chosen files to it and opens its workspace. */
export const createComplaintAction = defineAction(
  { name: "createComplaintAction", args: [actionArg.input], revalidate: ["/complaints"] },
  async (actor, input) => {
    const result = await createComplaint({ kind: "staff", actor }, input);
    if (!result.ok) return result;
    // The acknowledgement e-mail was queued inside the transaction; ask the workers to send it now.
    await requestMailFlush();
    return { ok: true as const, reference: result.complaint.reference };
  },
);

// ── workspace ──

/** Only a well-formed reference is used in a revalidated path; the use cases check scope and existence themselves. */
const workspace = (_result: unknown, reference: string) =>
  REFERENCE_PATTERN.test(reference) ? [`/complaints/${reference}`] : [];

export const transitionAction = defineAction(
  { name: "transitionAction", args: [actionArg.reference, actionArg.input], revalidate: workspace },
  async (actor, reference, input) => {
    const result = await transitionComplaint(actor, reference, input);
    // Resolving queues the satisfaction survey e-mail; ask the worker to send it now.
    if (result.ok && result.complaint.status === "resolved") await requestMailFlush();
    return result;
  },
);

export const updateAction = defineAction(
  {
    name: "updateAction",
    permission: "complaint.update",
    args: [actionArg.reference],
    schema: updateComplaintSchema,
    revalidate: workspace,
  },
  (actor, reference, input) => updateComplaint(actor, reference, input),
);

export const assignAction = defineAction(
  { name: "assignAction", args: [actionArg.reference], schema: assignSchema, revalidate: workspace },
  (actor, reference, input) => assignComplaint(actor, reference, input),
);

export const addMessageAction = defineAction(
  {
    name: "addMessageAction",
    args: [actionArg.reference],
    schema: staffMessageSchema,
    invalid: (error) => invalidInput(error, "The message is empty or too long."),
    revalidate: workspace,
  },
  async (actor, reference, input) => {
    const result = await addStaffMessage(actor, reference, input);
    // The reply's e-mail is in the outbox once the transaction committed; ask the worker to send it now.
    if (result.ok && input.kind === "reply") await requestMailFlush();
    return result;
  },
);
