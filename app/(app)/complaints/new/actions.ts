"use server";
// Server actions of the intake form: customer search, duplicate warnings as the agent types, and saving.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { findPossibleDuplicates, searchCustomers, type CustomerSearchHit, type PossibleDuplicate } from "@/lib/customers/queries";
import type { Failure } from "@/lib/errors";
import { requestMailFlush } from "@/lib/mail/flush";
import { actionArg, guardAction } from "@/lib/actions/guard";

const queryText = z.string().trim().max(100);
const probeSchema = z.object({
  name: z.string().trim().max(120).optional(),
  phone: z.string().trim().max(40).optional(),
  email: z.string().trim().max(254).optional(),
  membershipNumber: z.string().trim().max(40).optional(),
});

export const searchCustomersAction = guardAction("searchCustomersAction", z.tuple([actionArg.input]), async (q: unknown): Promise<CustomerSearchHit[]> => {
  const user = await requireUser();
  const parsed = queryText.safeParse(q);
  // Same threshold as the form: two characters, or one Chinese character (a surname).
  if (!parsed.success || !(parsed.data.length >= 2 || /[\u3400-\u9fff]/.test(parsed.data))) return [];
  return searchCustomers(user.actor, parsed.data, { limit: 8, context: "search:intake" });
}, () => []);

export const findDuplicatesAction = guardAction("findDuplicatesAction", z.tuple([actionArg.input]), async (probe: unknown): Promise<PossibleDuplicate[]> => {
  const user = await requireUser();
  const parsed = probeSchema.safeParse(probe);
  if (!parsed.success) return [];
  return findPossibleDuplicates(user.actor, parsed.data, { logContext: "search:intake-duplicates", limit: 5 });
}, () => []);

/** Saves the complaint; the form then uploads the chosen files to it and opens its workspace. */
export const createComplaintAction = guardAction("createComplaintAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Failure | { ok: true; reference: string }> => {
  const user = await requireUser();
  const result = await createComplaint({ kind: "staff", actor: user.actor }, input);
  if (!result.ok) return result;
  // The acknowledgement e-mail was queued inside the transaction; ask the workers to send it now.
  await requestMailFlush();
  revalidatePath("/complaints");
  return { ok: true, reference: result.complaint.reference };
});
