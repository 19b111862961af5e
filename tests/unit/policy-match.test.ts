import { describe, expect, it } from "vitest";
import { matchPolicy, type ComplaintForPolicy, type PolicyCandidate } from "@/lib/sla/policy-match";

const RED = 1;
const YELLOW = 2;
const PLATINUM = 7;
const PHONE = 3;
const REGULATOR = 9;

function policy(id: number, fields: Partial<PolicyCandidate> = {}): PolicyCandidate {
  return {
    id,
    rank: 100,
    isDefault: false,
    active: true,
    matchType: null,
    matchSeverityId: null,
    matchPriority: null,
    matchTierId: null,
    matchChannelId: null,
    ...fields,
  };
}

const complaint: ComplaintForPolicy = {
  type: "complaint",
  severityId: RED,
  priority: "high",
  tierId: PLATINUM,
  channelId: PHONE,
};

describe("matchPolicy", () => {
  it("prefers the policy that names the most matching criteria and explains them", () => {
    const policies = [
      policy(1, { matchSeverityId: RED, rank: 1 }),
      policy(2, { matchSeverityId: RED, matchTierId: PLATINUM }),
      policy(3, { matchSeverityId: RED, matchTierId: PLATINUM, matchChannelId: REGULATOR }), // channel differs
      policy(4, { isDefault: true, rank: 0 }),
    ];
    expect(matchPolicy(policies, complaint)).toEqual({
      policy: policies[1],
      matchedOn: ["severity", "tier"],
      fallback: false,
    });
  });

  it("breaks ties by rank, then by id", () => {
    const byRank = [policy(1, { matchPriority: "high", rank: 50 }), policy(2, { matchType: "complaint", rank: 10 })];
    expect(matchPolicy(byRank, complaint)?.policy.id).toBe(2);
    const byId = [policy(5, { matchPriority: "high" }), policy(4, { matchChannelId: PHONE })];
    expect(matchPolicy(byId, complaint)).toMatchObject({ policy: { id: 4 }, matchedOn: ["channel"] });
  });

  it("never applies inactive policies, not even as the default", () => {
    const policies = [
      policy(1, { matchSeverityId: RED, matchTierId: PLATINUM, active: false }),
      policy(2, { matchSeverityId: RED }),
      policy(3, { isDefault: true, active: false }),
    ];
    expect(matchPolicy(policies, complaint)?.policy.id).toBe(2);
    expect(matchPolicy([policies[0]!, policies[2]!], complaint)).toBeNull();
  });

  it("falls back to the default when nothing matches", () => {
    const policies = [
      policy(1, { matchSeverityId: YELLOW }),
      policy(2, { isDefault: true, matchChannelId: REGULATOR }),
    ];
    expect(matchPolicy(policies, complaint)).toEqual({ policy: policies[1], matchedOn: [], fallback: true });
  });

  it("marks a catch-all match as a fallback", () => {
    const policies = [policy(1, { matchSeverityId: YELLOW }), policy(2, { isDefault: true })];
    expect(matchPolicy(policies, complaint)).toEqual({ policy: policies[1], matchedOn: [], fallback: true });
  });

  it("does not match a tier policy for a customer without a tier", () => {
    const policies = [policy(1, { matchTierId: PLATINUM }), policy(2, { isDefault: true })];
    expect(matchPolicy(policies, { ...complaint, tierId: null })?.policy.id).toBe(2);
  });

  it("returns null when nothing matches and there is no default", () => {
    expect(matchPolicy([policy(1, { matchSeverityId: YELLOW })], complaint)).toBeNull();
    expect(matchPolicy([], complaint)).toBeNull();
  });
});
