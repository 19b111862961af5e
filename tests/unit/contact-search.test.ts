import { describe, expect, it } from "vitest";
import { contactProbe, phoneKeys } from "@/lib/customers/contact-search";

describe("phoneKeys (whole-number matching without pii.view)", () => {
  it("gives every notation of one number a shared key", () => {
    const chinese = [
      "+86 139 2468 1357",
      "13924681357",
      "008613924681357",
      "8613924681357",
      "+86-139-2468-1357",
      "(+86) 139 2468 1357",
    ];
    for (const phone of chinese) expect(phoneKeys(phone).full, phone).toBe("13924681357");
    expect(phoneKeys("+44 20 7946 0000").national).toBe("2079460000");
    expect(phoneKeys("020 7946 0000").national).toBe("2079460000");
    expect(phoneKeys("0044 20 7946 0000").national).toBe("2079460000");
  });

  it("gives a tail or a piece of a number no key of the whole number", () => {
    const whole = phoneKeys("+86 139 2468 1357");
    for (const fragment of ["924681357", "24681357", "1392468", "39246813"]) {
      const keys = phoneKeys(fragment);
      expect([keys.full, keys.national], fragment).not.toContain(whole.full);
      expect([keys.full, keys.national], fragment).not.toContain(whole.national);
    }
  });
});

describe("contactProbe", () => {
  it("tells a whole e-mail address, phone digits and other text apart", () => {
    expect(contactProbe(" Li.Na@Example.com ")).toEqual({ field: "email", email: "li.na@example.com" });
    expect(contactProbe("li.na@example")).toBeNull();
    expect(contactProbe("139 2468")).toEqual({ field: "phone", phone: "139 2468", digits: "1392468" });
    expect(contactProbe("123")).toBeNull();
    expect(contactProbe("王小明")).toBeNull();
  });
});
