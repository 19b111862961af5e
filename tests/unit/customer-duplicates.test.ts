import { describe, expect, it } from "vitest";
import { normaliseEmail, normaliseName, normalisePhone } from "@/lib/customers/duplicates";

describe("duplicate normalisation", () => {
  it("reduces phone numbers to the national digits", () => {
    expect(normalisePhone("+86 138-1234-5678")).toBe("13812345678");
    expect(normalisePhone("008613812345678")).toBe("13812345678");
    expect(normalisePhone("(138) 1234 5678")).toBe("13812345678");
    expect(normalisePhone("+44 20 7946 0958")).toBe("442079460958");
    expect(normalisePhone("12-34")).toBeNull();
    expect(normalisePhone(null)).toBeNull();
  });

  it("compares e-mail addresses case-insensitively and ignores non-addresses", () => {
    expect(normaliseEmail("  Li.Na@Example.COM ")).toBe("li.na@example.com");
    expect(normaliseEmail("not an address")).toBeNull();
    expect(normaliseEmail("")).toBeNull();
  });

  it("folds full-width letters, case and spacing in names", () => {
    expect(normaliseName("ＷＡＮＧ  Li")).toBe("wang li");
    expect(normaliseName(" 王小明 ")).toBe("王小明");
    expect(normaliseName("   ")).toBeNull();
  });
});
