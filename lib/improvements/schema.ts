// Inputs of improvement actions (CAPA, SPEC §7), shared by the form, the server actions and the service.
import { z } from "zod";
import { idSchema } from "@/lib/validation";

export const IMPROVEMENT_KINDS = ["corrective", "preventive"] as const;
export const IMPROVEMENT_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export type ImprovementStatusValue = (typeof IMPROVEMENT_STATUSES)[number];

const optionalId = idSchema.nullable().default(null);

export const improvementInputSchema = z.object({
  title: z.string().trim().min(1, "required").max(160, "too_long"),
  description: z.string().trim().max(4000, "too_long").default(""),
  kind: z.enum(IMPROVEMENT_KINDS, "required"),
  status: z.enum(IMPROVEMENT_STATUSES, "required").default("open"),
  rootCauseId: optionalId,
  ownerId: optionalId,
  // A calendar date (YYYY-MM-DD) or empty.
  dueOn: z.iso
    .date("invalid_date")
    .nullable()
    .default(null)
    .or(z.literal("").transform(() => null)),
  /** Complaint references to link when creating. */
  complaintReferences: z.array(z.string().trim().min(1).max(40)).max(200, "too_many").default([]),
});

export const improvementUpdateSchema = improvementInputSchema
  .omit({ complaintReferences: true })
  .extend({ version: idSchema });

export const linkComplaintsSchema = z.object({
  references: z.array(z.string().trim().min(1).max(40)).min(1, "required").max(200, "too_many"),
});

export type ImprovementInput = z.infer<typeof improvementInputSchema>;
