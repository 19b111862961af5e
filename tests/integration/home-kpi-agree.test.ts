// Issue 15 item 15: the manager home's "last 30 days" figures are the dashboard's default "last 30 days" figures
// (the same China-time reporting days, the same backlog instant), not a rolling 30 × 24 h window that gives another
// inflow and another CSAT for what both pages call the same period. Hand-computed world, "now" = Dec 7 12:00 CST.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";
import { getManagerHome } from "@/lib/home/queries";
import { loadManagerDashboard, type Tile } from "@/lib/kpi/dashboard";
import { dashboardFilterSchema } from "@/lib/kpi/filters";
import { refreshAllKpiFacts } from "@/lib/kpi/refresh";
import { makeChannel, makeComplaint, makeCustomer, makeSeverity, makeStaff, makeTeam } from "./factories";

const at = (local: string) => new Date(`${local}:00+08:00`);
const NOW = at("2026-12-07T12:00");
const tileOf = (tiles: Tile[], key: Tile["key"]) => tiles.find((tile) => tile.key === key)!;

let manager: Awaited<ReturnType<typeof makeStaff>>;

beforeAll(async () => {
  const team = await makeTeam();
  manager = await makeStaff("manager");
  const [channel, severity, customer] = [await makeChannel(), await makeSeverity(), await makeCustomer()];
  // X: filed Nov 7 20:00, answered CSAT 1 at 21:00 — inside "now − 30 × 24 h" (Nov 7 12:00) but before the first
  //    reporting day of the last 30 days (Nov 8), so it belongs to the previous period on both pages.
  // Z: filed Nov 20, resolved Nov 21, CSAT 5.  Y: filed today 09:00, resolved 10:00, CSAT 5.  W: filed Nov 25, still
  // open.
  // M: filed Nov 26 and merged into W as a duplicate an hour later: never inflow (docs/kpi.md), never backlog.
  const stories: [string, ComplaintStatus, string, string | null, number | null][] = [
    ["2026-11-26T10:00", "duplicate", "", null, null],
    ["2026-11-07T20:00", "resolved", "2026-11-07T20:30", "2026-11-07T21:00", 1],
    ["2026-11-20T10:00", "resolved", "2026-11-21T10:00", "2026-11-21T12:00", 5],
    ["2026-12-07T09:00", "resolved", "2026-12-07T10:00", "2026-12-07T11:00", 5],
    ["2026-11-25T10:00", "in_progress", "", null, null],
  ];
  for (const [created, status, resolved, answered, csat] of stories) {
    const complaint = await makeComplaint({
      customerId: customer.id,
      channelId: channel.id,
      severityId: severity.id,
      teamId: team.id,
      status,
      createdAt: at(created),
      resolvedAt: resolved ? at(resolved) : null,
      customerReplyCount: resolved ? 1 : 0,
      closedAt: status === "duplicate" ? at("2026-11-26T11:00") : null,
    });
    await db.complaintEvent.createMany({
      data: [
        { complaintId: complaint.id, kind: "created", createdAt: at(created), data: { to: "new" } },
        ...(resolved
          ? [
              {
                complaintId: complaint.id,
                kind: "status_changed" as const,
                createdAt: at(resolved),
                data: { to: "resolved" },
              },
            ]
          : []),
        ...(status === "duplicate"
          ? [
              {
                complaintId: complaint.id,
                kind: "merged" as const,
                createdAt: at("2026-11-26T11:00"),
                data: { to: "duplicate" },
              },
            ]
          : []),
      ],
    });
    if (answered && csat) {
      const survey = await db.survey.create({
        data: {
          complaintId: complaint.id,
          customerId: customer.id,
          tokenHash: randomBytes(16).toString("hex"),
          locale: "zh_CN",
          status: "answered",
          sentAt: at(answered),
          answeredAt: at(answered),
          expiresAt: at("2026-12-30T00:00"),
        },
      });
      await db.surveyResponse.create({
        data: { surveyId: survey.id, complaintId: complaint.id, csat, createdAt: at(answered) },
      });
    }
  }
  await refreshAllKpiFacts(db, { now: NOW });
});

describe("manager home and dashboard agree on the last 30 days", () => {
  it("inflow, backlog and CSAT: hand-computed, and equal to the dashboard's default period", async () => {
    const home = await getManagerHome("zh-CN", NOW);
    // Nov 8 00:00 – Dec 8 00:00 China time: Z, Y, W filed (M merged: not inflow); Z and Y answered 5 → 100 %; open now:
    // W.
    expect(home.current).toMatchObject({ inflow: 3, csatResponses: 2, csat: 1, backlog: 1 });
    // Oct 9 – Nov 8: X filed and answered 1 → 0 %; nothing open at Nov 8 00:00 (X was resolved Nov 7).
    expect(home.previous).toMatchObject({ inflow: 1, csatResponses: 1, csat: 0, backlog: 0 });
    expect(home.periodStart).toEqual(at("2026-11-08T00:00"));

    const dashboard = (await loadManagerDashboard(manager.actor, dashboardFilterSchema.parse({}), NOW))!;
    for (const [key, figure] of [
      ["inflow", "inflow"],
      ["backlog", "backlog"],
      ["csat", "csat"],
    ] as const) {
      expect({ key, value: home.current[figure], previous: home.previous[figure] }).toEqual({
        key,
        value: tileOf(dashboard.tiles, key).value,
        previous: tileOf(dashboard.tiles, key).previous,
      });
    }
  });
});
