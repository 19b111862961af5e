// Credential sign-in without lockout (issue 14 item 4): one answer for every failure, growing waits per account and
// address, a per-account ceiling that only slows, one e-mail per burst, admin view and clear, equal timing.
import { describe, expect, it } from "vitest";
import { authenticate as authenticateAnswering, FAILURE_ANSWER_MS } from "@/lib/auth/sign-in";
import { pairDelayMs, purgeSignInThrottles, THROTTLE } from "@/lib/auth/throttle";
import { clearSignInThrottle, listSignInThrottles } from "@/lib/auth/throttle-admin";
import { db } from "@/lib/db";
import { makeUser, makeStaff } from "./factories";

const FAILED = { ok: false, error: "invalid_credentials" } as const;
const ATTACKER = "203.0.113.66";
const OFFICE = "198.51.100.7";
const seconds = (n: number) => n * 1_000;
/** The throttle maths without the fixed answer time of failures (the timing test below keeps it). */
const authenticate = (input: Parameters<typeof authenticateAnswering>[0]) =>
  authenticateAnswering({ failureAnswerMs: 0, ...input });

describe("credential sign-in", () => {
  it("accepts the right password, case-insensitively on the e-mail, and records the sign-in", async () => {
    const { user, password } = await makeUser();
    const result = await authenticate({ email: `  ${user.email.toUpperCase()} `, password });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "agent" } });
    const audit = await db.auditLog.findFirst({ where: { action: "auth.sign_in", entityId: String(user.id) } });
    expect(audit).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
  });

  it("rejects a wrong password and an unknown e-mail with the same answer", async () => {
    const { user } = await makeUser();
    expect(await authenticate({ email: user.email, password: "wrong" })).toEqual(FAILED);
    expect(await authenticate({ email: "nobody@test.example", password: "wrong" })).toEqual(FAILED);
  });

  it("refuses a deactivated user even with the right password", async () => {
    const { user, password } = await makeUser({ active: false });
    expect(await authenticate({ email: user.email, password })).toEqual({ ok: false, error: "account_inactive" });
  });
});

describe("throttling instead of lockout", () => {
  it(
    "50 bad attempts from an attacker's address never keep the user out from another address",
    { timeout: 180_000 },
    async () => {
      const { user, password } = await makeUser();
      const start = new Date("2026-12-07T08:00:00Z");
      for (let attempt = 0; attempt < 50; attempt++) {
        expect(
          await authenticate({
            email: user.email,
            password: `guess-${attempt}`,
            ip: ATTACKER,
            now: new Date(start.getTime() + attempt * 100),
          }),
        ).toEqual(FAILED);
      }
      expect(
        await authenticate({ email: user.email, password, ip: OFFICE, now: new Date(start.getTime() + seconds(6)) }),
      ).toMatchObject({ ok: true });
      // The attacker's address is waiting: even the right password from there gets the ordinary failure answer.
      expect(
        await authenticate({ email: user.email, password, ip: ATTACKER, now: new Date(start.getTime() + seconds(7)) }),
      ).toEqual(FAILED);
      const pair = await db.signInThrottle.findUniqueOrThrow({ where: { key: `pair:${user.email}|${ATTACKER}` } });
      // Only the evaluated guesses count as failures; the rest were turned away without looking at the password.
      expect(pair.failures).toBeLessThan(10);
      expect(pair.failures + pair.refused).toBe(51);
    },
  );

  it(
    "makes one address wait longer after every failure past the free ones, and lets it in once the wait is over",
    { timeout: 120_000 },
    async () => {
      const { user, password } = await makeUser();
      let now = new Date("2026-12-07T09:00:00Z");
      const tick = (ms: number) => (now = new Date(now.getTime() + ms));
      for (let attempt = 1; attempt <= THROTTLE.freePairFailures + 2; attempt++) {
        expect(await authenticate({ email: user.email, password: "wrong", ip: ATTACKER, now: tick(10) })).toEqual(
          FAILED,
        );
        const pair = await db.signInThrottle.findUniqueOrThrow({ where: { key: `pair:${user.email}|${ATTACKER}` } });
        expect(pair.failures).toBe(attempt);
        const wait = pairDelayMs(attempt);
        expect(pair.nextAllowedAt?.getTime() ?? now.getTime()).toBe(now.getTime() + wait);
        if (wait > 0) {
          // During the wait the right password is turned away; right after it, the next attempt is evaluated.
          expect(await authenticate({ email: user.email, password, ip: ATTACKER, now: tick(wait - 20) })).toEqual(
            FAILED,
          );
          tick(20);
        }
      }
      expect(pairDelayMs(THROTTLE.freePairFailures + 2)).toBe(seconds(2));
      expect(await authenticate({ email: user.email, password, ip: ATTACKER, now: tick(1) })).toMatchObject({
        ok: true,
      });
      // A success from that address starts the pair afresh.
      expect(await db.signInThrottle.findUnique({ where: { key: `pair:${user.email}|${ATTACKER}` } })).toBeNull();
    },
  );

  it(
    "past the account ceiling (many addresses) slows every attempt but still lets the right password in",
    { timeout: 120_000 },
    async () => {
      const { user, password } = await makeUser();
      const now = new Date();
      for (let address = 0; address < THROTTLE.accountCeiling + 6; address++) {
        expect(await authenticate({ email: user.email, password: "wrong", ip: `192.0.2.${address}`, now })).toEqual(
          FAILED,
        );
      }
      const startedAt = performance.now();
      expect(await authenticate({ email: user.email, password, ip: OFFICE, now })).toMatchObject({ ok: true });
      expect(performance.now() - startedAt).toBeGreaterThanOrEqual(6 * THROTTLE.accountSlowStepMs - 5);
    },
  );

  it("e-mails the account's owner once per burst of failures", { timeout: 120_000 }, async () => {
    const { user } = await makeUser();
    const start = new Date("2026-12-07T10:00:00Z");
    for (let attempt = 0; attempt < THROTTLE.burstFailures * 2; attempt++) {
      await authenticate({
        email: user.email,
        password: "wrong",
        ip: `192.0.2.${attempt}`,
        now: new Date(start.getTime() + attempt * 1_000),
      });
    }
    const mails = await db.outboundEmail.findMany({
      where: { to: user.email },
      select: { subject: true, text: true, kind: true },
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "notification" });
    expect(mails[0]?.text).toContain(String(THROTTLE.burstFailures));
    // A new burst in a later window gets its own e-mail.
    const later = new Date(start.getTime() + THROTTLE.accountWindowMs + 60_000);
    for (let attempt = 0; attempt < THROTTLE.burstFailures; attempt++) {
      await authenticate({
        email: user.email,
        password: "wrong",
        ip: `192.0.2.${100 + attempt}`,
        now: new Date(later.getTime() + attempt * 1_000),
      });
    }
    expect(await db.outboundEmail.count({ where: { to: user.email } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "auth.failure_burst", entityId: String(user.id) } })).toBe(2);
  });

  it("never e-mails for an unknown account", async () => {
    const email = `ghost-${Date.now()}@test.example`;
    for (let attempt = 0; attempt < THROTTLE.burstFailures + 1; attempt++)
      await authenticate({ email, password: "wrong", ip: `192.0.2.${attempt}` });
    expect(await db.outboundEmail.count({ where: { to: email } })).toBe(0);
  });
});

describe("throttles for administrators", () => {
  it("lists a waiting address and clears it (audited), after which the right password works from there", async () => {
    const { user, password } = await makeUser();
    const admin = await makeStaff("admin");
    const agent = await makeStaff("agent");
    const now = new Date();
    for (let attempt = 0; attempt < THROTTLE.freePairFailures + 3; attempt++)
      await authenticate({ email: user.email, password: "wrong", ip: ATTACKER, now });
    const listed = await listSignInThrottles(admin.actor, now);
    const row = listed.find((item) => item.email === user.email && item.ip === ATTACKER);
    // The first failure past the free ones starts a wait; the two attempts within it were turned away unevaluated.
    expect(row).toMatchObject({ state: "waiting", failures: THROTTLE.freePairFailures + 1, refused: 2 });
    expect(await listSignInThrottles(agent.actor, now)).toEqual([]);
    expect(await clearSignInThrottle(agent.actor, { key: row?.key })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await clearSignInThrottle(admin.actor, { key: "" })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { key: expect.any(Array) },
    });

    expect(await authenticate({ email: user.email, password, ip: ATTACKER, now })).toEqual(FAILED);
    expect(await clearSignInThrottle(admin.actor, { key: row?.key })).toEqual({ ok: true, cleared: true });
    expect(await clearSignInThrottle(admin.actor, { key: row?.key })).toMatchObject({ ok: false, error: "not_found" });
    const audit = await db.auditLog.findFirst({ where: { action: "auth.throttle_cleared", actorId: admin.user.id } });
    expect(audit).toMatchObject({
      entityId: String(user.id),
      changes: expect.objectContaining({ email: user.email, ip: ATTACKER }),
    });
    expect(await authenticate({ email: user.email, password, ip: ATTACKER, now })).toMatchObject({ ok: true });
  });
});

describe("bounded table", () => {
  it("purges throttle rows idle for a day and keeps the recent ones", async () => {
    const now = new Date();
    await authenticate({
      email: "old-noise@test.example",
      password: "x",
      ip: "192.0.2.250",
      now: new Date(now.getTime() - THROTTLE.pairForgetMs - 60_000),
    });
    await authenticate({ email: "new-noise@test.example", password: "x", ip: "192.0.2.251", now });
    expect(await purgeSignInThrottles(db, now)).toBeGreaterThanOrEqual(2);
    expect(await db.signInThrottle.count({ where: { email: "old-noise@test.example" } })).toBe(0);
    expect(await db.signInThrottle.count({ where: { email: "new-noise@test.example" } })).toBe(2);
  });
});

describe("timing", () => {
  it("answers an unknown account, a wrong password and a waiting address in the same time (median within 10 ms)", async () => {
    const TRIES = 30;
    const users = await Promise.all(Array.from({ length: TRIES }, () => makeUser()));
    // A real user whose attempts from this address are being turned away for the next ~15 minutes.
    const { user: waiting } = await makeUser();
    const setupAt = new Date(Date.now() - 60_000);
    for (let attempt = 0; attempt < THROTTLE.freePairFailures + 11; attempt++) {
      await authenticate({ email: waiting.email, password: "wrong", ip: "198.18.0.1", now: setupAt });
    }
    await authenticate({ email: "warm-up@test.example", password: "x", ip: "198.18.0.2" });
    const samples = { unknown: [] as number[], wrong: [] as number[], waiting: [] as number[] };
    const time = async (run: () => Promise<unknown>) => {
      const startedAt = performance.now();
      expect(await run()).toEqual(FAILED);
      return performance.now() - startedAt;
    };
    for (let index = 0; index < TRIES; index++) {
      // Interleaved, so that load on the machine hits all three alike, in a rotating order (the first of each round
      // must not always be the same kind); one address each, as one attacker would probe.
      const probes = [
        async () =>
          samples.unknown.push(
            await time(() =>
              authenticateAnswering({ email: `nobody-${index}@test.example`, password: "guess", ip: "198.18.0.3" }),
            ),
          ),
        async () =>
          samples.wrong.push(
            await time(() =>
              authenticateAnswering({ email: users[index]?.user.email ?? "", password: "guess", ip: "198.18.0.4" }),
            ),
          ),
        async () =>
          samples.waiting.push(
            await time(() => authenticateAnswering({ email: waiting.email, password: "guess", ip: "198.18.0.1" })),
          ),
      ];
      for (let turn = 0; turn < probes.length; turn++) await probes[(index + turn) % probes.length]!();
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const medians = {
      unknown: median(samples.unknown),
      wrong: median(samples.wrong),
      waiting: median(samples.waiting),
    };
    const spread = Math.max(...Object.values(medians)) - Math.min(...Object.values(medians));
    // The bound (± 10 ms of the median), whatever the load: the answers are padded to FAILURE_ANSWER_MS or to
    // the slowest recent failure, so the path taken does not show in the time.
    const tolerance = 10;
    expect(spread, JSON.stringify(medians)).toBeLessThanOrEqual(tolerance);
    expect(medians.unknown).toBeGreaterThanOrEqual(FAILURE_ANSWER_MS - 1);
  }, 300_000);
});
