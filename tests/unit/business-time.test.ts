// Expected instants are worked out by hand (Asia/Shanghai = UTC+8; New York EST −5 / EDT −4 from 2026-03-08 07:00Z;
// Berlin CEST +2 / CET +1 from 2026-10-25 01:00Z) and written as literals, never computed with the code under test.
import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessMinutesBetween,
  dueAtWithPauses,
  nextWorkingPeriods,
  remainingBusinessMinutes,
} from "@/lib/sla/business-time";
import { calendarSpecSchema, toCalendarSpec, type CalendarSpec } from "@/lib/sla/calendar-schema";

type Hours = [string, string][];
const NINE_TO_SIX: Hours = [["09:00", "18:00"]];
const NINE_TO_FIVE: Hours = [["09:00", "17:00"]];

function calendar(
  timeZone: string,
  workingHours: Partial<Record<"0" | "1" | "2" | "3" | "4" | "5" | "6", Hours>>,
  holidays: CalendarSpec["holidays"] = [],
): CalendarSpec {
  return calendarSpecSchema.parse({ timeZone, is24x7: false, workingHours, holidays });
}
const weekdays = (hours: Hours) => ({ "1": hours, "2": hours, "3": hours, "4": hours, "5": hours });

const ALWAYS = calendarSpecSchema.parse({ timeZone: "Asia/Shanghai", is24x7: true, workingHours: {}, holidays: [] });
const ALWAYS_NY = calendarSpecSchema.parse({
  timeZone: "America/New_York",
  is24x7: true,
  workingHours: {},
  holidays: [],
});
const OFFICE = calendar("Asia/Shanghai", weekdays(NINE_TO_SIX));
const LUNCH = calendar(
  "Asia/Shanghai",
  weekdays([
    ["09:00", "12:00"],
    ["13:00", "18:00"],
  ]),
);
// Fixture holidays (not a claim about the real 2026 schedule): 10-01..10-07 off, Sunday 09-27 and Saturday 10-10
// worked.
const NATIONAL_DAY = calendar("Asia/Shanghai", weekdays(NINE_TO_SIX), [
  { date: "2026-09-27", kind: "workday" },
  ...["01", "02", "03", "04", "05", "06", "07"].map((d) => ({ date: `2026-10-${d}`, kind: "holiday" as const })),
  { date: "2026-10-10", kind: "workday" },
]);
const NIGHT_SHIFT = calendar("Asia/Shanghai", { "1": [["22:00", "24:00"]], "2": [["00:00", "06:00"]] });
const NY_OFFICE = calendar("America/New_York", weekdays(NINE_TO_FIVE));
const NY_SUNDAY_NIGHT = calendar("America/New_York", { "0": [["01:00", "03:00"]] });
const BERLIN_OFFICE = calendar("Europe/Berlin", weekdays(NINE_TO_FIVE));
const BERLIN_SUNDAY_NIGHT = calendar("Europe/Berlin", { "0": [["00:00", "06:00"]] });

const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;
const add = (cal: CalendarSpec, start: string, minutes: number) => iso(addBusinessMinutes(cal, at(start), minutes));
const between = (cal: CalendarSpec, from: string, to: string) => businessMinutesBetween(cal, at(from), at(to));
const periods = (cal: CalendarSpec, from: string, count: number) =>
  nextWorkingPeriods(cal, at(from), count).map((p) => `${p.start.toISOString()} → ${p.end.toISOString()}`);

describe("addBusinessMinutes", () => {
  it("counts every minute on a 24×7 calendar", () => {
    expect(add(ALWAYS, "2026-05-09T10:00:00.000Z", 60)).toBe("2026-05-09T11:00:00.000Z");
    expect(add(ALWAYS, "2026-05-09T10:00:00.000Z", 48 * 60)).toBe("2026-05-11T10:00:00.000Z");
    expect(add(ALWAYS, "2026-05-09T10:00:00.000Z", 1.5)).toBe("2026-05-09T10:01:30.000Z");
  });

  it("carries a Friday-evening target over the weekend", () => {
    // Fri 2026-05-08 17:00 +08: 60 min until closing, 60 more from Mon 09:00 → Mon 10:00 +08.
    expect(add(OFFICE, "2026-05-08T09:00:00.000Z", 120)).toBe("2026-05-11T02:00:00.000Z");
  });

  it("starts counting at the next opening when started on a weekend or before opening", () => {
    expect(add(OFFICE, "2026-05-09T02:00:00.000Z", 30)).toBe("2026-05-11T01:30:00.000Z"); // Sat 10:00 → Mon 09:30
    expect(add(OFFICE, "2026-05-11T23:15:00.000Z", 60)).toBe("2026-05-12T02:00:00.000Z"); // Tue 07:15 → Tue 10:00
  });

  it("treats closing time as outside hours but lets a target end exactly at closing", () => {
    expect(add(OFFICE, "2026-05-12T10:00:00.000Z", 60)).toBe("2026-05-13T02:00:00.000Z"); // Tue 18:00 → Wed 10:00
    expect(add(OFFICE, "2026-05-12T09:00:00.000Z", 60)).toBe("2026-05-12T10:00:00.000Z"); // Tue 17:00 → Tue 18:00
  });

  it("returns the start itself for 0 minutes, even outside hours", () => {
    expect(add(OFFICE, "2026-05-09T02:00:00.000Z", 0)).toBe("2026-05-09T02:00:00.000Z");
  });

  it("handles targets of many working days", () => {
    // 7 × 540 from Mon 05-11 09:00: Mon–Fri, Mon, Tue → Tue 05-19 18:00 +08.
    expect(add(OFFICE, "2026-05-11T01:00:00.000Z", 7 * 540)).toBe("2026-05-19T10:00:00.000Z");
    // 15 × 540 from Wed 05-13 14:00 is three calendar weeks later → Wed 06-03 14:00 +08.
    expect(add(OFFICE, "2026-05-13T06:00:00.000Z", 15 * 540)).toBe("2026-06-03T06:00:00.000Z");
  });

  it("skips the lunch break", () => {
    // Mon 11:30 +08: 30 min until 12:00, 30 min from 13:00 → 13:30 +08.
    expect(add(LUNCH, "2026-05-11T03:30:00.000Z", 60)).toBe("2026-05-11T05:30:00.000Z");
    expect(add(LUNCH, "2026-05-11T04:15:00.000Z", 1)).toBe("2026-05-11T05:01:00.000Z"); // from 12:15
  });

  it("skips holidays and works adjusted workdays", () => {
    // Wed 09-30 17:00: 60 min, then 10-01..10-07 off, Thu 10-08 09:00 + 60 → 10:00 +08.
    expect(add(NATIONAL_DAY, "2026-09-30T09:00:00.000Z", 120)).toBe("2026-10-08T02:00:00.000Z");
    // Sat 09-26 10:00: the next working time is the adjusted Sunday 09-27 from 09:00 → 10:00 +08.
    expect(add(NATIONAL_DAY, "2026-09-26T02:00:00.000Z", 60)).toBe("2026-09-27T02:00:00.000Z");
  });

  it("gives an adjusted workday the hours of the first weekday that has any when Monday has none", () => {
    const tuesdayToSaturday = calendar("Asia/Shanghai", { "2": [["10:00", "16:00"]], "6": [["08:00", "12:00"]] }, [
      { date: "2026-05-10", kind: "workday" }, // a Sunday
    ]);
    expect(add(tuesdayToSaturday, "2026-05-09T23:00:00.000Z", 30)).toBe("2026-05-10T02:30:00.000Z"); // Sun 10:30 +08
  });

  it("joins an overnight shift split at midnight seamlessly", () => {
    // Mon 23:00 +08: 60 min to 24:00, then Tue 00:00–01:00 → Tue 01:00 +08.
    expect(add(NIGHT_SHIFT, "2026-05-11T15:00:00.000Z", 120)).toBe("2026-05-11T17:00:00.000Z");
  });

  it("counts real elapsed time across the New York spring-forward gap", () => {
    // 2026-03-08 00:30 EST = 05:30Z; three real hours later is 08:30Z (04:30 EDT on the wall).
    expect(add(ALWAYS_NY, "2026-03-08T05:30:00.000Z", 180)).toBe("2026-03-08T08:30:00.000Z");
    // Fri 03-06 16:00 EST: 60 min, then Mon 03-09 09:00 EDT + 60 → 10:00 EDT = 14:00Z.
    expect(add(NY_OFFICE, "2026-03-06T21:00:00.000Z", 120)).toBe("2026-03-09T14:00:00.000Z");
    // Sunday 01:00–03:00 lasts one real hour on 03-08 (06:00Z–07:00Z); 30 more min next Sunday from 01:00 EDT.
    expect(add(NY_SUNDAY_NIGHT, "2026-03-08T05:00:00.000Z", 90)).toBe("2026-03-15T05:30:00.000Z");
  });

  it("keeps 09:00–17:00 local across the Berlin autumn change", () => {
    // Fri 10-23 16:00 CEST = 14:00Z: 60 min, then Mon 10-26 09:00 CET + 60 → 10:00 CET = 09:00Z.
    expect(add(BERLIN_OFFICE, "2026-10-23T14:00:00.000Z", 120)).toBe("2026-10-26T09:00:00.000Z");
    // Sunday 00:00 CEST (10-24 22:00Z) + 6 h of work ends at 05:00 CET on the wall clock = 04:00Z.
    expect(add(BERLIN_SUNDAY_NIGHT, "2026-10-24T22:00:00.000Z", 360)).toBe("2026-10-25T04:00:00.000Z");
  });

  it("rejects negative and non-finite minutes", () => {
    expect(() => addBusinessMinutes(OFFICE, at("2026-05-11T01:00:00Z"), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(OFFICE, at("2026-05-11T01:00:00Z"), Number.NaN)).toThrow(RangeError);
  });
});

describe("businessMinutesBetween", () => {
  it("counts working minutes in [from, to)", () => {
    expect(between(OFFICE, "2026-05-08T09:00:00.000Z", "2026-05-11T02:00:00.000Z")).toBe(120); // Fri 17:00 → Mon 10:00
    expect(between(LUNCH, "2026-05-11T01:00:00.000Z", "2026-05-11T10:00:00.000Z")).toBe(480); // Mon 09:00 → 18:00
    expect(between(NATIONAL_DAY, "2026-09-30T00:00:00.000Z", "2026-10-09T00:00:00.000Z")).toBe(2 * 540); // 09-30 and 10-08
    expect(between(NIGHT_SHIFT, "2026-05-11T14:00:00.000Z", "2026-05-11T22:00:00.000Z")).toBe(480); // Mon 22:00 → Tue 06:00
  });

  it("returns 0 for an empty or reversed range and keeps fractions", () => {
    expect(between(OFFICE, "2026-05-11T05:00:00.000Z", "2026-05-11T04:00:00.000Z")).toBe(0);
    expect(between(OFFICE, "2026-05-11T05:00:00.000Z", "2026-05-11T05:00:00.000Z")).toBe(0);
    expect(between(OFFICE, "2026-05-11T01:00:30.000Z", "2026-05-11T01:01:00.000Z")).toBe(0.5);
  });

  it("measures periods that cross a DST transition in real time", () => {
    expect(between(ALWAYS_NY, "2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z")).toBe(23 * 60); // the short day
    expect(between(NY_SUNDAY_NIGHT, "2026-03-08T05:00:00.000Z", "2026-03-08T16:00:00.000Z")).toBe(60); // 01:00–03:00 spring
    expect(between(NY_SUNDAY_NIGHT, "2026-11-01T04:00:00.000Z", "2026-11-01T16:00:00.000Z")).toBe(180); // 01:00–03:00 autumn
    expect(between(BERLIN_SUNDAY_NIGHT, "2026-10-24T20:00:00.000Z", "2026-10-25T12:00:00.000Z")).toBe(420); // 00:00–06:00
  });

  it("inverts addBusinessMinutes", () => {
    const cases: [CalendarSpec, string, number][] = [
      [OFFICE, "2026-05-08T09:00:00.000Z", 120],
      [OFFICE, "2026-05-09T02:00:00.000Z", 15 * 540],
      [LUNCH, "2026-05-11T03:30:00.000Z", 61.25],
      [NATIONAL_DAY, "2026-09-25T04:00:00.000Z", 3 * 540],
      [NIGHT_SHIFT, "2026-05-11T15:00:00.000Z", 200],
      [NY_OFFICE, "2026-03-06T21:00:00.000Z", 7 * 480],
      [BERLIN_OFFICE, "2026-10-22T12:00:00.000Z", 1000],
    ];
    for (const [cal, start, minutes] of cases) {
      const due = addBusinessMinutes(cal, at(start), minutes);
      expect(businessMinutesBetween(cal, at(start), due)).toBe(minutes);
    }
  });
});

describe("nextWorkingPeriods", () => {
  it("lists periods across a weekend, clipping the first to the start", () => {
    expect(periods(NATIONAL_DAY, "2026-09-25T04:00:00.000Z", 4)).toEqual([
      "2026-09-25T04:00:00.000Z → 2026-09-25T10:00:00.000Z", // Fri from 12:00
      "2026-09-27T01:00:00.000Z → 2026-09-27T10:00:00.000Z", // adjusted Sunday
      "2026-09-28T01:00:00.000Z → 2026-09-28T10:00:00.000Z",
      "2026-09-29T01:00:00.000Z → 2026-09-29T10:00:00.000Z",
    ]);
  });

  it("skips a holiday week and includes an adjusted Saturday", () => {
    expect(periods(NATIONAL_DAY, "2026-09-30T10:00:00.000Z", 4)).toEqual([
      "2026-10-08T01:00:00.000Z → 2026-10-08T10:00:00.000Z",
      "2026-10-09T01:00:00.000Z → 2026-10-09T10:00:00.000Z",
      "2026-10-10T01:00:00.000Z → 2026-10-10T10:00:00.000Z",
      "2026-10-12T01:00:00.000Z → 2026-10-12T10:00:00.000Z",
    ]);
  });

  it("shows an overnight shift as two adjoining periods and DST nights at their real length", () => {
    expect(periods(NIGHT_SHIFT, "2026-05-11T00:00:00.000Z", 2)).toEqual([
      "2026-05-11T14:00:00.000Z → 2026-05-11T16:00:00.000Z",
      "2026-05-11T16:00:00.000Z → 2026-05-11T22:00:00.000Z",
    ]);
    expect(periods(NY_SUNDAY_NIGHT, "2026-03-07T00:00:00.000Z", 1)).toEqual([
      "2026-03-08T06:00:00.000Z → 2026-03-08T07:00:00.000Z",
    ]);
    // Boundaries inside the 02:00–03:00 gap fall on the transition itself (07:00Z), the first moment the clock passes
    // them.
    const gapBoundaries = calendar("America/New_York", {
      "0": [
        ["01:00", "02:30"],
        ["02:30", "04:00"],
      ],
    });
    expect(periods(gapBoundaries, "2026-03-07T00:00:00.000Z", 2)).toEqual([
      "2026-03-08T06:00:00.000Z → 2026-03-08T07:00:00.000Z",
      "2026-03-08T07:00:00.000Z → 2026-03-08T08:00:00.000Z",
    ]);
    expect(periods(BERLIN_SUNDAY_NIGHT, "2026-10-24T12:00:00.000Z", 1)).toEqual([
      "2026-10-24T22:00:00.000Z → 2026-10-25T05:00:00.000Z",
    ]);
    expect(periods(OFFICE, "2026-05-11T00:00:00.000Z", 0)).toEqual([]);
  });
});

describe("dueAtWithPauses", () => {
  const START = at("2026-05-11T00:00:00.000Z");
  const due = (cal: CalendarSpec, start: Date, minutes: number, pauses: [string, string | null][]) =>
    iso(
      dueAtWithPauses(
        cal,
        start,
        minutes,
        pauses.map(([from, to]) => ({ from: at(from), to: to === null ? null : at(to) })),
      ),
    );

  it("moves the due time by the paused time", () => {
    // 60 min target, paused after 30 min for 2 h → due at start + 3 h.
    expect(due(ALWAYS, START, 60, [["2026-05-11T00:30:00.000Z", "2026-05-11T02:30:00.000Z"]])).toBe(
      "2026-05-11T03:00:00.000Z",
    );
    expect(due(ALWAYS, START, 60, [])).toBe("2026-05-11T01:00:00.000Z");
  });

  it("has no due time while an open pause holds the clock", () => {
    expect(due(ALWAYS, START, 60, [["2026-05-11T00:30:00.000Z", null]])).toBeNull();
    // A pause opened after the clock was already due does not un-breach it.
    expect(due(ALWAYS, START, 60, [["2026-05-11T01:30:00.000Z", null]])).toBe("2026-05-11T01:00:00.000Z");
  });

  it("merges overlapping pauses and ignores time before the start", () => {
    const overlapping: [string, string][] = [
      ["2026-05-11T00:10:00.000Z", "2026-05-11T00:40:00.000Z"],
      ["2026-05-11T00:20:00.000Z", "2026-05-11T01:10:00.000Z"],
    ];
    expect(due(ALWAYS, START, 60, overlapping)).toBe("2026-05-11T02:00:00.000Z");
    expect(due(ALWAYS, START, 60, [["2026-05-10T23:00:00.000Z", "2026-05-11T00:15:00.000Z"]])).toBe(
      "2026-05-11T01:15:00.000Z",
    );
  });

  it("only discounts working time on an office calendar", () => {
    const monday9 = at("2026-05-11T01:00:00.000Z");
    // 480 min worked by Mon 17:00 +08, paused until Wed 10:00, 60 left → Wed 11:00 +08.
    expect(due(OFFICE, monday9, 540, [["2026-05-11T09:00:00.000Z", "2026-05-13T02:00:00.000Z"]])).toBe(
      "2026-05-13T03:00:00.000Z",
    );
    // Paused only overnight (Mon 19:00 → Tue 08:00): nothing changes, due Mon 18:00 +08.
    expect(due(OFFICE, monday9, 540, [["2026-05-11T11:00:00.000Z", "2026-05-12T00:00:00.000Z"]])).toBe(
      "2026-05-11T10:00:00.000Z",
    );
  });
});

describe("remainingBusinessMinutes", () => {
  const START = at("2026-05-11T00:00:00.000Z");
  it("subtracts working time outside pauses and goes negative when overdue", () => {
    const closed = [{ from: at("2026-05-11T00:30:00.000Z"), to: at("2026-05-11T02:30:00.000Z") }];
    expect(remainingBusinessMinutes(ALWAYS, START, 60, closed, at("2026-05-11T02:45:00.000Z"))).toBe(15);
    const open = [{ from: at("2026-05-11T00:30:00.000Z"), to: null }];
    expect(remainingBusinessMinutes(ALWAYS, START, 60, open, at("2026-05-11T05:00:00.000Z"))).toBe(30);
    expect(remainingBusinessMinutes(ALWAYS, START, 60, [], at("2026-05-11T01:30:00.000Z"))).toBe(-30);
    // Sat 10:00 +08 with a 120 min target on Fri 17:00's clock: 60 worked on Friday.
    expect(
      remainingBusinessMinutes(OFFICE, at("2026-05-08T09:00:00.000Z"), 120, [], at("2026-05-09T02:00:00.000Z")),
    ).toBe(60);
  });
});

describe("calendar schema", () => {
  const parse = (input: unknown) => calendarSpecSchema.safeParse(input).success;
  const valid = { timeZone: "Asia/Shanghai", is24x7: false, workingHours: { "1": NINE_TO_SIX }, holidays: [] };

  it("accepts periods up to 24:00 and rejects malformed ones", () => {
    expect(parse(valid)).toBe(true);
    expect(parse({ ...valid, workingHours: { "1": [["22:00", "24:00"]] } })).toBe(true);
    expect(parse({ ...valid, workingHours: { "1": [["22:00", "24:30"]] } })).toBe(false);
    expect(parse({ ...valid, workingHours: { "1": [["18:00", "09:00"]] } })).toBe(false);
    expect(
      parse({
        ...valid,
        workingHours: {
          "1": [
            ["09:00", "12:00"],
            ["11:00", "18:00"],
          ],
        },
      }),
    ).toBe(false);
    expect(
      parse({
        ...valid,
        workingHours: {
          "1": [
            ["13:00", "18:00"],
            ["09:00", "12:00"],
          ],
        },
      }),
    ).toBe(false);
    expect(parse({ ...valid, workingHours: { "7": NINE_TO_SIX } })).toBe(false);
    expect(parse({ ...valid, workingHours: {} })).toBe(false); // an office calendar without any hours
  });

  it("validates the zone and the holiday dates", () => {
    expect(parse({ ...valid, timeZone: "Mars/Olympus_Mons" })).toBe(false);
    expect(parse({ ...valid, holidays: [{ date: "2026-02-30", kind: "holiday" }] })).toBe(false);
    expect(
      parse({
        ...valid,
        holidays: [
          { date: "2026-10-01", kind: "holiday" },
          { date: "2026-10-01", kind: "workday" },
        ],
      }),
    ).toBe(false);
  });

  it("builds a spec from a calendar row with @db.Date holidays", () => {
    const spec = toCalendarSpec({
      ...valid,
      holidays: [{ date: new Date("2026-10-01T00:00:00.000Z"), kind: "holiday" }],
    });
    expect(spec.holidays).toEqual([{ date: "2026-10-01", kind: "holiday" }]);
  });
});
