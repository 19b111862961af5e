"use server";
// Server actions of the customer pages: thin adapters over lib/customers.
import { revalidatePath } from "next/cache";
import { requirePermission, requireUser } from "@/lib/auth/session";
import { fail, type Result } from "@/lib/errors";
import { mergeCustomers, undoCustomerMerge } from "@/lib/customers/merge";
import { updateCustomerSchema } from "@/lib/customers/schema";
import { updateCustomer } from "@/lib/customers/service";
import { createFollowUpTask, setTaskStatus } from "@/lib/customers/tasks";
import { updateValueFactors } from "@/lib/customers/update-value";
import { z } from "zod";
import { actionArg, guardAction } from "@/lib/actions/guard";

const customerPath = (id: number) => `/customers/${id}`;

export const updateCustomerAction = guardAction("updateCustomerAction", z.tuple([actionArg.id, actionArg.input]), async (customerId: number, input: unknown): Promise<Result<{ version: number }>> => {
  const user = await requirePermission("customer.update");
  const parsed = updateCustomerSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", "Check the highlighted fields.", { fields: z.flattenError(parsed.error).fieldErrors });
  const result = await updateCustomer(user.actor, customerId, parsed.data);
  if (!result.ok) return result;
  revalidatePath(customerPath(customerId));
  return { ok: true, version: result.customer.version };
});

export const updateValueFactorsAction = guardAction("updateValueFactorsAction", z.tuple([actionArg.id, actionArg.input]), async (customerId: number, input: unknown): Promise<Result<{ score: number }>> => {
  const user = await requirePermission("customer.update");
  const result = await updateValueFactors(user.actor, customerId, input);
  if (!result.ok) return result;
  revalidatePath(customerPath(customerId));
  return { ok: true, score: result.score };
});

export const createTaskAction = guardAction("createTaskAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ taskId: number }>> => {
  const user = await requirePermission("customer.update");
  const result = await createFollowUpTask(user.actor, input);
  if (!result.ok) return result;
  revalidatePath("/tasks");
  if (input && typeof input === "object" && "customerId" in input && typeof input.customerId === "number") revalidatePath(customerPath(input.customerId));
  return result;
});

export const setTaskStatusAction = guardAction("setTaskStatusAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ status: string }>> => {
  const user = await requireUser();
  const result = await setTaskStatus(user.actor, input);
  if (!result.ok) return result;
  revalidatePath("/tasks");
  revalidatePath(customerPath(result.customerId));
  return { ok: true, status: result.status };
});

export const mergeCustomersAction = guardAction("mergeCustomersAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ survivorId: number }>> => {
  const user = await requirePermission("customer.merge");
  const result = await mergeCustomers(user.actor, input);
  if (!result.ok) return result;
  revalidatePath("/customers", "layout");
  return { ok: true, survivorId: result.survivorId };
});

export const undoMergeAction = guardAction("undoMergeAction", z.tuple([actionArg.id]), async (mergeId: number): Promise<Result<{ restoredId: number }>> => {
  const user = await requirePermission("admin.privacy");
  const result = await undoCustomerMerge(user.actor, mergeId);
  if (!result.ok) return result;
  revalidatePath("/customers", "layout");
  return result;
});
