// Inputs of the SLA admin pages (policies, calendars, previews): one zod schema each, shared by forms, actions and
// services.
import { z } from "zod";
import { ComplaintType, HolidayKind, Priority, SlaClockKind } from "@/lib/generated/prisma/enums";
import { calendarSpecSchema, workingHoursSchema } from "@/lib/sla/calendar-schema";
import { idSchema } from "@/lib/validation";

export const CLOCK_KINDS = Object.values(SlaClockKind);

/** The longest target an admin may enter: one year of business minutes keeps arithmetic and inputs sane. */
export const MAX_TARGET_MINUTES = 366 * 24 * 60;

const code = z
  .string()
  .trim()
  .min(1, "required")
  .max(60, "too_long")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "invalid_code");
const name = z.string().trim().min(1, "required").max(120, "too_long");
const optionalId = idSchema.nullable();

export const policyInputSchema = z.object({
  code,
  nameZh: name,
  nameEn: name,
  rank: z.number("required").int("integer").min(0, "too_small").max(100_000, "too_big"),
  active: z.boolean(),
  isDefault: z.boolean(),
  matchType: z.enum(ComplaintType).nullable(),
  matchSeverityId: optionalId,
  matchPriority: z.enum(Priority).nullable(),
  matchTierId: optionalId,
  matchChannelId: optionalId,
  calendarId: z.number("required").int().positive("required"),
  warnPercent: z.number("required").int("integer").min(1, "percent_range").max(99, "percent_range"),
  pauseOnPending: z.boolean(),
  // Absent clock = the policy does not run that clock.
  targets: z.partialRecord(
    z.enum(SlaClockKind),
    z.number("required").int("integer").min(1, "target_positive").max(MAX_TARGET_MINUTES, "too_big"),
  ),
});
export type PolicyInput = z.infer<typeof policyInputSchema>;

/** SlaPolicy has no version column: the updatedAt the form loaded (ISO string) is the optimistic-locking token. */
export const policyUpdateSchema = policyInputSchema.extend({ version: z.string().min(1) });
export type PolicyUpdate = z.infer<typeof policyUpdateSchema>;

export const holidayInputSchema = z.object({
  date: z.iso.date("invalid_date"),
  kind: z.enum(HolidayKind),
  name: z.string().trim().min(1, "required").max(80, "too_long"),
});

const calendarFields = z.object({
  code,
  nameZh: name,
  nameEn: name,
  timeZone: z.string().trim().min(1, "required"),
  is24x7: z.boolean(),
  workingHours: workingHoursSchema,
  holidays: z.array(holidayInputSchema).max(1000, "too_long"),
});

/** Copies the calendar-spec rules (known zone, unique dates, some hours) onto the same field paths. */
function withSpecRules<S extends z.ZodType<z.infer<typeof calendarFields>>>(schema: S) {
  return schema.superRefine((value, ctx) => {
    const spec = calendarSpecSchema.safeParse({
      timeZone: value.timeZone,
      is24x7: value.is24x7,
      workingHours: value.workingHours,
      holidays: value.holidays,
    });
    if (spec.success) return;
    // Hour-format issues are already reported by workingHoursSchema; copy only the whole-calendar rules.
    for (const issue of spec.error.issues) {
      if (issue.path.length === 1) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    }
  });
}

export const calendarInputSchema = withSpecRules(calendarFields);
export type CalendarInput = z.infer<typeof calendarFields>;
export const calendarUpdateSchema = withSpecRules(calendarFields.extend({ version: z.string().min(1) }));

export const policySampleSchema = z.object({
  type: z.enum(ComplaintType),
  severityId: z.number().int().positive("required"),
  priority: z.enum(Priority),
  tierId: optionalId,
  channelId: z.number().int().positive("required"),
  createdAt: z.iso.datetime({ offset: true, message: "invalid_date" }),
});
export type PolicySample = z.infer<typeof policySampleSchema>;

export const policyPreviewSchema = z.object({
  /** the policy being edited (null while creating): its saved version is replaced by the draft */
  policyId: idSchema.nullable(),
  draft: policyInputSchema,
  sample: policySampleSchema,
});

export const calendarPreviewSchema = z.object({
  draft: calendarInputSchema,
  from: z.iso.datetime({ offset: true, message: "invalid_date" }),
  /** business hours to add for the "ends at" calculator */
  hours: z.number("required").min(0, "too_small").max(10_000, "too_big"),
});
