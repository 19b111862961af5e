// One complaint → its KPI fact row (lib/kpi/facts.ts): SLA outcomes, business vs calendar time, FCR, duplicates.
import { describe, expect, it } from "vitest";
import { clockOutcome, computeFact, type FactInput } from "@/lib/kpi/facts";
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
  holidays: [],
};

function input(overrides: Partial<FactInput>): FactInput {
  return {
    id: 1,
    createdAt: at("2026-06-05T17:00"),
    status: "new",
    teamId: 1,
    categoryId: 2,
    channelId: 3,
    tierId: 4,
    severityId: 5,
    assigneeId: 6,
    rootCauseId: null,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    escalationLevel: 1,
    maxEscalatedLevel: 1,
    reopenCount: 0,
    customerReplyCount: 0,
    statusChanges: [],
    clocks: [],
    calendar: office,
    ...overrides,
  };
}

describe("clock outcomes", () => {
  it("met, breached (recorded or fulfilled late) or undecided", () => {
    const due = at("2026-06-01T11:00");
    expect(
      clockOutcome({ kind: "first_response", dueAt: due, fulfilledAt: at("2026-06-01T11:00"), breachedAt: null }),
    ).toBe(true);
    expect(
      clockOutcome({ kind: "first_response", dueAt: due, fulfilledAt: at("2026-06-01T11:01"), breachedAt: null }),
    ).toBe(false);
    expect(
      clockOutcome({ kind: "first_response", dueAt: due, fulfilledAt: at("2026-06-01T12:00"), breachedAt: due }),
    ).toBe(false);
    expect(clockOutcome({ kind: "first_response", dueAt: due, fulfilledAt: null, breachedAt: null })).toBeNull();
    expect(clockOutcome(undefined)).toBeNull();
  });
});

describe("computeFact", () => {
  it("business FRT excludes nights, weekends and the pause; calendar FRT does not", () => {
    const fact = computeFact(
      input({
        status: "resolved",
        firstResponseAt: at("2026-06-08T11:00"),
        resolvedAt: at("2026-06-08T12:00"),
        customerReplyCount: 2,
        statusChanges: [
          { at: at("2026-06-05T17:00"), to: "new" },
          { at: at("2026-06-05T17:30"), to: "pending_customer" },
          { at: at("2026-06-08T10:00"), to: "in_progress" },
          { at: at("2026-06-08T12:00"), to: "resolved" },
        ],
      }),
    );
    expect(fact).toMatchObject({
      frtBusinessMin: 90,
      frtCalendarMin: 3960,
      resolutionBusinessMin: 150,
      resolutionCalendarMin: 4020,
      fcr: false,
      doneAt: at("2026-06-08T12:00"),
    });
  });

  it("records the local (China Standard Time) weekday and hour of creation: the heatmap cell", () => {
    // Friday 2026-06-05 17:00 local; 23:30 local on Sunday is still Sunday although it is 15:30 UTC.
    expect(computeFact(input({}))).toMatchObject({ createdWeekday: 5, createdHour: 17 });
    expect(computeFact(input({ createdAt: at("2026-06-07T23:30") }))).toMatchObject({
      createdWeekday: 0,
      createdHour: 23,
    });
    // 00:15 local on Monday is 16:15 UTC on Sunday.
    expect(computeFact(input({ createdAt: new Date("2026-06-07T16:15:00Z") }))).toMatchObject({
      createdWeekday: 1,
      createdHour: 0,
    });
  });

  it("without an SLA calendar business time equals calendar time", () => {
    const fact = computeFact(input({ calendar: null, firstResponseAt: at("2026-06-06T17:00") }));
    expect(fact.frtBusinessMin).toBe(1440);
    expect(fact.frtCalendarMin).toBe(1440);
  });

  it("an open complaint has no resolution figures and is in the backlog", () => {
    const fact = computeFact(input({ status: "reopened", resolvedAt: null, reopenCount: 1 }));
    expect(fact).toMatchObject({
      resolvedAt: null,
      resolutionBusinessMin: null,
      doneAt: null,
      fcr: null,
      resolutionMet: null,
    });
  });

  it("a de-escalated complaint still counts as escalated; a duplicate is not inflow", () => {
    expect(computeFact(input({ escalationLevel: 1, maxEscalatedLevel: 3 })).escalationLevel).toBe(3);
    const duplicate = computeFact(input({ status: "duplicate", closedAt: at("2026-06-05T18:00") }));
    expect(duplicate).toMatchObject({ inflow: false, doneAt: at("2026-06-05T18:00") });
  });

  it("a closed complaint keeps its resolution time; a rejected one is done without it", () => {
    const closed = computeFact(
      input({
        status: "closed",
        resolvedAt: at("2026-06-08T09:30"),
        closedAt: at("2026-06-12T09:00"),
        customerReplyCount: 1,
      }),
    );
    expect(closed).toMatchObject({ resolutionBusinessMin: 90, fcr: true, doneAt: at("2026-06-08T09:30") });
    const rejected = computeFact(input({ status: "rejected", closedAt: at("2026-06-06T10:00") }));
    expect(rejected).toMatchObject({ resolvedAt: null, doneAt: at("2026-06-06T10:00"), fcr: null });
  });
});
