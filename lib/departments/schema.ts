// Inputs of the department admin and of the investigation use cases: one zod schema each, shared by forms and actions.
import { z } from "zod";
import { InvestigationUrgency, ResponsibleParty } from "@/lib/generated/prisma/enums";
import { idSchema } from "@/lib/validation";

const days = z.number().int().min(1).max(60);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : null));

export const updateDepartmentSchema = z
  .object({
    version: idSchema,
    nameZh: text(100),
    nameEn: text(100),
    headId: idSchema.nullable(),
    liaisonIds: z
      .array(idSchema)
      .max(50)
      .transform((ids) => [...new Set(ids)]),
    calendarId: idSchema,
    urgentDays: days,
    normalDays: days,
    investigationDays: days,
    active: z.boolean(),
    // Escalations addressed to the department (issue 18 item 5): its owner, and the level it takes by default.
    escalationOwnerId: idSchema
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    escalationLevel: z
      .union([z.literal(3), z.literal(4)])
      .nullable()
      .optional()
      .transform((value) => value ?? null),
  })
  .refine((value) => value.urgentDays <= value.normalDays && value.normalDays <= value.investigationDays, {
    path: ["normalDays"],
    message: "urgent ≤ normal ≤ investigation",
  });
export type UpdateDepartmentInput = z.infer<typeof updateDepartmentSchema>;

export const requestInvestigationSchema = z.object({
  departmentIds: z
    .array(idSchema)
    .min(1)
    .max(10)
    .transform((ids) => [...new Set(ids)]),
  urgency: z.enum(InvestigationUrgency),
  question: text(4000),
  sharedEventIds: z.array(idSchema).max(100).default([]),
  sharedAttachmentIds: z.array(idSchema).max(20).default([]),
});
export type RequestInvestigationInput = z.infer<typeof requestInvestigationSchema>;

export const answerInvestigationSchema = z
  .object({
    version: idSchema,
    findings: text(4000),
    cause: text(2000),
    responsibleParty: z.enum(ResponsibleParty),
    responsibleDepartmentId: idSchema
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    proposedRemedy: optionalText(2000),
    compensationSuggestion: optionalText(1000),
  })
  .refine((value) => value.responsibleParty !== "department" || value.responsibleDepartmentId !== null, {
    path: ["responsibleDepartmentId"],
    message: "Name the responsible department.",
  });
export type AnswerInvestigationInput = z.infer<typeof answerInvestigationSchema>;

export const decideAnswerSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("accepted"), version: idSchema }),
  z.object({ decision: z.literal("returned"), version: idSchema, reason: text(2000) }),
]);
export const cancelInvestigationSchema = z.object({ version: idSchema, reason: text(2000) });
export type CancelInvestigationInput = z.infer<typeof cancelInvestigationSchema>;

export type DecideAnswerInput = z.infer<typeof decideAnswerSchema>;
