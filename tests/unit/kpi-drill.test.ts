// Drill-down cohorts as queue filters (lib/complaints/kpi-drill.ts): a heatmap cell narrows the cohort to the local
// weekday / hour of creation through the KPI fact, without changing the cohort itself.
import { describe, expect, it } from "vitest";
import { drillWhere } from "@/lib/complaints/kpi-drill";

const range = { from: new Date("2026-05-31T16:00:00Z"), to: new Date("2026-06-30T16:00:00Z") };

describe("drillWhere", () => {
  it("leaves a cohort without a slot unchanged", () => {
    expect(drillWhere("inflow", range)).toEqual({
      createdAt: { gte: range.from, lt: range.to },
      status: { not: "duplicate" },
    });
    expect(drillWhere("escalated", range, { level: 3 })).toEqual({
      createdAt: { gte: range.from, lt: range.to },
      status: { not: "duplicate" },
      kpiFact: { is: { escalationLevel: 3 } },
    });
  });

  it("narrows a heatmap cell to the weekday and hour of creation via the KPI fact", () => {
    expect(drillWhere("inflow", range, { weekday: 0, hour: 9 })).toEqual({
      AND: [
        { createdAt: { gte: range.from, lt: range.to }, status: { not: "duplicate" } },
        { kpiFact: { is: { createdWeekday: 0, createdHour: 9 } } },
      ],
    });
    expect(drillWhere("inflow", range, { hour: 0 })).toEqual({
      AND: [
        { createdAt: { gte: range.from, lt: range.to }, status: { not: "duplicate" } },
        { kpiFact: { is: { createdHour: 0 } } },
      ],
    });
    // A cohort that filters on the fact itself keeps its own condition (AND, not an overwritten key).
    expect(drillWhere("escalated", range, { level: 2, weekday: 6 })).toEqual({
      AND: [
        {
          createdAt: { gte: range.from, lt: range.to },
          status: { not: "duplicate" },
          kpiFact: { is: { escalationLevel: 2 } },
        },
        { kpiFact: { is: { createdWeekday: 6 } } },
      ],
    });
  });
});
