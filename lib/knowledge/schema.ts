// One zod schema per knowledge-base input, shared by the forms and the server actions.
import { z } from "zod";
import { idSchema } from "@/lib/validation";
import { KNOWLEDGE_KINDS, KNOWLEDGE_STEPS } from "@/lib/knowledge/workflow";

const title = z.string().trim().min(2, "too_short").max(200, "too_long");
const body = z.string().trim().min(10, "too_short").max(50_000, "too_long");
const isoDate = z
  .string()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)),
    "invalid_date",
  );

export const articleInputSchema = z.object({
  kind: z.enum(KNOWLEDGE_KINDS),
  categoryId: idSchema.nullable(),
  isPublic: z.boolean(),
  reviewDueOn: isoDate.nullable(),
  titleZh: title,
  titleEn: title,
  bodyZh: body,
  bodyEn: body,
  changeNote: z.string().trim().max(500, "too_long").nullable().optional(),
});
export type ArticleInput = z.infer<typeof articleInputSchema>;

export const updateArticleSchema = articleInputSchema.extend({ version: z.number().int().min(1) });

export const transitionArticleSchema = z.object({
  step: z.enum(KNOWLEDGE_STEPS),
  version: z.number().int().min(1),
  comment: z.string().trim().max(1000, "too_long").optional(),
});

export const feedbackSchema = z.object({ complaintId: idSchema.nullable() });
