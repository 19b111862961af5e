import { describe, expect, it } from "vitest";
import { permissionsOf } from "@/lib/auth/permissions";
import { maskEmail, maskIdNumber, maskPhone, presentCustomer } from "@/lib/customers/mask";

describe("maskPhone", () => {
  it("keeps the country code, the first 3 and the last 4 digits", () => {
    expect(maskPhone("+86 138 1234 5678")).toBe("+86 138****5678");
    expect(maskPhone("+1-415-555-0132")).toBe("+1 415***0132");
  });

  it("masks national numbers written without a country code or spacing", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("138-1234-5678")).toBe("138****5678");
  });

  it("never shows more than a little of a short number", () => {
    expect(maskPhone("12345")).toBe("****5");
    expect(maskPhone("1234567")).not.toContain("1234");
  });
});

describe("maskEmail", () => {
  it("keeps the first and last character of the local part and the domain", () => {
    expect(maskEmail("lina.wang@example.com")).toBe("l***g@example.com");
  });

  it("hides very short local parts behind the same mask", () => {
    expect(maskEmail("li@example.com")).toBe("l***@example.com");
    expect(maskEmail("x@example.com")).toBe("x***@example.com");
  });
});

describe("maskIdNumber", () => {
  it("keeps the first 3 and last 4 characters of an ID card or passport number", () => {
    expect(maskIdNumber("110101199003071234")).toBe("110***********1234");
    expect(maskIdNumber("E12345678")).toBe("E12**5678");
  });
});

describe("presentCustomer", () => {
  const customer = {
    id: 1,
    name: "王小明",
    phone: "+86 138 1234 5678",
    email: "lina.wang@example.com",
    idNumber: "110101199003071234",
  };

  it("masks phone, e-mail and ID number for roles without pii.view", () => {
    expect(presentCustomer(customer, { kind: "user", permissions: permissionsOf("agent") })).toEqual({
      id: 1,
      name: "王小明",
      phone: "+86 138****5678",
      email: "l***g@example.com",
      idNumber: "110***********1234",
    });
  });

  it("masks them for signed-in users with pii.view too: they reveal one field at a time (logged)", () => {
    expect(presentCustomer(customer, { kind: "user", permissions: permissionsOf("supervisor") }).phone).toBe(
      "+86 138****5678",
    );
  });

  it("shows them to API tokens whose scope includes pii.view, and masks them for other tokens", () => {
    expect(
      presentCustomer(customer, { kind: "api_token", permissions: new Set(["customer.read", "pii.view"] as const) }),
    ).toEqual(customer);
    expect(
      presentCustomer(customer, { kind: "api_token", permissions: new Set(["customer.read"] as const) }).email,
    ).toBe("l***g@example.com");
  });

  it("keeps missing values missing and leaves selections without an ID number alone", () => {
    const masked = presentCustomer(
      { phone: null, email: "a.b@example.com" },
      { kind: "user", permissions: permissionsOf("agent") },
    );
    expect(masked).toEqual({ phone: null, email: "a***b@example.com" });
    expect("idNumber" in masked).toBe(false);
  });
});
