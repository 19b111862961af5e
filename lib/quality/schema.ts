// One zod schema per quality input (scorecards, plans, scoring, appeals, appraisal comments and weights), shared by
// the forms and the server actions. Messages are codes the forms translate.
import { z } from "zod";
import { idSchema } from "@/lib/validation";
import { INDICATORS, MONTH_PATTERN } from "@/lib/quality/appraisal";

const label = z.string().trim().min(1, "required").max(100, "too_long");
const version = z.number().int().min(1).max(2_147_483_647);

export const criterionSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, "invalid_code"),
  labelZh: label,
  labelEn: label,
  weight: z.number().int("integer").min(1, "too_small").max(100, "too_large"),
  maxPoints: z.number().int("integer").min(1, "too_small").max(100, "too_large"),
  critical: z.boolean(),
});
export type CriterionDefinition = z.infer<typeof criterionSchema>;

export const criteriaSchema = z
  .array(criterionSchema)
  .min(1, "required")
  .max(20, "too_many")
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((criterion, index) => {
      if (seen.has(criterion.code)) ctx.addIssue({ code: "custom", message: "duplicate", path: [index, "code"] });
      seen.add(criterion.code);
    });
  });

export const scorecardSchema = z.object({ nameZh: label, nameEn: label, criteria: criteriaSchema });
export const updateScorecardSchema = scorecardSchema.extend({ version });

export const samplingPlanSchema = z.object({
  teamId: idSchema.nullable(),
  scorecardId: idSchema,
  perAgent: z.number().int("integer").min(0, "too_small").max(50, "too_large"),
  active: z.boolean(),
});

export const month = z.string().regex(MONTH_PATTERN, "invalid_month");
export const runMonthSchema = z.object({ month });

const comment = z.string().trim().max(2000, "too_long");

export const scoreInspectionSchema = z.object({
  version,
  kind: z.enum(["primary", "calibration"]),
  points: z
    .array(
      z.object({
        code: z.string().max(40),
        points: z.number().min(0, "too_small").max(100, "too_large"),
        comment: comment.optional().default(""),
      }),
    )
    .min(1)
    .max(20),
  comment: comment.optional().default(""),
});
export type ScoreInspectionInput = z.infer<typeof scoreInspectionSchema>;

export const appealSchema = z.object({ version, reason: z.string().trim().min(10, "too_short").max(2000, "too_long") });

export const decideAppealSchema = z.object({
  version,
  decision: z.enum(["upheld", "rejected"]),
  comment: z.string().trim().min(2, "required").max(2000, "too_long"),
  // Upholding re-scores the case: the second inspector's points replace the first result.
  points: scoreInspectionSchema.shape.points.optional(),
});

export const versionOnlySchema = z.object({ version });

export const appraisalCommentSchema = z.object({
  version,
  comment: z.string().trim().min(2, "required").max(2000, "too_long"),
});

export const weightsSchema = z.object({
  teamId: idSchema,
  version: z.number().int().min(0).max(2_147_483_647), // 0: the team has no weights of its own yet
  weights: z
    .object(
      Object.fromEntries(
        INDICATORS.map((indicator) => [indicator, z.number().int("integer").min(0, "too_small").max(100, "too_large")]),
      ) as Record<(typeof INDICATORS)[number], z.ZodNumber>,
    )
    .refine((weights) => Object.values(weights).some((weight) => weight > 0), { message: "all_zero", path: ["qa"] }),
});
