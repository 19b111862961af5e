import { describe, expect, it } from "vitest";
import { canTransition, checkTransition, isOpen, TRANSITIONS } from "@/lib/complaints/transitions";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";

const ALL: ComplaintStatus[] = [
  "new",
  "acknowledged",
  "in_progress",
  "pending_customer",
  "resolved",
  "closed",
  "reopened",
  "rejected",
  "duplicate",
];

describe("complaint state machine (SPEC §3)", () => {
  it("follows the five-step loop forward", () => {
    expect(canTransition("new", "acknowledged")).toBe(true);
    expect(canTransition("acknowledged", "in_progress")).toBe(true);
    expect(canTransition("in_progress", "pending_customer")).toBe(true);
    expect(canTransition("pending_customer", "in_progress")).toBe(true);
    expect(canTransition("in_progress", "resolved")).toBe(true);
    expect(canTransition("resolved", "closed")).toBe(true);
  });

  it("reopens only what is resolved, closed or rejected", () => {
    for (const from of ALL) {
      expect(canTransition(from, "reopened")).toBe(from === "resolved" || from === "closed" || from === "rejected");
    }
  });

  it("never leaves duplicate and never goes back to new", () => {
    expect(TRANSITIONS.duplicate).toEqual([]);
    for (const from of ALL) expect(canTransition(from, "new")).toBe(false);
  });

  it("closes only after resolution", () => {
    for (const from of ALL) expect(canTransition(from, "closed")).toBe(from === "resolved");
  });

  it("treats exactly the working statuses as open", () => {
    expect(ALL.filter(isOpen)).toEqual(["new", "acknowledged", "in_progress", "pending_customer", "reopened"]);
  });

  it("requires root cause and resolution summary to resolve", () => {
    expect(checkTransition({ from: "in_progress", to: "resolved" })).toEqual({
      ok: false,
      error: "missing_fields",
      fields: ["rootCauseId", "resolutionSummary"],
    });
    expect(checkTransition({ from: "in_progress", to: "resolved", rootCauseId: 3, resolutionSummary: "  " })).toEqual({
      ok: false,
      error: "missing_fields",
      fields: ["resolutionSummary"],
    });
    expect(
      checkTransition({ from: "in_progress", to: "resolved", rootCauseId: 3, resolutionSummary: "Refunded" }),
    ).toEqual({ ok: true });
  });

  it("requires the original for a duplicate and a reason to reject or reopen", () => {
    expect(checkTransition({ from: "new", to: "duplicate" })).toMatchObject({ fields: ["duplicateOfId"] });
    expect(checkTransition({ from: "new", to: "rejected" })).toMatchObject({ fields: ["reason"] });
    expect(checkTransition({ from: "closed", to: "reopened", reason: "customer replied" })).toEqual({ ok: true });
  });

  it("rejects an illegal transition before looking at fields", () => {
    expect(checkTransition({ from: "closed", to: "in_progress" })).toEqual({ ok: false, error: "illegal_transition" });
  });
});
