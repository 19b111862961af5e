import { describe, expect, it } from "vitest";
import { formatAmount, needsApproval, toCents } from "@/lib/compensation/limits";
import { decideCompensationSchema, proposeCompensationSchema } from "@/lib/compensation/schema";

const agentLimit = { amount: "500.00", currency: "CNY" };

describe("needsApproval", () => {
  it("lets a proposer approve up to and including their own limit", () => {
    expect(needsApproval("300.00", "CNY", agentLimit)).toBe(false);
    expect(needsApproval("500.00", "CNY", agentLimit)).toBe(false);
    expect(needsApproval("500.01", "CNY", agentLimit)).toBe(true);
    expect(needsApproval("800.00", "CNY", agentLimit)).toBe(true);
  });

  it("values points at 100 per CNY: an agent may grant 50,000 points (500 CNY), not 50,001", () => {
    expect(needsApproval("50000", "PTS", agentLimit)).toBe(false);
    expect(needsApproval("50001", "PTS", agentLimit)).toBe(true);
    expect(needsApproval("400000", "PTS", { amount: "5000.00", currency: "CNY" })).toBe(false);
  });

  it("always asks for approval when the amount is in a foreign currency", () => {
    expect(needsApproval("1.00", "USD", agentLimit)).toBe(true);
    expect(needsApproval("1.00", "cny", agentLimit)).toBe(false);
  });

  it("never lets a zero limit (admins) approve anything", () => {
    expect(needsApproval("0.01", "CNY", { amount: "0.00", currency: "CNY" })).toBe(true);
  });
});

describe("money amounts", () => {
  it("compares exactly, without floating point", () => {
    expect(toCents("0.3")).toBe(30n);
    expect(toCents("1000000.00")).toBe(100000000n);
    expect(formatAmount("800")).toBe("800.00");
    expect(formatAmount("800.5")).toBe("800.50");
  });

  it("accepts amounts with at most two decimals, as numbers or text, and normalises them", () => {
    const base = { complaintId: 1, kind: "refund", reason: "Delayed flight" };
    expect(proposeCompensationSchema.parse({ ...base, amount: 800 })).toMatchObject({
      amount: "800.00",
      currency: "CNY",
    });
    expect(proposeCompensationSchema.parse({ ...base, amount: " 12.5 ", currency: "pts" })).toMatchObject({
      amount: "12.50",
      currency: "PTS",
    });
    for (const amount of [0, -5, "12.345", "abc", 0.1 + 0.2]) {
      expect(proposeCompensationSchema.safeParse({ ...base, amount }).success).toBe(false);
    }
  });

  it("requires a note when rejecting", () => {
    expect(decideCompensationSchema.safeParse({ compensationId: 1, version: 1, decision: "reject" }).success).toBe(
      false,
    );
    expect(decideCompensationSchema.safeParse({ compensationId: 1, version: 1, decision: "approve" }).success).toBe(
      true,
    );
  });
});

describe("needsApproval with a configured points rate", () => {
  it("uses the rule's pointsPerCny instead of the default 100", () => {
    expect(needsApproval("50000", "PTS", { ...agentLimit, pointsPerCny: 50 })).toBe(true);
    expect(needsApproval("25000", "PTS", { ...agentLimit, pointsPerCny: 50 })).toBe(false);
    expect(needsApproval("100000", "PTS", { ...agentLimit, pointsPerCny: 200 })).toBe(false);
  });
});
