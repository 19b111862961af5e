// Zod schemas for compensation inputs: shared by the workspace form, the server actions and the REST API.
import { z } from "zod";
import { formatAmount } from "@/lib/compensation/limits";

import { COMPENSATION_KINDS } from "@/lib/compensation/kinds";
import { coercedIdSchema, idSchema } from "@/lib/validation";
export { COMPENSATION_KINDS };
export const COMPENSATION_DECISIONS = ["approve", "reject"] as const;

const id = coercedIdSchema;
const version = idSchema;

/** A positive amount with at most two decimals, normalised to "1234.50" (money never passes through floats). */
export const moneyAmountSchema = z
  .union([z.number(), z.string()])
  .transform((value) => (typeof value === "number" ? String(value) : value.trim()))
  .pipe(z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, "invalid_amount"))
  .transform(formatAmount)
  .refine((amount) => amount !== "0.00", "invalid_amount");

export const proposeCompensationSchema = z.object({
  complaintId: id,
  kind: z.enum(COMPENSATION_KINDS),
  amount: moneyAmountSchema,
  // ISO 4217, or "PTS" for miles/points.
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "invalid_currency")
    .default("CNY"),
  reason: z.string().trim().min(3, "too_short").max(2_000),
});

export type ProposeCompensationInput = z.infer<typeof proposeCompensationSchema>;

export const decideCompensationSchema = z
  .object({
    compensationId: id,
    version,
    decision: z.enum(COMPENSATION_DECISIONS),
    note: z
      .string()
      .trim()
      .max(2_000)
      .optional()
      .transform((value) => (value ? value : undefined)),
  })
  .refine((input) => input.decision !== "reject" || input.note, { message: "required", path: ["note"] });

export type DecideCompensationInput = z.infer<typeof decideCompensationSchema>;

export const issueCompensationSchema = z.object({ compensationId: id, version });

export type IssueCompensationInput = z.infer<typeof issueCompensationSchema>;
