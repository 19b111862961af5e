// The KPI SQL path (facts refresh + aggregate queries) against a hand-computed dataset, and the pure definitions on
// the same numbers: business-time FRT with pauses, a reopened complaint, a duplicate, an empty period, scopes.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadManagerDashboard, type Tile } from "@/lib/kpi/dashboard";
import { ces, csat, durationStats, nps } from "@/lib/kpi/definitions";
import { dashboardFilterSchema } from "@/lib/kpi/filters";
import { refreshAllKpiFacts, refreshKpiFacts, kpiDataAsOf } from "@/lib/kpi/refresh";
import { loadAgentDashboard, loadTeamDashboard } from "@/lib/kpi/team";
import { NOW, makeKpiWorld } from "./kpi-fixture";

let world: Awaited<ReturnType<typeof makeKpiWorld>>;
const june = dashboardFilterSchema.parse({ preset: "custom", from: "2026-06-01", to: "2026-06-30" });
const tileOf = (tiles: Tile[], key: Tile["key"]) => tiles.find((tile) => tile.key === key)!;
const detail = (tile: Tile, label: Tile["details"][number]["label"]) =>
  tile.details.find((d) => d.label === label)?.value;

beforeAll(async () => {
  world = await makeKpiWorld();
  await refreshAllKpiFacts(db, { now: NOW });
});

describe("KPI facts", () => {
  it("computes business-time durations with pauses, SLA outcomes and FCR per complaint", async () => {
    const facts = await db.kpiComplaintFact.findMany({ orderBy: { createdAt: "asc" } });
    const byId = new Map(facts.map((fact) => [fact.complaintId, fact]));
    const { c1, c2, c3, c4, c5 } = world.complaints;
    expect(byId.get(c1.id)).toMatchObject({
      frtBusinessMin: 60,
      frtCalendarMin: 60,
      resolutionBusinessMin: 540,
      resolutionCalendarMin: 1440,
      responseMet: true,
      resolutionMet: true,
      fcr: true,
    });
    expect(byId.get(c2.id)).toMatchObject({
      frtBusinessMin: 90,
      frtCalendarMin: 3960,
      resolutionBusinessMin: 150,
      responseMet: false,
      resolutionMet: true,
      fcr: false,
    });
    expect(byId.get(c3.id)).toMatchObject({
      resolutionBusinessMin: 1620,
      resolutionCalendarMin: 7200,
      reopenedWithin7d: true,
      escalationLevel: 2,
      fcr: false,
    });
    expect(byId.get(c4.id)).toMatchObject({ doneAt: null, responseMet: null, fcr: null, resolvedAt: null });
    expect(byId.get(c5.id)).toMatchObject({ inflow: false });
  });

  it("refresh is idempotent and picks up later changes only", async () => {
    const before = await db.kpiComplaintFact.findMany({ orderBy: { complaintId: "asc" }, omit: { refreshedAt: true } });
    const again = await refreshKpiFacts(db, { now: new Date(NOW.getTime() + 60_000) });
    expect(again.skipped).toBe(false);
    const after = await db.kpiComplaintFact.findMany({ orderBy: { complaintId: "asc" }, omit: { refreshedAt: true } });
    expect(after).toEqual(before);
    expect(await kpiDataAsOf(db)).toEqual(new Date(NOW.getTime() + 60_000));

    // Two concurrent runs: one holds the advisory lock, the other skips; the table ends up the same.
    const results = await Promise.all([refreshKpiFacts(db), refreshKpiFacts(db)]);
    expect(results.filter((result) => result.skipped).length).toBeLessThanOrEqual(1);
    expect(await db.kpiComplaintFact.count()).toBe(before.length);

    await db.complaint.update({ where: { id: world.complaints.c4.id }, data: { teamId: world.teamA.id } });
    await refreshAllKpiFacts(db);
    expect((await db.kpiComplaintFact.findUnique({ where: { complaintId: world.complaints.c4.id } }))?.teamId).toBe(
      world.teamA.id,
    );
    await db.complaint.update({ where: { id: world.complaints.c4.id }, data: { teamId: world.teamB.id } });
    await refreshAllKpiFacts(db);
  });
});

describe("manager dashboard", () => {
  it("gives the hand-computed figures, the same as the pure definitions", async () => {
    const dashboard = (await loadManagerDashboard(world.manager.actor, june, NOW))!;
    const tiles = dashboard.tiles;
    expect(tileOf(tiles, "inflow")).toMatchObject({ value: 4, previous: 1, change: 3 });
    expect(tileOf(tiles, "backlog").value).toBe(1);

    const frt = durationStats([60, 90, 60]);
    expect(frt).toEqual({ count: 3, mean: 70, median: 60, p90: 84 });
    const frtTile = tileOf(tiles, "frt");
    expect(frtTile.value).toBe(frt.median);
    expect(detail(frtTile, "p90")).toBeCloseTo(frt.p90!, 6);
    expect(detail(frtTile, "mean")).toBeCloseTo(70, 6);
    expect(detail(frtTile, "calendarP90")).toBeCloseTo(durationStats([60, 3960, 60]).p90!, 6);

    const resolution = durationStats([540, 150, 1620]);
    expect(tileOf(tiles, "resolutionTime").value).toBe(resolution.median);
    expect(detail(tileOf(tiles, "resolutionTime"), "p90")).toBeCloseTo(1404, 6);

    expect(tileOf(tiles, "slaResponse").value).toBeCloseTo(2 / 3, 6);
    expect(tileOf(tiles, "slaResolution").value).toBe(1);
    expect(tileOf(tiles, "fcr").value).toBeCloseTo(1 / 3, 6);
    expect(tileOf(tiles, "reopenRate").value).toBeCloseTo(1 / 3, 6);
    expect(tileOf(tiles, "escalationRate").value).toBeCloseTo(1 / 4, 6);
    expect(tileOf(tiles, "csat").value).toBeCloseTo(csat([5, 2, 4])!, 6);
    expect(tileOf(tiles, "nps").value).toBeCloseTo(nps([10, 3, 8])!, 6);
    expect(tileOf(tiles, "ces").value).toBeCloseTo(ces([6, 2, 5])!, 6);
    expect(tileOf(tiles, "responseRate").value).toBeCloseTo(3 / 4, 6);
    expect(tileOf(tiles, "per10k").value).toBeCloseTo((4 / 300_000) * 10_000, 6);
    expect(tileOf(tiles, "compensation").value).toBeCloseTo(250, 6);

    const charts = dashboard.charts;
    expect(charts.flow).toHaveLength(30);
    expect(charts.flow.find((day) => day.day === "2026-06-01")).toEqual({ day: "2026-06-01", inflow: 1, outflow: 0 });
    expect(charts.flow.find((day) => day.day === "2026-06-15")).toEqual({ day: "2026-06-15", inflow: 0, outflow: 1 });
    expect(charts.categories).toEqual([expect.objectContaining({ id: world.category.id, count: 4 })]);
    expect(charts.rootCauses).toEqual([expect.objectContaining({ id: world.rootCause.id, count: 3 })]);
    expect(charts.escalationLevels).toEqual([{ level: 2, count: 1 }]);
    expect(charts.heatmap).toContainEqual({ weekday: 1, hour: 10, count: 1 }); // Monday 10:00
    expect(charts.frtDistribution).toEqual([0, 0, 3, 0, 0, 0, 0]); // 60, 90, 60 minutes: all in [1 h, 4 h)
  });

  it("shows an empty period as no data, not zero", async () => {
    const empty = dashboardFilterSchema.parse({
      ...june,
      preset: "custom",
      from: "2026-06-01",
      to: "2026-06-30",
      category: String(world.emptyCategory.id),
    });
    const dashboard = (await loadManagerDashboard(world.manager.actor, empty, NOW))!;
    expect(tileOf(dashboard.tiles, "inflow").value).toBe(0);
    for (const key of ["frt", "resolutionTime", "slaResponse", "fcr", "csat", "nps", "ces"] as const)
      expect(tileOf(dashboard.tiles, key).value).toBeNull();
    expect(dashboard.charts.flow.every((day) => day.inflow === 0 && day.outflow === 0)).toBe(true);
  });
});

describe("scopes", () => {
  it("a supervisor sees only their teams, with the agents' table", async () => {
    const team = (await loadTeamDashboard(world.supervisorA.actor, june, NOW))!;
    expect(tileOf(team.tiles, "inflow").value).toBe(2);
    expect(team.agents).toEqual([
      expect.objectContaining({
        userId: world.agentA.user.id,
        handled: 2,
        frtMedian: 75,
        resolutionMedian: 345,
        sla: 3 / 4,
        csat: 1 / 2,
        reopenRate: 0,
      }),
    ]);
    expect(await loadManagerDashboard(world.agentA.actor, june, NOW)).toBeNull();
  });

  it("an agent sees their own figures next to their team's", async () => {
    const mine = (await loadAgentDashboard(world.agentB.actor, june, NOW))!;
    expect(tileOf(mine.mine, "inflow").value).toBe(2);
    expect(tileOf(mine.mine, "reopenRate").value).toBe(1);
    expect(tileOf(mine.team, "inflow").value).toBe(2);
  });
});
