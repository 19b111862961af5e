// Inputs of the escalation use cases, shared by the future inbox forms, server actions and API routes.
import { z } from "zod";

const version = z.number({ error: "required" }).int().positive().max(MAX_INT4);
const requiredText = z.string({ error: "required" }).trim().min(1, "required").max(2_000, "too_long");
const optionalText = z.string().trim().max(2_000, "too_long").optional();

import { MANUAL_ESCALATION_REASONS } from "@/lib/escalations/reasons";
import { MAX_INT4, parseId } from "@/lib/validation";
export { MANUAL_ESCALATION_REASONS };

export const requestEscalationSchema = z.object({
  version,
  reason: z.enum(MANUAL_ESCALATION_REASONS, { error: "required" }),
  note: requiredText,
  /**
   * The named department (legal, finance, operations, CRM …) to address the escalation to; empty: the level's owner.
   */
  departmentId: z
    .number({ error: "invalid" })
    .int()
    .positive()
    .max(2_147_483_647)
    .nullable()
    .optional()
    .transform((value) => value ?? null),
});

export const acknowledgeEscalationSchema = z.object({ version, note: optionalText });

export const reassignEscalationSchema = z.object({
  version,
  assigneeId: z.number({ error: "required" }).int().positive().max(MAX_INT4),
  note: optionalText,
});

/** A Date, or an ISO 8601 date-time with its offset (a bare local time would be read in the server's zone). */
const dueAt = z.union(
  [z.date(), z.iso.datetime({ offset: true, error: "invalid_date" }).transform((value) => new Date(value))],
  { error: "required" },
);

export const extendDueDateSchema = z.object({ version, dueAt, reason: requiredText });

export const deEscalateSchema = z.object({ version, reason: requiredText });

export const escalateFurtherSchema = z.object({ version, note: requiredText });

export const escalationInboxSchema = z.object({
  status: z.enum(["open", "closed", "all"]).default("open"),
  // The id after the phase letter is an int4 row id: a longer number names nothing and would make the query throw.
  cursor: z
    .string()
    .regex(/^[oac]:\d+$/)
    .refine((value) => parseId(value.slice(2)) !== null)
    .optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export type RequestEscalationInput = z.infer<typeof requestEscalationSchema>;
export type EscalationInboxFilter = z.input<typeof escalationInboxSchema>;
