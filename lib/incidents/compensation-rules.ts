// Compensation by rule (issue 17 item 4): the rule table of an incident and the pure rule that decides what a linked
// complaint qualifies for. Rules read the complaint's flight (its delay hours, overnight stay or cancellation as
// entered in the incident's flight table) or its category; the first rule that matches wins, so the table is ordered
// most generous first (≥ 8 h → hotel before ≥ 4 h → meal voucher). No database here: unit-tested as is.
import { z } from "zod";
import { COMPENSATION_KINDS } from "@/lib/compensation/kinds";
import { formatAmount, toCents } from "@/lib/compensation/limits";
import { moneyAmountSchema } from "@/lib/compensation/schema";
import { idSchema } from "@/lib/validation";
import { FLIGHT_PATTERN } from "@/lib/incidents/schema";

export const RULE_CONDITIONS = ["delay_at_least", "overnight", "cancelled", "category", "any"] as const;
export type RuleCondition = (typeof RULE_CONDITIONS)[number];

const conditionSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("delay_at_least"),
      hours: z.number("invalid_hours").min(0.5, "invalid_hours").max(96, "invalid_hours"),
    }),
    z.object({ kind: z.literal("overnight") }),
    z.object({ kind: z.literal("cancelled") }),
    z.object({ kind: z.literal("category"), categoryId: idSchema }),
    z.object({ kind: z.literal("any") }),
  ],
  { message: "required" },
);

export const compensationRuleSchema = z.object({
  condition: conditionSchema,
  compensation: z.enum(COMPENSATION_KINDS, { message: "required" }),
  amount: moneyAmountSchema,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "invalid_currency")
    .default("CNY"),
});
export type CompensationRule = z.output<typeof compensationRuleSchema>;

const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid_date")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "invalid_date");

/** What happened to one flight: the facts the rules read (entered from the operations report). */
export const flightImpactSchema = z.object({
  flightNumber: z.string().trim().toUpperCase().regex(FLIGHT_PATTERN, "invalid_flight"),
  serviceDate: dateOnly
    .nullable()
    .default(null)
    .or(z.literal("").transform(() => null)),
  delayHours: z.number("invalid_hours").min(0, "invalid_hours").max(96, "invalid_hours").nullable().default(null),
  overnight: z.boolean().default(false),
  cancelled: z.boolean().default(false),
});
export type FlightImpact = z.output<typeof flightImpactSchema>;

export const compensationRulesSchema = z.object({
  version: z.number().int().min(0).max(2_147_483_647),
  rules: z.array(compensationRuleSchema).max(20, "too_many"),
  flights: z
    .array(flightImpactSchema)
    .max(200, "too_many")
    .superRefine((flights, ctx) => {
      const seen = new Set<string>();
      flights.forEach((flight, index) => {
        const key = `${flight.flightNumber}|${flight.serviceDate ?? ""}`;
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index, "flightNumber"], message: "duplicate" });
        seen.add(key);
      });
    }),
});
export type CompensationRulesInput = z.input<typeof compensationRulesSchema>;

export type RuleComplaint = {
  flightNumber: string | null;
  serviceDate: Date | null;
  categoryId: number | null;
  subcategoryId: number | null;
};

/** The flight entry for the complaint: same flight on its service date, else one entered without a date. */
export function impactOf(
  flights: readonly FlightImpact[],
  complaint: Pick<RuleComplaint, "flightNumber" | "serviceDate">,
): FlightImpact | null {
  if (!complaint.flightNumber) return null;
  const flight = complaint.flightNumber.toUpperCase();
  const day = complaint.serviceDate ? complaint.serviceDate.toISOString().slice(0, 10) : null;
  return (
    flights.find((row) => row.flightNumber === flight && row.serviceDate !== null && row.serviceDate === day) ??
    flights.find((row) => row.flightNumber === flight && row.serviceDate === null) ??
    null
  );
}

function conditionHolds(rule: CompensationRule, impact: FlightImpact | null, complaint: RuleComplaint): boolean {
  const condition = rule.condition;
  switch (condition.kind) {
    case "delay_at_least":
      return impact !== null && impact.delayHours !== null && impact.delayHours >= condition.hours;
    case "overnight":
      return impact?.overnight === true;
    case "cancelled":
      return impact?.cancelled === true;
    case "category":
      return complaint.categoryId === condition.categoryId || complaint.subcategoryId === condition.categoryId;
    case "any":
      return true;
  }
}

/** The index of the first rule the complaint meets, or null: one compensation per complaint and incident. */
export function matchingRule(
  rules: readonly CompensationRule[],
  flights: readonly FlightImpact[],
  complaint: RuleComplaint,
): number | null {
  const impact = impactOf(flights, complaint);
  const index = rules.findIndex((rule) => conditionHolds(rule, impact, complaint));
  return index === -1 ? null : index;
}

/** Sums per currency as exact decimal strings ("1200.00"), currencies in alphabetical order. */
export function totalsByCurrency(
  rows: readonly { amount: string; currency: string }[],
): { currency: string; amount: string }[] {
  const sums = new Map<string, bigint>();
  for (const row of rows) sums.set(row.currency, (sums.get(row.currency) ?? 0n) + toCents(row.amount));
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, cents]) => ({
      currency,
      amount: formatAmount(`${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`),
    }));
}

/**
 * Stored JSON back to typed rules and flights; rows that no longer parse (hand-edited data) are dropped, not trusted.
 */
export function readStored(rules: unknown, flights: unknown): { rules: CompensationRule[]; flights: FlightImpact[] } {
  const parsedRules = z.array(compensationRuleSchema).safeParse(rules);
  const parsedFlights = z.array(flightImpactSchema).safeParse(flights);
  return {
    rules: parsedRules.success ? parsedRules.data : [],
    flights: parsedFlights.success ? parsedFlights.data : [],
  };
}
