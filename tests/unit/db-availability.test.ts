import { describe, expect, it } from "vitest";
import {
  isDatabaseKnownDown,
  isDatabaseUnavailable,
  isDatabaseUnreachable,
  isOutOfRange,
  noteIfDatabaseUnreachable,
  reportDatabaseAvailable,
  reportDatabaseChecked,
  reportDatabaseUnavailable,
  setDatabaseWatcher,
} from "@/lib/db-availability";
import { outageLocale, outagePageHtml } from "@/lib/security/outage-page";

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection, a cut connection and a shutting-down server, also when wrapped", () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable({ name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } })).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: { originalCode: "57P01", kind: "postgres" } }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error("Transaction API error: expired transaction"), { code: "P2028" })),
    ).toBe(true);
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

describe("isDatabaseUnreachable", () => {
  it("means the database is away, not merely busy", () => {
    expect(isDatabaseUnreachable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnreachable({ cause: { kind: "DatabaseNotReachable" } })).toBe(true);
    expect(isDatabaseUnreachable(new Error("timeout exceeded when trying to connect"))).toBe(false);
    expect(isDatabaseUnreachable(Object.assign(new Error("expired transaction"), { code: "P2028" }))).toBe(false);
  });
});

describe("the outage state proxy.ts reads", () => {
  it("starts the watcher once per outage, fails open when the watcher stops checking, and clears on recovery", () => {
    let watcherStarts = 0;
    setDatabaseWatcher(() => {
      watcherStarts += 1;
    });
    reportDatabaseAvailable();
    expect(isDatabaseKnownDown()).toBe(false);
    expect(noteIfDatabaseUnreachable(new Error("a bug"))).toBe(false);
    expect(isDatabaseKnownDown()).toBe(false);

    const t0 = 1_000_000;
    reportDatabaseUnavailable(t0);
    reportDatabaseUnavailable(t0 + 10);
    expect(watcherStarts).toBe(1);
    expect(isDatabaseKnownDown(t0 + 5_000)).toBe(true);
    expect(isDatabaseKnownDown(t0 + 20_000)).toBe(false); // no heartbeat for 20 s: let requests through
    reportDatabaseChecked(t0 + 19_000);
    expect(isDatabaseKnownDown(t0 + 20_000)).toBe(true);
    reportDatabaseAvailable();
    expect(isDatabaseKnownDown(t0 + 20_000)).toBe(false);

    expect(noteIfDatabaseUnreachable(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(
      true,
    );
    expect(isDatabaseKnownDown()).toBe(true);
    expect(watcherStarts).toBe(2);
    reportDatabaseAvailable();
  });
});

describe("the outage page", () => {
  it("speaks the user's language (cookie, then Accept-Language, then Chinese) and reloads itself", () => {
    expect(outageLocale("en", "zh-CN,zh;q=0.9")).toBe("en");
    expect(outageLocale(undefined, "en-GB,en;q=0.8")).toBe("en");
    expect(outageLocale("xx", null)).toBe("zh-CN");
    const english = outagePageHtml("en", 5);
    expect(english).toContain('<meta http-equiv="refresh" content="5">');
    expect(english).toContain("Service temporarily unavailable");
    expect(english).toContain("every 5 seconds");
    expect(outagePageHtml("zh-CN", 5)).toContain("服务暂时不可用");
    expect(english).not.toContain("<script");
  });
});
