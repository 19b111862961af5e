// Drill-down: a dashboard figure's link shows exactly the complaints behind it in the queue (same scope, filters,
// cohort date). Exports: CSV/XLSX content with the filters applied, report.export required, team scope respected.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listQueue } from "@/lib/complaints/queue";
import { queueFilterSchema } from "@/lib/complaints/schema";
import { loadManagerDashboard } from "@/lib/kpi/dashboard";
import { buildExport } from "@/lib/kpi/export";
import { dashboardFilterSchema, resolvePeriod } from "@/lib/kpi/filters";
import { drillHref } from "@/lib/kpi/links";
import { refreshAllKpiFacts } from "@/lib/kpi/refresh";
import { toCsv } from "@/lib/exports/xlsx";
import { NOW, makeKpiWorld } from "./kpi-fixture";

let world: Awaited<ReturnType<typeof makeKpiWorld>>;
const june = dashboardFilterSchema.parse({ preset: "custom", from: "2026-06-01", to: "2026-06-30" });
const period = resolvePeriod(june, NOW);
const label = (key: string) => key;

beforeAll(async () => {
  world = await makeKpiWorld();
  await refreshAllKpiFacts(db, { now: NOW });
});

async function drill(actor: Parameters<typeof listQueue>[0], href: string) {
  const params = Object.fromEntries(new URL(href, "http://x").searchParams);
  const { rows } = await listQueue(actor, queueFilterSchema.parse({ ...params, limit: 100 }), NOW);
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

describe("drill-down to the queue", () => {
  it("shows the complaints behind each figure", async () => {
    const { c1, c2, c3, c4 } = world.complaints;
    const manager = world.manager.actor;
    const ids = (...rows: { id: number }[]) => rows.map((row) => row.id).sort((a, b) => a - b);
    expect(await drill(manager, drillHref(june, period, "inflow"))).toEqual(ids(c1, c2, c3, c4));
    expect(await drill(manager, drillHref(june, period, "backlog"))).toEqual(ids(c4));
    expect(await drill(manager, drillHref(june, period, "response_breached"))).toEqual(ids(c2));
    expect(await drill(manager, drillHref(june, period, "resolved"))).toEqual(ids(c1, c2, c3));
    expect(await drill(manager, drillHref(june, period, "not_fcr"))).toEqual(ids(c2, c3));
    expect(await drill(manager, drillHref(june, period, "reopened"))).toEqual(ids(c3));
    expect(await drill(manager, drillHref(june, period, "escalated", { level: 2 }))).toEqual(ids(c3));
    expect(await drill(manager, drillHref(june, period, "csat_low"))).toEqual(ids(c2));
    expect(await drill(manager, drillHref(june, period, "detractor"))).toEqual(ids(c2));
    expect(await drill(manager, drillHref(june, period, "compensated"))).toEqual(ids(c2));
    expect(await drill(manager, drillHref(june, period, "resolved", { rootCause: world.rootCause.id }))).toEqual(
      ids(c1, c2, c3),
    );
    expect(await drill(manager, drillHref(june, period, "inflow", { team: world.teamA.id }))).toEqual(ids(c1, c2));
    // The cohort's own date: the reopened complaint was resolved on 15 June, so a 1–14 June resolved range leaves it
    // out.
    expect(await drill(manager, drillHref(june, { fromDay: "2026-06-01", toDay: "2026-06-14" }, "resolved"))).toEqual(
      ids(c1, c2),
    );
  });

  it("opens exactly the complaints of a heatmap cell (local weekday × hour), from rollups and from facts", async () => {
    const { c1, c4 } = world.complaints;
    const manager = world.manager.actor;
    for (const source of ["auto", "facts"] as const) {
      const dashboard = (await loadManagerDashboard(manager, june, NOW, { source }))!;
      const cells = dashboard.charts.heatmap;
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) {
        const href = drillHref(june, period, "inflow", { dow: cell.weekday, hour: cell.hour });
        const total = (await drill(manager, href)).length;
        expect({ cell: `${cell.weekday}-${cell.hour}`, total }).toEqual({
          cell: `${cell.weekday}-${cell.hour}`,
          total: cell.count,
        });
      }
      // The cells partition the period's inflow: nothing is lost or counted twice.
      expect(cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(
        (await drill(manager, drillHref(june, period, "inflow"))).length,
      );
    }
    // Same hour, different weekday: Monday 1 June 10:00 is c1 only, Saturday 20 June 10:00 is c4 only; the duplicate
    // created on Sunday 21 June 10:00 is not inflow.
    expect(await drill(manager, drillHref(june, period, "inflow", { dow: 1, hour: 10 }))).toEqual([c1.id]);
    expect(await drill(manager, drillHref(june, period, "inflow", { dow: 6, hour: 10 }))).toEqual([c4.id]);
    expect(await drill(manager, drillHref(june, period, "inflow", { dow: 0, hour: 10 }))).toEqual([]);
    expect(await drill(manager, drillHref(june, period, "inflow", { dow: 1, hour: 11 }))).toEqual([]);
  });

  it("keeps the reader's scope: a supervisor's drill-down shows only their teams", async () => {
    const { c1, c2 } = world.complaints;
    expect(await drill(world.supervisorA.actor, drillHref(june, period, "inflow"))).toEqual(
      [c1.id, c2.id].sort((a, b) => a - b),
    );
  });

  it("leaves the normal queues unchanged", async () => {
    const { rows } = await listQueue(world.agentB.actor, queueFilterSchema.parse({ queue: "mine" }), NOW);
    expect(rows.map((row) => row.id)).toEqual([world.complaints.c4.id]);
  });
});

describe("exports", () => {
  it("exports a table with the filters applied", async () => {
    const result = await buildExport(
      world.manager.actor,
      { table: "categories", format: "csv", view: "manager" },
      june,
      "en",
      label,
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      table: { name: "categories_2026-06-01_2026-06-30", header: ["categories.name", "count"], rows: [["Flights", 4]] },
    });
    const teamB = await buildExport(
      world.manager.actor,
      { table: "flow", format: "csv", view: "manager" },
      { ...june, team: [world.teamB.id] },
      "en",
      label,
      NOW,
    );
    if (!teamB.ok) throw new Error("export failed");
    expect(teamB.table.rows.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(2);
    const kpis = await buildExport(
      world.manager.actor,
      { table: "kpis", format: "xlsx", view: "manager" },
      june,
      "en",
      label,
      NOW,
    );
    if (!kpis.ok) throw new Error("export failed");
    expect(kpis.table.rows.find((row) => row[0] === "kpiNames.slaResponse")?.[2]).toBe(66.7);
    expect(toCsv(kpis.table.header, kpis.table.rows).startsWith("\uFEFF")).toBe(true);
  });

  it("needs report.export and keeps a supervisor to their teams", async () => {
    expect(
      await buildExport(world.agentA.actor, { table: "kpis", format: "csv", view: "manager" }, june, "en", label, NOW),
    ).toEqual({ ok: false, error: "forbidden" });
    const agents = await buildExport(
      world.supervisorA.actor,
      { table: "agents", format: "csv", view: "team" },
      june,
      "en",
      label,
      NOW,
    );
    if (!agents.ok) throw new Error("export failed");
    expect(agents.table.rows.map((row) => row[0])).toEqual(["Agent Alpha"]);
    const kpis = await buildExport(
      world.supervisorA.actor,
      { table: "kpis", format: "csv", view: "manager" },
      june,
      "en",
      label,
      NOW,
    );
    if (!kpis.ok) throw new Error("export failed");
    expect(kpis.table.rows.find((row) => row[0] === "kpiNames.inflow")?.[2]).toBe(2);
  });
});
