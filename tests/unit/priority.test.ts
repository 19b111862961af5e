import { describe, expect, it } from "vitest";
import { derivePriority } from "@/lib/complaints/priority";

describe("derivePriority", () => {
  it("maps severity alone", () => {
    expect(derivePriority(1, null)).toBe("urgent");
    expect(derivePriority(2, null)).toBe("high");
    expect(derivePriority(3, null)).toBe("normal");
    expect(derivePriority(4, null)).toBe("low");
    expect(derivePriority(9, null)).toBe("low");
  });

  it("raises one step for the most valuable tiers, never above urgent", () => {
    expect(derivePriority(3, { rank: 1, escalateOnCreate: true })).toBe("high");
    expect(derivePriority(4, { rank: 2, escalateOnCreate: false })).toBe("normal");
    expect(derivePriority(1, { rank: 1, escalateOnCreate: true })).toBe("urgent");
  });

  it("leaves ordinary tiers alone", () => {
    expect(derivePriority(3, { rank: 4, escalateOnCreate: false })).toBe("normal");
  });
});
