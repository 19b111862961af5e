import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isOutOfRange } from "@/lib/db-availability";

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection, a cut connection and a shutting-down server, also when wrapped", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable({ name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } })).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: { originalCode: "57P01", kind: "postgres" } }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Transaction API error: expired transaction"), { code: "P2028" }))).toBe(true);
  });

  it("leaves real bugs and data errors alone", () => {
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable({ cause: { kind: "UniqueConstraintViolation", originalCode: "23505" } })).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});

describe("isOutOfRange", () => {
  it("recognises an int4 overflow from Prisma or PostgreSQL, nothing else", () => {
    expect(isOutOfRange(Object.assign(new Error("Value out of range for the type"), { code: "P2020" }))).toBe(true);
    expect(isOutOfRange({ cause: { originalCode: "22003" } })).toBe(true);
    expect(isOutOfRange(Object.assign(new Error("conflict"), { code: "P2002" }))).toBe(false);
  });
});
