// Issue 15 KPI truth, against a hand-computed world (November 2026, China Standard Time): backlog at a point in time
// from
// the status history (rejected, merged, reopened complaints, a past instant), reopen rate and FCR with reopened
// complaints in the base, a resolution and a survey answer that cross the month boundary, the previous calendar month,
// the same satisfaction figures on the dashboard and on /admin/surveys, targets from the template's settings.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";
import { listQueue } from "@/lib/complaints/queue";
import { queueFilterSchema } from "@/lib/complaints/schema";
import { loadManagerDashboard, type Tile } from "@/lib/kpi/dashboard";
import { dashboardFilterSchema } from "@/lib/kpi/filters";
import { refreshAllKpiFacts } from "@/lib/kpi/refresh";
import { getKpiSettingsForAdmin, saveKpiSettings } from "@/lib/kpi/admin";
import { KPI_DEFINITIONS_KEY, KPI_TARGETS_KEY } from "@/lib/kpi/settings";
import { surveySummary } from "@/lib/surveys/queries";
import { parseReportRange } from "@/lib/surveys/range";
import { travelTemplate } from "../../prisma/seed/templates/travel";
import { makeChannel, makeComplaint, makeCustomer, makeSeverity, makeStaff, makeTeam } from "./factories";

const at = (local: string) => new Date(`${local}:00+08:00`);
const NOW = at("2026-12-07T12:00");
const nov = dashboardFilterSchema.parse({ preset: "custom", from: "2026-11-01", to: "2026-11-30" });
const tileOf = (tiles: Tile[], key: Tile["key"]) => tiles.find((tile) => tile.key === key)!;
const detail = (tile: Tile, label: Tile["details"][number]["label"]) =>
  tile.details.find((d) => d.label === label)?.value;

type Story = {
  createdAt: string;
  status: ComplaintStatus;
  statuses: [string, ComplaintStatus][];
  replies?: number;
  resolvedAt?: string;
  closedAt?: string;
};

let manager: Awaited<ReturnType<typeof makeStaff>>;
const ids: Record<string, number> = {};

beforeAll(async () => {
  const team = await makeTeam();
  manager = await makeStaff("manager");
  const agent = await makeStaff("agent", [team]);
  const [channel, severity, customer] = [await makeChannel(), await makeSeverity(), await makeCustomer()];
  const stories: Record<string, Story> = {
    // Done before November.
    A: {
      createdAt: "2026-10-20T10:00",
      status: "closed",
      resolvedAt: "2026-10-25T10:00",
      closedAt: "2026-10-28T10:00",
      statuses: [
        ["2026-10-20T10:00", "new"],
        ["2026-10-25T10:00", "resolved"],
        ["2026-10-28T10:00", "closed"],
      ],
    },
    // Rejected on Nov 3 as the old demo seed wrote it: status history only, no closedAt.
    B: {
      createdAt: "2026-10-25T10:00",
      status: "rejected",
      statuses: [
        ["2026-10-25T10:00", "new"],
        ["2026-11-03T10:00", "rejected"],
      ],
    },
    // Merged as a duplicate the day after it came in.
    C: {
      createdAt: "2026-11-05T10:00",
      status: "duplicate",
      closedAt: "2026-11-06T10:00",
      statuses: [
        ["2026-11-05T10:00", "new"],
        ["2026-11-06T10:00", "duplicate"],
      ],
    },
    // Resolved Nov 12, reopened 3 days later, still being worked: in the reopen rate and the FCR base, not FCR.
    D: {
      createdAt: "2026-11-10T10:00",
      status: "in_progress",
      replies: 1,
      statuses: [
        ["2026-11-10T10:00", "new"],
        ["2026-11-12T10:00", "resolved"],
        ["2026-11-15T10:00", "reopened"],
        ["2026-11-15T11:00", "in_progress"],
      ],
    },
    // Created Nov 30 22:00, resolved Dec 1 01:00 (still Nov 30 in UTC): open at the end of November, resolved in
    // December.
    E: {
      createdAt: "2026-11-30T22:00",
      status: "resolved",
      resolvedAt: "2026-12-01T01:00",
      replies: 1,
      statuses: [
        ["2026-11-30T22:00", "new"],
        ["2026-12-01T01:00", "resolved"],
      ],
    },
    // Resolved Nov 3, reopened Dec 5 (32 days later): done at the end of November; outside a 30-day window, inside 40.
    F: {
      createdAt: "2026-11-02T10:00",
      status: "reopened",
      replies: 1,
      statuses: [
        ["2026-11-02T10:00", "new"],
        ["2026-11-03T10:00", "resolved"],
        ["2026-12-05T10:00", "reopened"],
      ],
    },
    G: {
      createdAt: "2026-11-08T10:00",
      status: "closed",
      resolvedAt: "2026-11-09T10:00",
      closedAt: "2026-11-12T10:00",
      replies: 1,
      statuses: [
        ["2026-11-08T10:00", "new"],
        ["2026-11-09T10:00", "resolved"],
        ["2026-11-12T10:00", "closed"],
      ],
    },
    H: {
      createdAt: "2026-11-15T10:00",
      status: "in_progress",
      statuses: [
        ["2026-11-15T10:00", "new"],
        ["2026-11-15T11:00", "in_progress"],
      ],
    },
    I: {
      createdAt: "2026-10-30T10:00",
      status: "pending_customer",
      statuses: [
        ["2026-10-30T10:00", "new"],
        ["2026-10-31T10:00", "pending_customer"],
      ],
    },
  };
  for (const [name, s] of Object.entries(stories)) {
    const complaint = await makeComplaint({
      customerId: customer.id,
      channelId: channel.id,
      severityId: severity.id,
      teamId: team.id,
      assigneeId: agent.user.id,
      status: s.status,
      createdAt: at(s.createdAt),
      resolvedAt: s.resolvedAt ? at(s.resolvedAt) : null,
      closedAt: s.closedAt ? at(s.closedAt) : null,
      customerReplyCount: s.replies ?? 0,
      reopenCount: s.statuses.filter(([, to]) => to === "reopened").length,
    });
    ids[name] = complaint.id;
    await db.complaintEvent.createMany({
      data: s.statuses.map(([when, to]) => ({
        complaintId: complaint.id,
        kind:
          to === "new" ? ("created" as const) : to === "duplicate" ? ("merged" as const) : ("status_changed" as const),
        createdAt: at(when),
        data: { to },
      })),
    });
  }
  // Surveys: D answered Nov 13 (CSAT 2, NPS 6), G Nov 20 (5, 10), E Dec 1 02:00 China time = Nov 30 18:00 UTC (4, 9).
  for (const [name, csat, nps, when] of [
    ["D", 2, 6, "2026-11-13T10:00"],
    ["G", 5, 10, "2026-11-20T10:00"],
    ["E", 4, 9, "2026-12-01T02:00"],
  ] as const) {
    const survey = await db.survey.create({
      data: {
        complaintId: ids[name]!,
        customerId: customer.id,
        tokenHash: randomBytes(16).toString("hex"),
        locale: "zh_CN",
        status: "answered",
        sentAt: at(when),
        answeredAt: at(when),
        expiresAt: at("2026-12-30T00:00"),
      },
    });
    await db.surveyResponse.create({
      data: { surveyId: survey.id, complaintId: ids[name]!, csat, nps, ces: 5, createdAt: at(when) },
    });
  }
  await refreshAllKpiFacts(db, { now: NOW });
});

const dashboard = async (source: "facts" | "auto") =>
  (await loadManagerDashboard(manager.actor, nov, NOW, { source }))!;
/** References of the complaints the queue lists for a drill-down link's params (as the dashboard builds them). */
async function drilled(params: Record<string, string>): Promise<string[]> {
  const page = await listQueue(manager.actor, queueFilterSchema.parse({ ...params, limit: 100 }), NOW);
  const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return page.rows.map((row) => names.get(row.id) ?? `#${row.id}`).sort();
}

describe.each(["facts", "auto"] as const)("November from the %s", (source) => {
  it("backlog at the end of the month and at its start comes from the status history", async () => {
    const tile = tileOf((await dashboard(source)).tiles, "backlog");
    // Dec 1 00:00: D (reopened Nov 15), E (resolved only on Dec 1), H, I. Not B (rejected Nov 3, no closedAt), not C
    // (merged), not F (resolved Nov 3, reopened only on Dec 5), not A/G (closed).
    expect(tile.value).toBe(4);
    // Nov 1 00:00: B (rejected later) and I; A was already done, the rest did not exist yet.
    expect(tile.previous).toBe(2);
  });

  it("reopen rate and FCR keep reopened complaints in their base", async () => {
    const tiles = (await dashboard(source)).tiles;
    // First resolved in November: D (Nov 12), F (Nov 3), G (Nov 9); E's first resolution is on Dec 1.
    const reopen = tileOf(tiles, "reopenRate");
    expect(detail(reopen, "base")).toBe(3);
    expect(reopen.value).toBeCloseTo(1 / 3); // D, reopened after 3 days; F after 32 days is outside the 30-day window
    expect(reopen.meetsTarget).toBe(false);
    const fcr = tileOf(tiles, "fcr");
    expect(detail(fcr, "base")).toBe(3);
    expect(fcr.value).toBeCloseTo(2 / 3); // F and G; D was reopened within 7 days
  });

  it("satisfaction: share, mean score on 1–5 and 0–100, NPS and recommendation rate, by China-time answer day", async () => {
    const tiles = (await dashboard(source)).tiles;
    // November answers: D (CSAT 2, NPS 6) and G (5, 10); E answered on Dec 1 China time.
    expect(tileOf(tiles, "csat").value).toBe(0.5);
    const mean = tileOf(tiles, "csatMean");
    expect(mean.value).toBe(3.5);
    expect(detail(mean, "as100")).toBe(62.5);
    expect(tileOf(tiles, "nps").value).toBe(0);
    expect(tileOf(tiles, "recommendation").value).toBe(0.5);
  });
});

describe("drill-downs list exactly the complaints counted", () => {
  it("backlog, reopened and not-FCR for November", async () => {
    expect(await drilled({ kpi: "backlog", to: "2026-11-30" })).toEqual(["D", "E", "H", "I"]);
    expect(await drilled({ kpi: "backlog", to: "2026-10-31" })).toEqual(["B", "I"]);
    expect(await drilled({ kpi: "reopened", from: "2026-11-01", to: "2026-11-30" })).toEqual(["D"]);
    expect(await drilled({ kpi: "not_fcr", from: "2026-11-01", to: "2026-11-30" })).toEqual(["D"]);
  });
});

describe("periods and pages agree", () => {
  it("the previous period of a calendar month is the previous calendar month", async () => {
    const { period } = await dashboard("auto");
    expect(period.previous).toMatchObject({
      fromDay: "2026-10-01",
      toDay: "2026-10-31",
      from: at("2026-10-01T00:00"),
      to: at("2026-11-01T00:00"),
    });
  });

  it("/admin/surveys gives the dashboard's CSAT, NPS, mean score and recommendation for the same days", async () => {
    const range = parseReportRange("2026-11-01", "2026-11-30", NOW);
    expect(range).toMatchObject({ from: at("2026-11-01T00:00"), to: at("2026-12-01T00:00") });
    const summary = await surveySummary(range);
    const tiles = (await dashboard("auto")).tiles;
    expect(summary.csat! / 100).toBe(tileOf(tiles, "csat").value);
    expect(summary.csatMean).toBe(tileOf(tiles, "csatMean").value);
    expect(summary.nps).toBe(tileOf(tiles, "nps").value);
    expect(summary.recommendation! / 100).toBe(tileOf(tiles, "recommendation").value);
    expect(summary.responses).toBe(2);
    // The default range is the dashboard's default: the last 30 China-time days up to today.
    expect(parseReportRange(undefined, undefined, at("2026-12-07T01:00"))).toMatchObject({
      fromText: "2026-11-08",
      toText: "2026-12-07",
    });
  });
});

describe("targets and the reopen window are settings", () => {
  it("the installed template's targets apply (travel: CSAT 90 %, its own 48 h / 72 h times)", async () => {
    const before = (await dashboard("auto")).tiles;
    expect(tileOf(before, "csat").target).toBe(0.85); // handbook default while no template setting exists
    expect(tileOf(before, "frt").target).toBe(60);
    for (const key of [KPI_TARGETS_KEY, KPI_DEFINITIONS_KEY]) {
      const value = travelTemplate.settings[key]!;
      await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
    const tiles = (await dashboard("auto")).tiles;
    expect(tileOf(tiles, "csat").target).toBe(0.9);
    expect(tileOf(tiles, "frt").target).toBe(48 * 60);
    expect(tileOf(tiles, "resolutionTime").target).toBe(72 * 60);
    expect(tileOf(tiles, "recommendation").target).toBe(0.2);
  });

  it("a manager edits them: validated field by field, audited, concurrent edits conflict, the window changes the rate", async () => {
    const { targets, definitions, version } = await getKpiSettingsForAdmin();
    const invalid = await saveKpiSettings(manager.actor, { ...targets, csat: 150, reopenWindowDays: 0, version });
    expect(invalid).toMatchObject({ ok: false, error: "invalid" });
    expect(Object.keys(invalid.ok ? {} : (invalid.fields ?? {})).sort()).toEqual(["csat", "reopenWindowDays"]);
    const agent = await makeStaff("agent");
    expect(await saveKpiSettings(agent.actor, { ...targets, ...definitions, version })).toMatchObject({
      ok: false,
      error: "forbidden",
    });

    const saved = await saveKpiSettings(
      manager.actor,
      { ...targets, csat: 80, csatMean: 4, reopenWindowDays: 40, version },
      new Date(NOW.getTime() + 1_000),
    );
    expect(saved.ok).toBe(true);
    const stale = await saveKpiSettings(manager.actor, { ...targets, ...definitions, version });
    expect(stale).toMatchObject({ ok: false, error: "conflict" });
    const audit = await db.auditLog.findFirst({ where: { action: "kpi_settings.update" }, orderBy: { id: "desc" } });
    expect(audit?.changes).toMatchObject({
      csat: { from: 90, to: 80 },
      csatMean: { from: null, to: 4 },
      reopenWindowDays: { from: 30, to: 40 },
    });

    const tiles = (await dashboard("auto")).tiles;
    expect(tileOf(tiles, "csat").target).toBe(0.8);
    expect(tileOf(tiles, "csatMean")).toMatchObject({ target: 4, meetsTarget: false });
    expect(tileOf(tiles, "reopenRate").value).toBeCloseTo(2 / 3); // F's reopen after 32 days is inside 40 days
    expect(tileOf((await dashboard("facts")).tiles, "reopenRate").value).toBeCloseTo(2 / 3);
    expect(await drilled({ kpi: "reopened", from: "2026-11-01", to: "2026-11-30" })).toEqual(["D", "F"]);
  });
});

describe("a later change reaches the facts, the done spans and the rollups", () => {
  it("reopening G on Nov 20 (recorded afterwards) makes it open at the end of November on both sources", async () => {
    await db.complaint.update({
      where: { id: ids.G! },
      data: { status: "reopened", reopenCount: 1, closedAt: null, resolvedAt: null },
    });
    await db.complaintEvent.create({
      data: {
        complaintId: ids.G!,
        kind: "status_changed",
        createdAt: at("2026-11-20T10:00"),
        data: { from: "closed", to: "reopened" },
      },
    });
    await refreshAllKpiFacts(db, { now: NOW });
    for (const source of ["facts", "auto"] as const) {
      const tiles = (await dashboard(source)).tiles;
      expect(tileOf(tiles, "backlog").value).toBe(5);
      expect(tileOf(tiles, "backlog").previous).toBe(2);
      // D (3 days), F (32 days) and now G (11 days) were reopened within the 40-day window set above.
      expect(tileOf(tiles, "reopenRate").value).toBe(1);
    }
    expect(await drilled({ kpi: "backlog", to: "2026-11-30" })).toEqual(["D", "E", "G", "H", "I"]);
  });
});
