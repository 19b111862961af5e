// Inputs of the incident use cases (one zod schema each, shared by forms, actions and tests) and the fixed
// vocabularies.
import { z } from "zod";
import { idSchema } from "@/lib/validation";

/** Incident types of handbook 003 chapter 5 (stored as text; the UI names them in both languages). */
// The industry templates add their own: travel (tour-group accident, hotel overbooking), enterprise (product recall).
export const INCIDENT_TYPES = [
  "flight_disruption",
  "airport_closure",
  "system_outage",
  "safety",
  "public_opinion",
  "data_breach",
  "tour_group_accident",
  "hotel_overbooking",
  "product_recall",
  "other",
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];
export const INCIDENT_LEVELS = ["L1", "L2", "L3"] as const;
export const INCIDENT_STATUSES = ["active", "recovered", "closed"] as const;

const text = (max: number) => z.string().trim().max(max, "too_long");
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((value) => (value ? value : null));
const list = <T extends z.ZodType<string | number>>(item: T, max: number) =>
  z
    .array(item)
    .max(max, "too_many")
    .default([])
    .transform((values) => [...new Set(values)]);
const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid_date")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "invalid_date");
const instant = z.coerce
  .date({ message: "invalid_date" })
  .refine(
    (value) => !Number.isNaN(value.getTime()) && value.getFullYear() > 2000 && value.getFullYear() < 2100,
    "invalid_date",
  );

export const FLIGHT_PATTERN = /^[A-Z0-9]{2}\d{1,4}[A-Z]?$/;

/** The matching scope: flights (and service dates), airports, products/routes, categories, words and a time window. */
export const incidentScopeSchema = z
  .object({
    flightNumbers: list(z.string().trim().toUpperCase().regex(FLIGHT_PATTERN, "invalid_flight"), 50),
    serviceDateFrom: dateOnly.optional().or(z.literal("").transform(() => undefined)),
    serviceDateTo: dateOnly.optional().or(z.literal("").transform(() => undefined)),
    airports: list(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{3}$/, "invalid_airport"),
      20,
    ),
    products: list(text(80).min(1, "required"), 20),
    categoryIds: z
      .array(idSchema)
      .max(20, "too_many")
      .default([])
      .transform((ids) => [...new Set(ids)]),
    keywords: list(text(60).min(2, "too_short"), 20),
    windowStart: instant.optional(),
    windowEnd: instant.optional(),
  })
  .superRefine((scope, ctx) => {
    if (scope.serviceDateFrom && scope.serviceDateTo && scope.serviceDateFrom > scope.serviceDateTo)
      ctx.addIssue({ code: "custom", path: ["serviceDateTo"], message: "before_start" });
    if (scope.windowStart && scope.windowEnd && scope.windowStart > scope.windowEnd)
      ctx.addIssue({ code: "custom", path: ["windowEnd"], message: "before_start" });
    if (scope.flightNumbers.length + scope.airports.length + scope.categoryIds.length + scope.keywords.length === 0) {
      // Without one criterion every complaint of the window would match: ask for at least one.
      ctx.addIssue({ code: "custom", path: ["flightNumbers"], message: "scope_required" });
    }
  });

export const declareIncidentSchema = z.object({
  type: z.enum(INCIDENT_TYPES, { message: "required" }),
  level: z.enum(INCIDENT_LEVELS, { message: "required" }),
  title: text(200).min(3, "required"),
  description: optionalText(4000),
  impactEstimate: text(2000).min(1, "required"),
  affectedEstimate: z.number().int().min(0).max(10_000_000).nullable().optional(),
  expectedRecoveryAt: instant.nullable().optional(),
  ownerId: idSchema,
  customerScript: optionalText(4000),
  startedAt: instant.optional(),
  scope: incidentScopeSchema,
});
export type DeclareIncidentInput = z.input<typeof declareIncidentSchema>;

/** A status report (the first one answers the 10-minute clock; every report restarts the update clock). */
export const incidentReportSchema = z.object({
  version: idSchema,
  body: text(4000).min(1, "required"),
  impactEstimate: optionalText(2000),
  expectedRecoveryAt: instant.nullable().optional(),
});

export const incidentStatusSchema = z.object({
  version: idSchema,
  status: z.enum(INCIDENT_STATUSES),
  note: optionalText(2000),
});

export const incidentTextsSchema = z.object({
  version: idSchema,
  customerScript: optionalText(4000),
  resolutionText: optionalText(4000),
});

export const exclusionSchema = z.object({ complaintId: idSchema, excluded: z.boolean() });

/** One bilingual customer update; {name}, {reference}, {flight}, {incident}, {recovery} are filled per customer. */
export const incidentUpdateSchema = z.object({
  subjectZh: text(200).min(1, "required"),
  subjectEn: text(200).min(1, "required"),
  bodyZh: text(1000).min(1, "required"),
  bodyEn: text(1000).min(1, "required"),
});
export type IncidentUpdateInput = z.output<typeof incidentUpdateSchema>;

export const bulkResolveSchema = z.object({ rootCauseId: idSchema, resolutionText: text(4000).min(1, "required") });
