"use server";
// Server actions of the customer pages and the privacy admin page: thin adapters over lib/customers.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionArg, defineAction } from "@/lib/actions/define";
import { fail } from "@/lib/errors";
import { mergeCustomers, undoCustomerMerge } from "@/lib/customers/merge";
import { eraseCustomer, runRetentionNow, updateRetentionSettings } from "@/lib/customers/privacy";
import { updateCustomerSchema } from "@/lib/customers/schema";
import { updateCustomer } from "@/lib/customers/service";
import { createFollowUpTask, setTaskStatus } from "@/lib/customers/tasks";
import { updateValueFactors } from "@/lib/customers/update-value";

const customerPath = (id: number) => `/customers/${id}`;
const PRIVACY = "/admin/privacy";

export const updateCustomerAction = defineAction(
  {
    name: "updateCustomerAction",
    permission: "customer.update",
    args: [actionArg.id],
    schema: updateCustomerSchema,
    // The profile dialog shows errors per top-level field ("tags", not "tags.0").
    invalid: (error) => fail("invalid", "Check the highlighted fields.", { fields: z.flattenError(error).fieldErrors }),
    revalidate: (_result, customerId) => [customerPath(customerId)],
  },
  async (actor, customerId, input) => {
    const result = await updateCustomer(actor, customerId, input);
    return result.ok ? { ok: true as const, version: result.customer.version } : result;
  },
);

export const updateValueFactorsAction = defineAction(
  {
    name: "updateValueFactorsAction",
    permission: "customer.update",
    args: [actionArg.id, actionArg.input],
    revalidate: (_result, customerId) => [customerPath(customerId)],
  },
  async (actor, customerId, input) => {
    const result = await updateValueFactors(actor, customerId, input);
    return result.ok ? { ok: true as const, score: result.score } : result;
  },
);

export const createTaskAction = defineAction(
  {
    name: "createTaskAction",
    permission: "customer.update",
    args: [actionArg.input],
    revalidate: (_result, input) => [
      "/tasks",
      ...(input && typeof input === "object" && "customerId" in input && typeof input.customerId === "number"
        ? [customerPath(input.customerId)]
        : []),
    ],
  },
  (actor, input) => createFollowUpTask(actor, input),
);

export const setTaskStatusAction = defineAction(
  { name: "setTaskStatusAction", args: [actionArg.input] },
  async (actor, input) => {
    const result = await setTaskStatus(actor, input);
    if (!result.ok) return result;
    // Refreshed here: the customer's page is known only from the use case's result, which the answer does not carry.
    revalidatePath("/tasks");
    revalidatePath(customerPath(result.customerId));
    return { ok: true as const, status: result.status };
  },
);

export const mergeCustomersAction = defineAction(
  {
    name: "mergeCustomersAction",
    permission: "customer.merge",
    args: [actionArg.input],
    revalidate: [["/customers", "layout"]],
  },
  async (actor, input) => {
    const result = await mergeCustomers(actor, input);
    return result.ok ? { ok: true as const, survivorId: result.survivorId } : result;
  },
);

export const undoMergeAction = defineAction(
  {
    name: "undoMergeAction",
    permission: "admin.privacy",
    args: [actionArg.id],
    revalidate: [["/customers", "layout"]],
  },
  (actor, mergeId) => undoCustomerMerge(actor, mergeId),
);

export const saveRetentionAction = defineAction(
  { name: "saveRetentionAction", permission: "admin.privacy", args: [actionArg.input], revalidate: [PRIVACY] },
  async (actor, input) => {
    const result = await updateRetentionSettings(actor, input);
    return result.ok ? { ok: true as const, months: result.settings.months } : result;
  },
);

export const runRetentionAction = defineAction(
  { name: "runRetentionAction", permission: "admin.privacy", revalidate: [PRIVACY] },
  (actor) => runRetentionNow(actor),
);

export const eraseCustomerAction = defineAction(
  {
    name: "eraseCustomerAction",
    permission: "admin.privacy",
    args: [actionArg.input],
    revalidate: [PRIVACY, ["/customers", "layout"]],
  },
  async (actor, input) => {
    const result = await eraseCustomer(actor, input);
    return result.ok ? { ok: true as const, erased: true as const } : result;
  },
);
