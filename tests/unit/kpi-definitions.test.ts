// KPI definitions (lib/kpi/definitions.ts) against small hand-computed fixtures.
import { describe, expect, it } from "vitest";
import {
  businessMinutesExcludingPauses,
  ces,
  change,
  complaintsPer10k,
  csat,
  durationStats,
  isFirstContactResolution,
  mean,
  nps,
  passengersInRange,
  pendingPauses,
  percentile,
  reopenedWithinWindow,
  responseRate,
  share,
  slaCompliance,
} from "@/lib/kpi/definitions";
import type { CalendarSpec } from "@/lib/sla/calendar-schema";

const at = (local: string) => new Date(`${local}:00+08:00`);
const office: CalendarSpec = {
  timeZone: "Asia/Shanghai",
  is24x7: false,
  workingHours: {
    "1": [["09:00", "18:00"]],
    "2": [["09:00", "18:00"]],
    "3": [["09:00", "18:00"]],
    "4": [["09:00", "18:00"]],
    "5": [["09:00", "18:00"]],
  },
  holidays: [{ date: "2026-06-19", kind: "holiday" }],
};

describe("statistics", () => {
  it("percentile interpolates like PostgreSQL percentile_cont", () => {
    expect(percentile([60, 90, 60], 0.5)).toBe(60);
    expect(percentile([60, 90, 60], 0.9)).toBeCloseTo(84, 9); // sorted 60,60,90: rank 1.8 → 60 + 0.8 × 30
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it("durationStats gives mean, median and p90, nulls for an empty period", () => {
    expect(durationStats([540, 150, 1620])).toEqual({ count: 3, mean: 770, median: 540, p90: 1404 });
    expect(durationStats([])).toEqual({ count: 0, mean: null, median: null, p90: null });
    expect(mean([1, 2])).toBe(1.5);
  });

  it("share and change treat an empty base as no data", () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 0)).toBeNull();
    expect(change(4, 1)).toBe(3);
    expect(change(1, 0)).toBeNull();
    expect(change(null, 3)).toBeNull();
    expect(change(-10, -20)).toBe(0.5);
  });
});

describe("satisfaction", () => {
  it("CSAT counts 4–5 over all answers", () => {
    expect(csat([5, 2, 4])).toBeCloseTo(2 / 3, 9);
    expect(csat([3, 3])).toBe(0);
    expect(csat([])).toBeNull();
  });

  it("NPS is % promoters minus % detractors", () => {
    expect(nps([10, 3, 8])).toBe(0);
    expect(nps([10, 9, 7, 0])).toBe(25);
    expect(nps([6, 6])).toBe(-100);
    expect(nps([])).toBeNull();
  });

  it("CES is the mean, response rate answered ÷ sent", () => {
    expect(ces([6, 2, 5])).toBeCloseTo(13 / 3, 9);
    expect(responseRate(4, 3)).toBe(0.75);
    expect(responseRate(0, 0)).toBeNull();
  });
});

describe("business-time durations", () => {
  it("pauses come from the time spent in pending_customer", () => {
    expect(
      pendingPauses([
        { at: at("2026-06-05T17:00"), to: "new" },
        { at: at("2026-06-05T17:30"), to: "pending_customer" },
        { at: at("2026-06-08T10:00"), to: "in_progress" },
        { at: at("2026-06-09T10:00"), to: "pending_customer" },
      ]),
    ).toEqual([
      { from: at("2026-06-05T17:30"), to: at("2026-06-08T10:00") },
      { from: at("2026-06-09T10:00"), to: null },
    ]);
  });

  it("FRT over a weekend with a pause: 180 working minutes minus 90 paused", () => {
    const pauses = [{ from: at("2026-06-05T17:30"), to: at("2026-06-08T10:00") }];
    expect(businessMinutesExcludingPauses(office, at("2026-06-05T17:00"), at("2026-06-08T11:00"), pauses)).toBe(90);
    expect(businessMinutesExcludingPauses(office, at("2026-06-05T17:00"), at("2026-06-08T11:00"), [])).toBe(180);
  });

  it("clips pauses to the interval, merges overlaps and skips holidays", () => {
    const overlapping = [
      { from: at("2026-06-01T08:00"), to: at("2026-06-01T10:00") },
      { from: at("2026-06-01T09:30"), to: at("2026-06-01T11:00") },
    ];
    expect(businessMinutesExcludingPauses(office, at("2026-06-01T09:00"), at("2026-06-01T12:00"), overlapping)).toBe(
      60,
    );
    // Thursday 17:00 → Monday 10:00 with Friday 19 June a holiday: 60 + 60 minutes.
    expect(businessMinutesExcludingPauses(office, at("2026-06-18T17:00"), at("2026-06-22T10:00"), [])).toBe(120);
    expect(businessMinutesExcludingPauses(office, at("2026-06-01T12:00"), at("2026-06-01T09:00"), [])).toBe(0);
  });
});

describe("resolution quality", () => {
  it("a reopen within 7 days of a resolution counts, a later one does not", () => {
    const within = [
      { at: at("2026-06-10T15:00"), to: "resolved" as const },
      { at: at("2026-06-12T10:00"), to: "reopened" as const },
    ];
    const later = [
      { at: at("2026-06-10T15:00"), to: "resolved" as const },
      { at: at("2026-06-20T10:00"), to: "reopened" as const },
    ];
    expect(reopenedWithinWindow(within)).toBe(true);
    expect(reopenedWithinWindow(later)).toBe(false);
    expect(reopenedWithinWindow([])).toBe(false);
  });

  it("FCR: resolved, at most one reply, never escalated, not reopened within 7 days", () => {
    const base = { resolved: true, customerReplyCount: 1, escalationLevel: 1, reopenedWithin7d: false };
    expect(isFirstContactResolution(base)).toBe(true);
    expect(isFirstContactResolution({ ...base, customerReplyCount: 0 })).toBe(true);
    expect(isFirstContactResolution({ ...base, customerReplyCount: 2 })).toBe(false);
    expect(isFirstContactResolution({ ...base, escalationLevel: 2 })).toBe(false);
    expect(isFirstContactResolution({ ...base, reopenedWithin7d: true })).toBe(false);
    expect(isFirstContactResolution({ ...base, resolved: false })).toBeNull();
  });

  it("SLA compliance counts decided clocks only", () => {
    expect(slaCompliance([true, false, true, null])).toBeCloseTo(2 / 3, 9);
    expect(slaCompliance([null])).toBeNull();
  });
});

describe("complaints per 10,000 passengers", () => {
  const volumes = [
    { month: new Date("2026-05-01T00:00:00Z"), passengers: 310_000 },
    { month: new Date("2026-06-01T00:00:00Z"), passengers: 300_000 },
  ];

  it("prorates partial months and needs every touched month", () => {
    expect(passengersInRange(volumes, new Date("2026-06-01T00:00:00Z"), new Date("2026-07-01T00:00:00Z"))).toBe(
      300_000,
    );
    expect(passengersInRange(volumes, new Date("2026-05-17T00:00:00Z"), new Date("2026-06-16T00:00:00Z"))).toBeCloseTo(
      150_000 + 150_000,
      6,
    );
    expect(passengersInRange(volumes, new Date("2026-06-15T00:00:00Z"), new Date("2026-07-02T00:00:00Z"))).toBeNull();
  });

  it("is complaints ÷ passengers × 10,000", () => {
    expect(complaintsPer10k(4, 300_000)).toBeCloseTo(0.13333, 4);
    expect(complaintsPer10k(4, null)).toBeNull();
    expect(complaintsPer10k(0, 0)).toBeNull();
  });
});

describe("point-in-time backlog, reopen rate and satisfaction measures (issue 15)", () => {
  const t = (local: string) => new Date(`${local}:00+08:00`);
  it("done spans follow the status history: reopen ends one, resolved → closed stays one", async () => {
    const { doneSpans, openAt } = await import("@/lib/kpi/definitions");
    const spans = doneSpans([
      { at: t("2026-11-01T09:00"), to: "new" },
      { at: t("2026-11-02T09:00"), to: "resolved" },
      { at: t("2026-11-04T09:00"), to: "closed" },
      { at: t("2026-11-10T09:00"), to: "reopened" },
      { at: t("2026-11-12T09:00"), to: "rejected" },
    ]);
    expect(spans).toEqual([
      { doneAt: t("2026-11-02T09:00"), reopenedAt: t("2026-11-10T09:00") },
      { doneAt: t("2026-11-12T09:00"), reopenedAt: null },
    ]);
    expect(openAt(spans, t("2026-11-01T12:00"))).toBe(true);
    expect(openAt(spans, t("2026-11-05T00:00"))).toBe(false);
    expect(openAt(spans, t("2026-11-11T00:00"))).toBe(true);
    expect(openAt(spans, t("2026-11-30T00:00"))).toBe(false);
  });
  it("reopen rate: first resolution in the period, reopened within the window, even while open again", async () => {
    const { firstResolution, reopenRate, reopenedWithin } = await import("@/lib/kpi/definitions");
    const reopened = firstResolution([
      { at: t("2026-11-01T09:00"), to: "new" },
      { at: t("2026-11-02T09:00"), to: "resolved" },
      { at: t("2026-11-05T09:00"), to: "reopened" },
      { at: t("2026-11-06T09:00"), to: "in_progress" },
    ]);
    expect(reopened).toEqual({ resolvedAt: t("2026-11-02T09:00"), reopenDelayMin: 3 * 1_440 });
    expect(firstResolution([{ at: t("2026-11-01T09:00"), to: "new" }])).toEqual({
      resolvedAt: null,
      reopenDelayMin: null,
    });
    expect(reopenedWithin(3 * 1_440, 3)).toBe(false); // "within 3 days" is strictly less than 72 h
    expect(reopenedWithin(3 * 1_440 - 1, 3)).toBe(true);
    // Seven resolved, one reopened after 3 days, one after 40 days: 1/7 within 30 days, 2/7 within 60.
    const delays = [null, null, null, null, null, 3 * 1_440, 40 * 1_440];
    expect(reopenRate(delays, 30)).toBeCloseTo(1 / 7);
    expect(reopenRate(delays, 60)).toBeCloseTo(2 / 7);
    expect(reopenRate([], 30)).toBeNull();
  });
  it("mean CSAT on 1–5 and 0–100, recommendation rate", async () => {
    const { csatMean, csatMeanAs100, recommendationRate } = await import("@/lib/kpi/definitions");
    expect(csatMean([5, 2, 4])).toBeCloseTo(11 / 3);
    expect(csatMeanAs100(11 / 3)).toBeCloseTo(((11 / 3 - 1) / 4) * 100);
    expect(csatMeanAs100(1)).toBe(0);
    expect(csatMeanAs100(5)).toBe(100);
    expect(recommendationRate([10, 3, 8, 9])).toBe(0.5);
    expect(recommendationRate([])).toBeNull();
  });
});
