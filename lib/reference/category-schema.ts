// Inputs of the category and root-cause admin (bilingual names, codes, active flags), shared by actions and services.
import { z } from "zod";
import { ROOT_CAUSE_KINDS } from "@/lib/reference/kinds";
import { idSchema } from "@/lib/validation";

const code = z
  .string()
  .trim()
  .min(1, "required")
  .max(40, "too_long")
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "code_format");
const name = z.string().trim().min(1, "required").max(80, "too_long");

export const categoryInputSchema = z.object({
  code,
  nameZh: name,
  nameEn: name,
  parentId: idSchema.nullable().default(null),
  active: z.boolean().default(true),
  sortOrder: z.number().int("integer").min(0, "sort_range").max(9999, "sort_range").default(0),
  version: z.string().optional(),
});

export const rootCauseInputSchema = z.object({
  code,
  nameZh: name,
  nameEn: name,
  categoryId: idSchema.nullable().default(null),
  kind: z.enum(ROOT_CAUSE_KINDS, "required"),
  active: z.boolean().default(true),
  version: z.string().optional(),
});

export type CategoryInput = z.infer<typeof categoryInputSchema>;
export type RootCauseInput = z.infer<typeof rootCauseInputSchema>;
