// The pure rule of compensation by rule (first matching rule wins, flights read per date or for every date), money
// totals per currency, the approver's share of a split, and the customers' words of an incident.
import { describe, expect, it } from "vitest";
import {
  compensationRulesSchema,
  impactOf,
  matchingRule,
  totalsByCurrency,
  type CompensationRule,
  type FlightImpact,
} from "@/lib/incidents/compensation-rules";
import { limitCovers, shareWithinLimit } from "@/lib/compensation/bulk";
import { termsOf, topTerms } from "@/lib/incidents/words";

const rules = compensationRulesSchema.parse({
  version: 0,
  rules: [
    { condition: { kind: "cancelled" }, compensation: "refund", amount: "1500", currency: "CNY" },
    { condition: { kind: "delay_at_least", hours: 8 }, compensation: "meal_hotel", amount: "800", currency: "CNY" },
    { condition: { kind: "overnight" }, compensation: "meal_hotel", amount: "800", currency: "CNY" },
    { condition: { kind: "delay_at_least", hours: 4 }, compensation: "voucher", amount: "200", currency: "cny" },
    { condition: { kind: "category", categoryId: 7 }, compensation: "miles", amount: "5000", currency: "PTS" },
  ],
  flights: [
    { flightNumber: "mu5101", serviceDate: "2026-12-07", delayHours: 4, overnight: false, cancelled: false },
    { flightNumber: "MU5101", serviceDate: "", delayHours: 9 },
    { flightNumber: "MU5102", delayHours: 2, overnight: true },
    { flightNumber: "MU5103", cancelled: true, delayHours: 12 },
  ],
});
const complaint = (flightNumber: string | null, day: string | null, categoryId: number | null = null) => ({
  flightNumber,
  serviceDate: day ? new Date(`${day}T00:00:00Z`) : null,
  categoryId,
  subcategoryId: null,
});

describe("compensation rules", () => {
  it("normalises flights and currencies and refuses a flight entered twice", () => {
    expect(rules.flights[0]).toMatchObject({ flightNumber: "MU5101", serviceDate: "2026-12-07" });
    expect(rules.flights[1]).toMatchObject({ serviceDate: null, overnight: false, cancelled: false });
    expect(rules.rules[3]?.currency).toBe("CNY");
    const twice = compensationRulesSchema.safeParse({
      version: 1,
      rules: [],
      flights: [{ flightNumber: "MU1" }, { flightNumber: "mu1" }],
    });
    expect(twice.success).toBe(false);
  });

  it("reads a flight on its date first, then the entry for every date", () => {
    expect(impactOf(rules.flights, complaint("MU5101", "2026-12-07"))?.delayHours).toBe(4);
    expect(impactOf(rules.flights, complaint("mu5101", "2026-12-08"))?.delayHours).toBe(9);
    expect(impactOf(rules.flights, complaint("MU5101", null))?.delayHours).toBe(9);
    expect(impactOf(rules.flights, complaint(null, "2026-12-07"))).toBeNull();
  });

  it("gives each complaint the first rule it meets", () => {
    const r = rules.rules as CompensationRule[];
    const f = rules.flights as FlightImpact[];
    expect(matchingRule(r, f, complaint("MU5101", "2026-12-07"))).toBe(3); // 4 h → voucher
    expect(matchingRule(r, f, complaint("MU5101", "2026-12-09"))).toBe(1); // 9 h → hotel
    expect(matchingRule(r, f, complaint("MU5102", "2026-12-07"))).toBe(2); // overnight
    expect(matchingRule(r, f, complaint("MU5103", "2026-12-07"))).toBe(0); // cancelled wins over 12 h
    expect(matchingRule(r, f, complaint("ZZ1", null, 7))).toBe(4); // by category
    expect(matchingRule(r, f, complaint("ZZ1", null, 8))).toBeNull();
  });

  it("adds money exactly, per currency", () => {
    expect(
      totalsByCurrency([
        { amount: "0.10", currency: "CNY" },
        { amount: "0.20", currency: "CNY" },
        { amount: "5000.00", currency: "PTS" },
      ]),
    ).toEqual([
      { currency: "CNY", amount: "0.30" },
      { currency: "PTS", amount: "5000.00" },
    ]);
    expect(totalsByCurrency([])).toEqual([]);
  });

  it("splits proposals at the approver's limit, in order", () => {
    const limit = { role: "supervisor" as const, amount: "1000.00", currency: "CNY", pointsPerCny: 100 };
    const rows = [400, 400, 300, 100].map((amount, index) => ({
      id: index + 1,
      amount: `${amount}.00`,
      currency: "CNY",
    }));
    expect(limitCovers(rows, limit)).toBe(false);
    expect(shareWithinLimit(rows, limit).map((row) => row.id)).toEqual([1, 2]);
    expect(limitCovers([{ id: 9, amount: "90000.00", currency: "PTS" }], limit)).toBe(true); // 900 CNY
    expect(limitCovers([{ id: 9, amount: "10.00", currency: "USD" }], limit)).toBe(false); // never across currencies
  });
});

describe("the customers' words", () => {
  it("cuts Chinese into character pairs without function characters and English into words without stop words", () => {
    expect([...termsOf("我的航班延误了")]).toEqual(["航班", "班延", "延误"]);
    expect([...termsOf("The flight CA4113 was delayed and nobody told us")]).toEqual(["delayed", "nobody", "told"]);
  });

  it("counts each term once per complaint and ranks by how many complaints use it", () => {
    const top = topTerms(["延误延误延误", "航班延误", "航班延误", "行李丢失"]);
    expect(top[0]).toEqual({ term: "延误", count: 3 });
    expect(top.map((row) => row.term)).not.toContain("行李"); // said once among many
  });
});
