// Inputs of the contingency plan, drill and data breach use cases (issue 17 items 8–10): one zod schema each, shared
// by the forms, the server actions and the tests. Messages are codes ("required"), shown per field by the forms.
import { z } from "zod";
import { idSchema } from "@/lib/validation";
import { INCIDENT_LEVELS, INCIDENT_TYPES } from "@/lib/incidents/schema";

const text = (max: number) => z.string().trim().max(max, "too_long");
const required = (max: number) => text(max).min(1, "required");
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((value) => (value ? value : null));
const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid_date")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "invalid_date")
  .transform((value) => new Date(`${value}T00:00:00Z`))
  .refine((value) => value.getUTCFullYear() > 2000 && value.getUTCFullYear() < 2100, "invalid_date");
const minutes = z
  .number({ message: "invalid_number" })
  .int("invalid_number")
  .min(0, "invalid_number")
  .max(100_000, "invalid_number");

export const PLAN_STEP_ROLES = [
  "duty_manager",
  "supervisor",
  "agent",
  "operations",
  "communications",
  "legal",
  "it",
  "other",
] as const;

export const planStepSchema = z.object({
  zh: required(300),
  en: required(300),
  role: z.enum(PLAN_STEP_ROLES, { message: "required" }),
  targetMinutes: minutes.nullable().default(null),
});
export type PlanStep = z.output<typeof planStepSchema>;

export const planContactSchema = z.object({
  role: required(80),
  name: required(80),
  phone: text(40)
    .regex(/^[0-9+\-() ]*$/, "invalid_phone")
    .default(""),
});
export type PlanContact = z.output<typeof planContactSchema>;

/** The compensation rule set a plan starts an incident with (h3's per-incident rule table adopts it as a copy). */
export const PLAN_RULE_CONDITIONS = ["delay_hours", "overnight", "cancellation", "any_linked"] as const;
export const PLAN_RULE_KINDS = ["refund", "voucher", "miles", "cash", "upgrade", "meal_hotel", "other"] as const;
export const planRuleSchema = z
  .object({
    condition: z.enum(PLAN_RULE_CONDITIONS, { message: "required" }),
    thresholdHours: z
      .number({ message: "invalid_number" })
      .min(0, "invalid_number")
      .max(240, "invalid_number")
      .nullable()
      .default(null),
    kind: z.enum(PLAN_RULE_KINDS, { message: "required" }),
    amount: z.number({ message: "invalid_number" }).min(0, "invalid_number").max(1_000_000, "invalid_number"),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "invalid_currency")
      .default("CNY"),
  })
  .superRefine((rule, ctx) => {
    if (rule.condition === "delay_hours" && rule.thresholdHours === null)
      ctx.addIssue({ code: "custom", path: ["thresholdHours"], message: "required" });
  });
export type PlanRule = z.output<typeof planRuleSchema>;

export const planSchema = z.object({
  type: z.enum(INCIDENT_TYPES, { message: "required" }),
  level: z.enum(INCIDENT_LEVELS).nullable().default(null),
  titleZh: required(200),
  titleEn: required(200),
  ownerId: idSchema,
  nextReviewAt: dateOnly.optional(),
  steps: z.array(planStepSchema).min(1, "required").max(40, "too_many"),
  contacts: z.array(planContactSchema).max(30, "too_many").default([]),
  scriptZh: required(4000),
  scriptEn: required(4000),
  compensationRules: z.array(planRuleSchema).max(20, "too_many").default([]),
  active: z.boolean().default(true),
});
export type PlanInput = z.input<typeof planSchema>;

/** A revision: the whole plan again plus the revision it was based on (the version check) and why it changed. */
export const revisePlanSchema = planSchema.extend({ revision: idSchema, changeNote: optionalText(1000) });

export const planCheckSchema = z.object({ step: z.number().int().min(0).max(39), checked: z.boolean() });
export const adoptPlanSchema = z.object({ planId: idSchema });

export const drillTimingSchema = z.object({ step: z.number().int().min(0).max(39), achievedMinutes: minutes });
export const drillSchema = z.object({
  heldAt: dateOnly,
  scenario: required(2000),
  participants: z
    .array(required(80))
    .min(1, "required")
    .max(100, "too_many")
    .transform((values) => [...new Set(values)]),
  timings: z.array(drillTimingSchema).max(40, "too_many").default([]),
  findings: optionalText(4000),
  followUps: z.array(required(200)).max(10, "too_many").default([]),
});
export type DrillInput = z.input<typeof drillSchema>;

export const affectedCustomerSchema = z.object({ customerId: idSchema, note: optionalText(500) });
export const regulatorReportSchema = z.object({
  version: idSchema,
  reportedAt: z.coerce
    .date({ message: "invalid_date" })
    .refine(
      (value) => !Number.isNaN(value.getTime()) && value.getFullYear() > 2000 && value.getFullYear() < 2100,
      "invalid_date",
    ),
  reference: required(120),
});
