import { describe, expect, it } from "vitest";
import { FAILURE_WINDOW_MS, failureWindowStart } from "@/lib/auth/sign-in";

const now = new Date("2026-11-23T10:00:00Z");

describe("failureWindowStart", () => {
  it("counts failures of the last 15 minutes by default", () => {
    expect(failureWindowStart(now, null, null)).toEqual(new Date(now.getTime() - FAILURE_WINDOW_MS));
  });

  it("forgets failures before the last successful sign-in", () => {
    const success = new Date("2026-11-23T09:55:00Z");
    expect(failureWindowStart(now, success, null)).toEqual(success);
  });

  it("forgets failures before an expired lock ended", () => {
    const lockEnded = new Date("2026-11-23T09:58:00Z");
    expect(failureWindowStart(now, null, lockEnded)).toEqual(lockEnded);
  });

  it("ignores a lock still in force (the caller refuses sign-in before counting)", () => {
    const lockEnds = new Date("2026-11-23T10:05:00Z");
    expect(failureWindowStart(now, null, lockEnds)).toEqual(new Date(now.getTime() - FAILURE_WINDOW_MS));
  });
});
