// Zod schemas for complaint inputs: shared by forms, server actions, the REST API and its OpenAPI document.
import { z } from "zod";
import { DRILL_COHORTS } from "@/lib/kpi/catalog";
import { LOCALES } from "@/lib/i18n/locales";
import { CONTACT_CHANNELS } from "@/lib/customers/contact-channels";
import { isMobileNumber } from "@/lib/sms/segments";
import { RESPONSIBLE_PARTIES } from "@/lib/departments/parties";

const id = coercedIdSchema;
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

/** How far a service (travel) date may lie from today: older claims and dates far ahead are typing mistakes. */
export const SERVICE_DATE_WINDOW = { yearsBack: 2, daysAhead: 30 } as const;

/** True when `date` (YYYY-MM-DD) is at most 2 years back and at most 30 days ahead of today (UTC calendar). */
export function serviceDateInWindow(date: string, now = new Date()) {
  const earliest = new Date(now);
  earliest.setUTCFullYear(earliest.getUTCFullYear() - SERVICE_DATE_WINDOW.yearsBack);
  const latest = new Date(now.getTime() + SERVICE_DATE_WINDOW.daysAhead * 86_400_000);
  const day = (value: Date) => value.toISOString().slice(0, 10);
  return date >= day(earliest) && date <= day(latest);
}

const serviceDate = z.iso.date().refine((value) => serviceDateInWindow(value), "service_date_range");

import { COMPLAINT_TYPES, PRIORITIES, QUEUES, SLA_STATES, STATUSES } from "@/lib/complaints/constants";
import { coercedIdSchema, idSchema } from "@/lib/validation";
export { COMPLAINT_TYPES, PRIORITIES, QUEUES, SLA_STATES, STATUSES };
export { LOCALES as LOCALE_CODES } from "@/lib/i18n/locales";

export const newCustomerSchema = z
  .object({
    name: z.string().trim().min(1, "required").max(120),
    phone: optionalText(40).refine((value) => !value || /^\+?[0-9 ()-]{5,40}$/.test(value), "invalid_phone"),
    email: optionalText(254).refine((value) => !value || z.email().safeParse(value).success, "invalid_email"),
    membershipNumber: optionalText(40),
    locale: z.enum(LOCALES).default("zh-CN"),
    tierId: id.optional(),
    preferredChannel: z.enum(CONTACT_CHANNELS).optional(),
  })
  .refine((customer) => customer.phone || customer.email, { message: "contact_required", path: ["phone"] })
  // The preferred channel must be usable: SMS needs a mobile number (not a landline), e-mail an address.
  .refine(
    (customer) =>
      customer.preferredChannel !== "sms" || (customer.phone !== undefined && isMobileNumber(customer.phone)),
    { message: "sms_not_possible", path: ["preferredChannel"] },
  )
  .refine((customer) => customer.preferredChannel !== "email" || customer.email !== undefined, {
    message: "email_required",
    path: ["preferredChannel"],
  })
  .refine((customer) => customer.preferredChannel !== "phone" || customer.phone !== undefined, {
    message: "phone_required",
    path: ["preferredChannel"],
  });

export const complaintCustomerSchema = z.union([z.object({ id }), newCustomerSchema]);

export const createComplaintSchema = z.object({
  customer: complaintCustomerSchema,
  channelId: id,
  type: z.enum(COMPLAINT_TYPES).default("complaint"),
  categoryId: id.optional(),
  subcategoryId: id.optional(),
  touchpointId: id.optional(),
  severityId: id,
  priority: z.enum(PRIORITIES).optional(),
  subject: z.string().trim().min(3, "too_short").max(200),
  description: z.string().trim().min(10, "too_short").max(10_000),
  bookingReference: optionalText(40),
  flightNumber: optionalText(12),
  serviceDate: serviceDate.optional(),
  externalReference: optionalText(60),
  teamId: id.optional(),
});

export type CreateComplaintInput = z.infer<typeof createComplaintSchema>;

export const updateComplaintSchema = z.object({
  version: idSchema,
  categoryId: id.nullable().optional(),
  subcategoryId: id.nullable().optional(),
  touchpointId: id.nullable().optional(),
  severityId: id.optional(),
  priority: z.enum(PRIORITIES).optional(),
  subject: z.string().trim().min(3, "too_short").max(200).optional(),
  description: z.string().trim().min(10, "too_short").max(10_000).optional(),
  bookingReference: z.string().trim().max(40).nullable().optional(),
  flightNumber: z.string().trim().max(12).nullable().optional(),
  serviceDate: serviceDate.nullable().optional(),
  rootCauseId: id.nullable().optional(),
  resolutionSummary: z.string().trim().max(5_000).nullable().optional(),
});

export type UpdateComplaintInput = z.infer<typeof updateComplaintSchema>;

export const transitionSchema = z.object({
  version: idSchema,
  to: z.enum(STATUSES),
  reason: optionalText(2_000),
  rootCauseId: id.optional(),
  resolutionSummary: optionalText(5_000),
  duplicateOfReference: optionalText(20),
  /** Resolve "without survey" (SPEC §5 / issue 5): the reason is required and shown on the timeline. */
  withoutSurvey: z.boolean().optional(),
  surveySkipReason: optionalText(500),
  /** Resolving: a note for colleagues beside the (customer-facing) resolution summary, stored as an internal note. */
  internalNote: optionalText(5_000),
  /** Resolving: who is responsible (issue 18 item 6), prefilled from an accepted department answer. */
  responsibleParty: z.enum(RESPONSIBLE_PARTIES).optional(),
  responsibleDepartmentId: id.nullable().optional(),
});

export type TransitionComplaintInput = z.infer<typeof transitionSchema>;

const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .union([z.array(z.enum(values)), z.string()])
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const list = Array.isArray(value) ? value : value.split(",").filter(Boolean);
      const parsed = z.array(z.enum(values)).safeParse(list);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: "invalid_value" });
        return z.NEVER;
      }
      return parsed.data.length ? parsed.data : undefined;
    });

const idList = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const list = (Array.isArray(value) ? value : value.split(",")).filter(Boolean).map(Number);
    if (list.some((n) => !Number.isInteger(n) || n <= 0)) {
      ctx.addIssue({ code: "custom", message: "invalid_value" });
      return z.NEVER;
    }
    return list.length ? list : undefined;
  });

export const queueFilterSchema = z.object({
  queue: z.enum(QUEUES).default("mine"),
  status: csv(STATUSES),
  severity: idList,
  priority: csv(PRIORITIES),
  category: idList,
  channel: idList,
  team: idList,
  assignee: idList,
  tier: idList,
  sla: csv(SLA_STATES),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => (value ? value : undefined)),
  // Drill-down from the dashboards (lib/complaints/kpi-drill.ts): a KPI cohort replaces the named queue, and from/to
  // apply to the cohort's date; rootCause and level narrow Pareto / escalation-level clicks, dow (0 = Sunday) and hour
  // (0–23, China Standard Time) a heatmap cell's creation slot.
  kpi: z.enum(DRILL_COHORTS).optional(),
  rootCause: idList,
  // Accountability drill-down (issue 18 item 6): a Pareto bar's responsible department or external party.
  responsibleDepartment: idList,
  responsibleParty: csv(RESPONSIBLE_PARTIES),
  level: z.coerce.number().int().min(2).max(4).optional(),
  dow: z.coerce.number().int().min(0).max(6).optional(),
  hour: z.coerce.number().int().min(0).max(23).optional(),
  // "relevance": with a search text, matches in the reference or subject first (lib/complaints/queue.ts); else newest.
  sort: z.enum(["due", "newest", "oldest", "relevance"]).default("due"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export type QueueFilter = z.infer<typeof queueFilterSchema>;
