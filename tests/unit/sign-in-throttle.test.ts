import { describe, expect, it } from "vitest";
import {
  accountFailuresNow,
  accountSlowMs,
  burstNeedsNotice,
  pairDelayMs,
  pairWaiting,
  THROTTLE,
} from "@/lib/auth/throttle";

const now = new Date("2026-12-07T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const ahead = (ms: number) => new Date(now.getTime() + ms);

describe("pair delays (one account from one address)", () => {
  it("lets the first failures through at once, then doubles the wait from one second", () => {
    const free = THROTTLE.freePairFailures;
    for (let failures = 0; failures <= free; failures++) expect(pairDelayMs(failures)).toBe(0);
    expect([1, 2, 3, 4, 5].map((extra) => pairDelayMs(free + extra))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it("caps the wait at 15 minutes, also for absurd counts", () => {
    expect(pairDelayMs(THROTTLE.freePairFailures + 11)).toBe(15 * 60_000);
    expect(pairDelayMs(1_000_000)).toBe(15 * 60_000);
  });

  it("waits only until the next allowed time, and forgets a pair idle for a day", () => {
    expect(pairWaiting(null, now)).toBe(false);
    expect(pairWaiting({ nextAllowedAt: null, lastFailureAt: ago(1_000) }, now)).toBe(false);
    expect(pairWaiting({ nextAllowedAt: ahead(1), lastFailureAt: ago(1_000) }, now)).toBe(true);
    expect(pairWaiting({ nextAllowedAt: now, lastFailureAt: ago(1_000) }, now)).toBe(false);
    expect(pairWaiting({ nextAllowedAt: ahead(60_000), lastFailureAt: ago(THROTTLE.pairForgetMs + 1) }, now)).toBe(
      false,
    );
  });
});

describe("account ceiling (all addresses)", () => {
  it("slows in steps past the ceiling, up to two seconds, and never refuses", () => {
    expect(accountSlowMs(THROTTLE.accountCeiling)).toBe(0);
    expect(accountSlowMs(THROTTLE.accountCeiling + 1)).toBe(THROTTLE.accountSlowStepMs);
    expect(accountSlowMs(THROTTLE.accountCeiling + 4)).toBe(4 * THROTTLE.accountSlowStepMs);
    expect(accountSlowMs(100_000)).toBe(THROTTLE.accountMaxSlowMs);
  });

  it("counts failures within the window only", () => {
    expect(accountFailuresNow(null, now)).toBe(0);
    expect(accountFailuresNow({ failures: 30, windowStart: ago(60_000) }, now)).toBe(30);
    expect(accountFailuresNow({ failures: 30, windowStart: ago(THROTTLE.accountWindowMs) }, now)).toBe(0);
  });

  it("asks for one burst e-mail per window", () => {
    const windowStart = ago(60_000);
    expect(burstNeedsNotice({ failures: THROTTLE.burstFailures - 1, windowStart, notifiedAt: null })).toBe(false);
    expect(burstNeedsNotice({ failures: THROTTLE.burstFailures, windowStart, notifiedAt: null })).toBe(true);
    expect(burstNeedsNotice({ failures: THROTTLE.burstFailures + 5, windowStart, notifiedAt: ago(30_000) })).toBe(
      false,
    );
    expect(
      burstNeedsNotice({
        failures: THROTTLE.burstFailures,
        windowStart,
        notifiedAt: ago(THROTTLE.accountWindowMs + 60_000),
      }),
    ).toBe(true);
  });
});
