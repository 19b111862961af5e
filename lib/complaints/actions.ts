"use server";
// Server actions of the complaint queue that are not bulk changes.
import { z } from "zod";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { requirePermission } from "@/lib/auth/session";
import { complaintNamedBy } from "@/lib/complaints/queue";

const searchTextSchema = z.string().max(100);

/**
 * The reference to open when the search box holds a complaint's full reference the reader may see, else null (the
 * queue then searches as usual, so a reference outside the reader's scope reads "no matching complaints").
 */
export const complaintToOpenAction = guardAction("complaintToOpenAction", z.tuple([actionArg.input]), async (text: unknown): Promise<string | null> => {
  const user = await requirePermission("complaint.read");
  const parsed = searchTextSchema.safeParse(text);
  return parsed.success ? complaintNamedBy(user.actor, parsed.data) : null;
});
