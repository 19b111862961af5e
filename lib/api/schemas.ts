// The zod schemas of /api/v1: the services' own schemas, narrowed where the API offers less, plus list queries.
// The handlers validate with these and the OpenAPI document is generated from them.
import { z } from "zod";
import {
  complaintCustomerSchema,
  createComplaintSchema,
  newCustomerSchema,
  queueFilterSchema,
  transitionSchema,
  updateComplaintSchema,
} from "@/lib/complaints/schema";
import { staffMessageSchema } from "@/lib/complaints/add-message";
import { updateCustomerSchema } from "@/lib/customers/schema";
import { fieldErrors } from "@/lib/complaints/validation";

export { createComplaintSchema, newCustomerSchema, transitionSchema, updateComplaintSchema, updateCustomerSchema };

/** The queue filter of the agent UI; the API lists every complaint the token may see unless `queue` narrows it. */
export const complaintListQuerySchema = queueFilterSchema.extend({
  queue: queueFilterSchema.shape.queue.unwrap().default("all"),
});

/** Comments over the API: internal notes and customer replies (logged calls are a desk activity). */
export const commentSchema = staffMessageSchema.extend({ kind: z.enum(["note", "reply"]) });

export const customerListQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => (value ? value : undefined)),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

/**
 * Field errors of a complaint creation body. The customer is "an existing id OR a new customer", a union whose
 * failure zod reports only as "customer"; this names the field inside the branch the client evidently meant
 * (an object with `id` → the id branch, anything else → the new-customer fields), e.g. "customer.name".
 */
export function complaintCreationFieldErrors(body: unknown) {
  return (error: z.ZodError): Record<string, string[]> => {
    const fields = fieldErrors(error);
    const customer = typeof body === "object" && body !== null && "customer" in body ? body.customer : undefined;
    if (!fields.customer || typeof customer !== "object" || customer === null) return fields;
    const [existingCustomer, newCustomer] = complaintCustomerSchema.options;
    const branch = "id" in customer ? existingCustomer : newCustomer;
    const inner = branch.safeParse(customer);
    if (inner.success) return fields;
    delete fields.customer;
    for (const [key, messages] of Object.entries(fieldErrors(inner.error))) fields[`customer.${key}`] = messages;
    return fields;
  };
}
