import { describe, expect, it } from "vitest";
import { authenticate, LOCK_DURATION_MS, MAX_FAILED_ATTEMPTS } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { createUser } from "./factories";

const minutes = (n: number) => n * 60_000;

describe("credential sign-in", () => {
  it("accepts the right password, case-insensitively on the e-mail, and records the sign-in", async () => {
    const { user, password } = await createUser();
    const result = await authenticate({ email: `  ${user.email.toUpperCase()} `, password });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "agent" } });
    const audit = await db.auditLog.findFirst({ where: { action: "auth.sign_in", entityId: String(user.id) } });
    expect(audit).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
  });

  it("rejects a wrong password and an unknown e-mail with the same error", async () => {
    const { user } = await createUser();
    expect(await authenticate({ email: user.email, password: "wrong" })).toEqual({ ok: false, error: "invalid_credentials" });
    expect(await authenticate({ email: "nobody@test.example", password: "wrong" })).toEqual({ ok: false, error: "invalid_credentials" });
  });

  it("refuses a deactivated user even with the right password", async () => {
    const { user, password } = await createUser({ active: false });
    expect(await authenticate({ email: user.email, password })).toEqual({ ok: false, error: "account_inactive" });
  });

  it("locks the account on the 5th failure within 15 minutes, for 15 minutes", async () => {
    const { user, password } = await createUser();
    const start = new Date("2026-11-23T08:00:00Z");
    for (let attempt = 1; attempt < MAX_FAILED_ATTEMPTS; attempt++) {
      const result = await authenticate({ email: user.email, password: "wrong", now: new Date(start.getTime() + minutes(attempt)) });
      expect(result).toEqual({ ok: false, error: "invalid_credentials" });
    }
    const fifthAt = new Date(start.getTime() + minutes(MAX_FAILED_ATTEMPTS));
    const fifth = await authenticate({ email: user.email, password: "wrong", now: fifthAt });
    expect(fifth).toEqual({ ok: false, error: "account_locked", lockedUntil: new Date(fifthAt.getTime() + LOCK_DURATION_MS) });

    // Even the right password is refused while locked …
    const during = await authenticate({ email: user.email, password, now: new Date(fifthAt.getTime() + minutes(14)) });
    expect(during).toMatchObject({ ok: false, error: "account_locked" });
    // … and accepted once the lock has run out.
    const after = await authenticate({ email: user.email, password, now: new Date(fifthAt.getTime() + minutes(15) + 1000) });
    expect(after).toMatchObject({ ok: true });
    const audit = await db.auditLog.count({ where: { action: "auth.account_locked", entityId: String(user.id) } });
    expect(audit).toBe(1);
  });

  it("does not lock for failures spread over more than 15 minutes", async () => {
    const { user } = await createUser();
    const start = new Date("2026-11-23T08:00:00Z");
    for (let attempt = 0; attempt < 8; attempt++) {
      const result = await authenticate({ email: user.email, password: "wrong", now: new Date(start.getTime() + minutes(attempt * 4)) });
      expect(result).toEqual({ ok: false, error: "invalid_credentials" });
    }
  });

  it("starts counting afresh after a successful sign-in", async () => {
    const { user, password } = await createUser();
    const start = new Date("2026-11-23T08:00:00Z");
    const at = (n: number) => new Date(start.getTime() + minutes(n));
    for (let n = 0; n < 4; n++) await authenticate({ email: user.email, password: "wrong", now: at(n) });
    expect(await authenticate({ email: user.email, password, now: at(5) })).toMatchObject({ ok: true });
    expect(await authenticate({ email: user.email, password: "wrong", now: at(6) })).toEqual({ ok: false, error: "invalid_credentials" });
  });
});
