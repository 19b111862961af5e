// Drill-down from the accountability Pareto (issue 18 item 6): each bar opens the complaints resolved in the period
// with that responsible department, or that external party.
import { describe, expect, it } from "vitest";
import { paretoHref } from "@/lib/kpi/accountability";
import { queueFilterSchema } from "@/lib/complaints/schema";

const period = { fromDay: "2026-11-01", toDay: "2026-11-30" };

describe("paretoHref", () => {
  it("names the department for a department bar and the party for an external one, in the resolved cohort", () => {
    const department = new URL(paretoHref(period, { departmentId: 12, party: "department" }), "http://x");
    expect(department.pathname).toBe("/complaints");
    expect(Object.fromEntries(department.searchParams)).toMatchObject({
      kpi: "resolved",
      from: "2026-11-01",
      to: "2026-11-30",
      responsibleDepartment: "12",
    });
    expect(department.searchParams.has("responsibleParty")).toBe(false);
    const weather = new URL(paretoHref(period, { departmentId: null, party: "weather" }), "http://x");
    expect(Object.fromEntries(weather.searchParams)).toMatchObject({ kpi: "resolved", responsibleParty: "weather" });
  });

  it("the complaint list parses what the link carries and refuses an unknown party", () => {
    const parsed = queueFilterSchema.parse(
      Object.fromEntries(new URL(paretoHref(period, { departmentId: 12, party: "supplier" }), "http://x").searchParams),
    );
    expect(parsed).toMatchObject({ kpi: "resolved", responsibleDepartment: [12] });
    expect(queueFilterSchema.parse({ responsibleParty: "weather,atc" }).responsibleParty).toEqual(["weather", "atc"]);
    expect(queueFilterSchema.safeParse({ responsibleParty: "martians" }).success).toBe(false);
  });
});
