// Dashboard periods (lib/kpi/filters.ts): presets in China Standard Time, the previous period, URL round trip.
import { describe, expect, it } from "vitest";
import { dashboardFilterSchema, daysOf, filterParams, parseDashboardParams, resolvePeriod } from "@/lib/kpi/filters";
import { drillHref } from "@/lib/kpi/links";
import { queueFilterSchema } from "@/lib/complaints/schema";

const now = new Date("2026-06-30T17:00:00Z"); // 1 July 01:00 in Shanghai

describe("resolvePeriod", () => {
  it("uses the reporting day, not the UTC day", () => {
    const period = resolvePeriod({ preset: "7d" }, now);
    expect(period).toMatchObject({ fromDay: "2026-06-25", toDay: "2026-07-01", days: 7 });
    expect(period.from.toISOString()).toBe("2026-06-24T16:00:00.000Z");
    expect(period.to.toISOString()).toBe("2026-07-01T16:00:00.000Z");
    expect(period.previous).toMatchObject({ fromDay: "2026-06-18", toDay: "2026-06-24" });
  });

  it("last month, month/quarter/year to date and custom ranges", () => {
    expect(resolvePeriod({ preset: "last_month" }, now)).toMatchObject({
      fromDay: "2026-06-01",
      toDay: "2026-06-30",
      days: 30,
    });
    expect(resolvePeriod({ preset: "mtd" }, now)).toMatchObject({
      fromDay: "2026-07-01",
      toDay: "2026-07-01",
      days: 1,
    });
    expect(resolvePeriod({ preset: "qtd" }, now)).toMatchObject({ fromDay: "2026-07-01" });
    expect(resolvePeriod({ preset: "ytd" }, now)).toMatchObject({ fromDay: "2026-01-01", days: 182 });
    const custom = resolvePeriod({ preset: "custom", from: "2026-06-10", to: "2026-06-30" }, now);
    expect(custom.previous).toMatchObject({ fromDay: "2026-05-20", toDay: "2026-06-09" });
    expect(daysOf(custom)).toHaveLength(21);
  });

  it("whole calendar months compare with the previous calendar months (the monthly report)", () => {
    // June (30 days) against all of May (31 days), not May 2–31.
    const june = resolvePeriod({ preset: "custom", from: "2026-06-01", to: "2026-06-30" }, now);
    expect(june.previous).toMatchObject({
      fromDay: "2026-05-01",
      toDay: "2026-05-31",
      from: new Date("2026-04-30T16:00:00Z"),
      to: new Date("2026-05-31T16:00:00Z"),
    });
    expect(resolvePeriod({ preset: "last_month" }, now).previous).toMatchObject({
      fromDay: "2026-05-01",
      toDay: "2026-05-31",
    });
    // March (31 days) against February (28 days); January against the December before; a quarter against the one
    // before.
    expect(resolvePeriod({ preset: "custom", from: "2026-03-01", to: "2026-03-31" }, now).previous).toMatchObject({
      fromDay: "2026-02-01",
      toDay: "2026-02-28",
    });
    expect(resolvePeriod({ preset: "custom", from: "2026-01-01", to: "2026-01-31" }, now).previous).toMatchObject({
      fromDay: "2025-12-01",
      toDay: "2025-12-31",
    });
    expect(resolvePeriod({ preset: "custom", from: "2026-04-01", to: "2026-06-30" }, now).previous).toMatchObject({
      fromDay: "2026-01-01",
      toDay: "2026-03-31",
    });
  });
});

describe("URL filters", () => {
  it("parses lists and rejects bad input with a fallback", () => {
    expect(parseDashboardParams({ preset: "90d", team: "1,2", severity: "3" })).toEqual({
      filters: expect.objectContaining({ preset: "90d", team: [1, 2], severity: [3] }),
      invalid: false,
    });
    expect(parseDashboardParams({ team: "abc" }).invalid).toBe(true);
    expect(parseDashboardParams({ preset: "custom", from: "2026-06-30", to: "2026-06-01" }).invalid).toBe(true);
    expect(parseDashboardParams({ preset: "forever" })).toEqual({
      filters: expect.objectContaining({ preset: "30d" }),
      invalid: true,
    });
  });

  it("round-trips through filterParams and drills down with the same filters", () => {
    const filters = dashboardFilterSchema.parse({
      preset: "custom",
      from: "2026-06-01",
      to: "2026-06-30",
      team: "4",
      channel: "2,5",
    });
    expect(filterParams(filters)).toEqual({
      preset: "custom",
      from: "2026-06-01",
      to: "2026-06-30",
      team: "4",
      channel: "2,5",
    });
    const period = resolvePeriod(filters, now);
    const href = new URL(drillHref(filters, period, "response_breached", { category: 9 }), "http://x");
    expect(Object.fromEntries(href.searchParams)).toEqual({
      kpi: "response_breached",
      from: "2026-06-01",
      to: "2026-06-30",
      team: "4",
      channel: "2,5",
      category: "9",
      sort: "newest",
    });
    expect(new URL(drillHref(filters, period, "backlog"), "http://x").searchParams.has("from")).toBe(false);
    // A heatmap cell: the period's inflow narrowed to a local weekday and hour, which the queue accepts.
    const cell = Object.fromEntries(
      new URL(drillHref(filters, period, "inflow", { dow: 0, hour: 9 }), "http://x").searchParams,
    );
    expect(cell).toEqual({
      kpi: "inflow",
      from: "2026-06-01",
      to: "2026-06-30",
      team: "4",
      channel: "2,5",
      dow: "0",
      hour: "9",
      sort: "newest",
    });
    expect(queueFilterSchema.parse(cell)).toMatchObject({ kpi: "inflow", dow: 0, hour: 9 });
  });

  it("rejects a heatmap slot out of range", () => {
    for (const bad of [{ dow: "7" }, { dow: "-1" }, { hour: "24" }, { hour: "1.5" }, { hour: "x" }]) {
      expect(queueFilterSchema.safeParse({ kpi: "inflow", ...bad }).success).toBe(false);
    }
  });
});
