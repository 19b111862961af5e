// The daily rollups against the facts they sum: a few hundred pseudo-random complaints (fixed seed), every figure of
// the manager dashboard read both ways (facts / rollups) for several filter sets and scopes; the incremental upkeep by
// the refresh job against a full rebuild; percentiles from histograms within one bucket of the exact value.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";
import { loadManagerDashboard, type ManagerDashboard, type Tile } from "@/lib/kpi/dashboard";
import { loadAgentDashboard, loadTeamDashboard } from "@/lib/kpi/team";
import { dashboardFilterSchema, type DashboardFilters } from "@/lib/kpi/filters";
import { bucketOf, HISTOGRAM_BOUNDS } from "@/lib/kpi/histogram";
import { refreshAllKpiFacts } from "@/lib/kpi/refresh";
import { rebuildAllRollups } from "@/lib/kpi/rollup";
import { actorFor, makeChannel, makeComplaint, makeCustomer, makeSeverity, makeStaff, makeTeam } from "./factories";

const at = (local: string) => new Date(`${local}:00+08:00`);
const NOW = at("2026-06-30T12:00");
const MINUTE = 60_000;

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be reproduced. */
function rng(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

let world: Awaited<ReturnType<typeof seed>>;

async function seed() {
  const random = rng(20261203);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const teams = [await makeTeam(), await makeTeam(), await makeTeam()];
  const channels = [await makeChannel(), await makeChannel(), await makeChannel()];
  const severities = [await makeSeverity(), await makeSeverity()];
  const tag = () => randomBytes(3).toString("hex");
  const categories = await Promise.all(
    [1, 2, 3].map((n) =>
      db.category.create({ data: { code: `rc-cat-${n}-${tag()}`, nameZh: `类${n}`, nameEn: `Cat ${n}` } }),
    ),
  );
  const tiers = await Promise.all(
    [1, 2].map((n) =>
      db.customerTier.create({
        data: { code: `rt-${n}-${tag()}`, nameZh: `级${n}`, nameEn: `Tier ${n}`, rank: 50 + n },
      }),
    ),
  );
  const rootCauses = await Promise.all(
    [1, 2].map((n) =>
      db.rootCause.create({
        data: { code: `rr-${n}-${tag()}`, kind: "process", nameZh: `因${n}`, nameEn: `Cause ${n}` },
      }),
    ),
  );
  const customers = [
    await makeCustomer({ tierId: tiers[0]!.id }),
    await makeCustomer({ tierId: tiers[1]!.id }),
    await makeCustomer(),
  ];
  const calendar = await db.businessCalendar.create({
    data: {
      code: `c24-${tag()}`,
      nameZh: "全天",
      nameEn: "24x7",
      timeZone: "Asia/Shanghai",
      is24x7: true,
      workingHours: {},
    },
  });
  const agents = await Promise.all(teams.map((team) => makeStaff("agent", [team])));
  const manager = await makeStaff("manager");
  const supervisor = await makeStaff("supervisor", [teams[0]!, teams[1]!]);

  const start = at("2026-03-20T00:00").getTime();
  const span = NOW.getTime() - start;
  for (let index = 0; index < 260; index++) {
    const createdAt = new Date(start + Math.floor(random() * span));
    const frt = Math.round(Math.exp(Math.log(120) + random() * 2.4 - 1.2));
    const resolution = frt + Math.round(Math.exp(Math.log(1800) + random() * 3 - 1.5));
    const firstResponseAt =
      createdAt.getTime() + frt * MINUTE < NOW.getTime() && random() < 0.9
        ? new Date(createdAt.getTime() + frt * MINUTE)
        : null;
    const resolvedCandidate = new Date(createdAt.getTime() + resolution * MINUTE);
    const fate = random();
    const status: ComplaintStatus =
      fate < 0.04
        ? "duplicate"
        : fate < 0.08
          ? "rejected"
          : firstResponseAt && resolvedCandidate < NOW && fate < 0.85
            ? fate < 0.5
              ? "closed"
              : "resolved"
            : pick(["new", "in_progress", "reopened"] as const);
    const resolvedAt = status === "resolved" || status === "closed" ? resolvedCandidate : null;
    const team = pick([...teams, null]);
    const complaint = await makeComplaint({
      customerId: pick(customers).id,
      channelId: pick(channels).id,
      severityId: pick(severities).id,
      categoryId: pick([...categories, null])?.id ?? null,
      teamId: team?.id ?? null,
      assigneeId: team ? agents[teams.indexOf(team)]!.user.id : null,
      status,
      createdAt,
      firstResponseAt,
      resolvedAt,
      closedAt: status === "rejected" || status === "duplicate" ? new Date(createdAt.getTime() + 90 * MINUTE) : null,
      customerReplyCount: Math.floor(random() * 3),
      reopenCount: random() < 0.1 ? 1 : 0,
      escalationLevel: random() < 0.15 ? pick([2, 2, 3]) : 1,
      rootCauseId: resolvedAt && random() < 0.7 ? pick(rootCauses).id : null,
    });
    if (resolvedAt && random() < 0.7) {
      const sentAt = new Date(resolvedAt.getTime() + 60 * MINUTE);
      const answered = random() < 0.5 && sentAt < NOW;
      const survey = await db.survey.create({
        data: {
          complaintId: complaint.id,
          customerId: complaint.customerId,
          tokenHash: randomBytes(16).toString("hex"),
          locale: "zh_CN",
          status: answered ? "answered" : "sent",
          sentAt,
          answeredAt: answered ? new Date(sentAt.getTime() + 300 * MINUTE) : null,
          expiresAt: new Date(sentAt.getTime() + 8 * 1_440 * MINUTE),
        },
      });
      if (answered) {
        const csat = 1 + Math.floor(random() * 5);
        await db.surveyResponse.create({
          data: {
            surveyId: survey.id,
            complaintId: complaint.id,
            csat,
            nps: random() < 0.9 ? Math.min(10, csat * 2) : null,
            ces: random() < 0.8 ? 1 + Math.floor(random() * 7) : null,
            createdAt: survey.answeredAt!,
            mode: pick(["web", "sms", "phone"] as const),
          },
        });
      }
    }
    const clocks = [
      { kind: "first_response" as const, due: 180, fulfilledAt: firstResponseAt },
      { kind: "resolution" as const, due: 2880, fulfilledAt: resolvedAt },
    ];
    await db.slaClock.createMany({
      data: clocks.map((clock) => {
        const dueAt = new Date(createdAt.getTime() + clock.due * MINUTE);
        const late = (clock.fulfilledAt ?? NOW) > dueAt && dueAt < NOW;
        return {
          complaintId: complaint.id,
          kind: clock.kind,
          calendarId: calendar.id,
          targetMinutes: clock.due,
          startedAt: createdAt,
          dueAt,
          fulfilledAt: clock.fulfilledAt,
          breachedAt: late ? dueAt : null,
        };
      }),
    });
  }
  // A survey sent the evening before the quarter and answered inside it (on a complaint left open, so no duration
  // figure of the small previous period moves): answers given in a period and surveys sent
  // in it that were answered differ, so the mode table's response rate cannot be read from the answers' days.
  const edge = await makeComplaint({
    customerId: customers[0]!.id,
    channelId: channels[0]!.id,
    severityId: severities[0]!.id,
    categoryId: categories[0]!.id,
    teamId: teams[0]!.id,
    assigneeId: agents[0]!.user.id,
    status: "in_progress",
    createdAt: at("2026-03-30T10:00"),
  });
  const edgeSurvey = await db.survey.create({
    data: {
      complaintId: edge.id,
      customerId: edge.customerId,
      tokenHash: randomBytes(16).toString("hex"),
      locale: "zh_CN",
      status: "answered",
      sentAt: at("2026-03-31T23:00"),
      answeredAt: at("2026-04-01T01:00"),
      expiresAt: at("2026-04-08T23:00"),
    },
  });
  await db.surveyResponse.create({
    data: {
      surveyId: edgeSurvey.id,
      complaintId: edge.id,
      csat: 5,
      nps: 10,
      ces: 7,
      createdAt: at("2026-04-01T01:00"),
      mode: "sms",
    },
  });
  return {
    teams,
    channels,
    severities,
    categories,
    tiers,
    manager: actorFor(manager.user, []),
    supervisor: actorFor(supervisor.user, [teams[0]!.id, teams[1]!.id]),
    agents: agents.map((agent, index) => actorFor(agent.user, [teams[index]!.id])),
  };
}

beforeAll(async () => {
  world = await seed();
  // Seeded an hour ago as far as the refresh cursor can tell: a later run picks up only what the test changes.
  await db.$executeRaw`UPDATE complaints SET "updatedAt" = now() - interval '1 hour'`;
  await refreshAllKpiFacts(db);
}, 120_000);

const DURATIONS = new Set(["frt", "resolutionTime"]);

/** Half the width of the histogram bucket holding `value`: how far an interpolated percentile may be off. */
function tolerance(value: number): number {
  const bucket = bucketOf(value);
  const low = HISTOGRAM_BOUNDS[bucket]!;
  const high = HISTOGRAM_BOUNDS[bucket + 1] ?? low + 43_200;
  return high - low;
}

function expectSameTiles(rollupTiles: readonly Tile[], factTiles: readonly Tile[], exactDurations: boolean) {
  for (const tile of factTiles) {
    const other = rollupTiles.find((candidate) => candidate.key === tile.key)!;
    const pairs: [number | null, number | null, string][] = [
      [other.value, tile.value, "value"],
      [other.previous, tile.previous, "previous"],
      ...tile.details.map(
        (detail, index) =>
          [other.details[index]!.value, detail.value, detail.label] as [number | null, number | null, string],
      ),
    ];
    for (const [got, want, label] of pairs) {
      const what = `${tile.key}.${label}`;
      if (want === null) {
        expect(got, what).toBeNull();
        continue;
      }
      expect(got, what).not.toBeNull();
      if (DURATIONS.has(tile.key) && label !== "mean" && !exactDurations)
        expect(Math.abs(got! - want), what).toBeLessThanOrEqual(tolerance(want));
      else expect(got!, what).toBeCloseTo(want, 6);
    }
  }
}

function expectSame(rollups: ManagerDashboard, facts: ManagerDashboard, exactDurations: boolean) {
  expectSameTiles(rollups.tiles, facts.tiles, exactDurations);
  const byKey = <T extends Record<string, unknown>>(rows: T[], key: keyof T) =>
    [...rows].sort((a, b) => Number(a[key]) - Number(b[key]));
  expect(rollups.charts.flow).toEqual(facts.charts.flow);
  expect(
    byKey(
      rollups.charts.heatmap.map((cell) => ({ ...cell, k: cell.weekday * 24 + cell.hour })),
      "k",
    ),
  ).toEqual(
    byKey(
      facts.charts.heatmap.map((cell) => ({ ...cell, k: cell.weekday * 24 + cell.hour })),
      "k",
    ),
  );
  expect(rollups.charts.frtDistribution).toEqual(facts.charts.frtDistribution);
  expect(rollups.charts.categories).toEqual(facts.charts.categories);
  expect(rollups.charts.rootCauses).toEqual(facts.charts.rootCauses);
  expect(rollups.charts.escalationLevels).toEqual(facts.charts.escalationLevels);
  expect(byKey(rollups.charts.slaByTeam, "teamId")).toEqual(byKey(facts.charts.slaByTeam, "teamId"));
  expect(rollups.surveyModes).toEqual(facts.surveyModes);
}

function variants(): [string, DashboardFilters][] {
  const june = { preset: "custom", from: "2026-06-01", to: "2026-06-30" };
  const quarter = { preset: "custom", from: "2026-04-01", to: "2026-06-30" };
  const { teams, categories, channels, severities, tiers } = world;
  return [
    ["june", dashboardFilterSchema.parse(june)],
    ["quarter", dashboardFilterSchema.parse(quarter)],
    ["team", dashboardFilterSchema.parse({ ...quarter, team: `${teams[0]!.id},${teams[2]!.id}` })],
    ["category", dashboardFilterSchema.parse({ ...quarter, category: String(categories[1]!.id) })],
    ["channel", dashboardFilterSchema.parse({ ...june, channel: String(channels[0]!.id) })],
    ["tier", dashboardFilterSchema.parse({ ...quarter, tier: String(tiers[0]!.id) })],
    ["severity", dashboardFilterSchema.parse({ ...quarter, severity: String(severities[1]!.id) })],
    [
      "team × category",
      dashboardFilterSchema.parse({
        ...quarter,
        team: String(teams[1]!.id),
        category: `${categories[0]!.id},${categories[2]!.id}`,
      }),
    ],
    [
      "category × channel",
      dashboardFilterSchema.parse({
        ...quarter,
        category: String(categories[0]!.id),
        channel: String(channels[1]!.id),
      }),
    ],
    [
      "channel × severity",
      dashboardFilterSchema.parse({
        ...quarter,
        channel: `${channels[0]!.id},${channels[2]!.id}`,
        severity: String(severities[0]!.id),
      }),
    ],
    [
      "tier × severity",
      dashboardFilterSchema.parse({ ...quarter, tier: String(tiers[1]!.id), severity: String(severities[1]!.id) }),
    ],
    [
      "team × channel × tier",
      dashboardFilterSchema.parse({
        ...quarter,
        team: String(teams[0]!.id),
        channel: String(channels[1]!.id),
        tier: String(tiers[0]!.id),
      }),
    ],
    [
      "category × channel × severity (facts)",
      dashboardFilterSchema.parse({
        ...quarter,
        category: String(categories[0]!.id),
        channel: String(channels[0]!.id),
        severity: String(severities[1]!.id),
      }),
    ],
  ];
}

describe("daily rollups", () => {
  it("give the same figures as the facts for every kept grain (exact percentiles while the period is small)", async () => {
    for (const [name, filters] of variants()) {
      const facts = (await loadManagerDashboard(world.manager, filters, NOW, { source: "facts" }))!;
      const rollups = (await loadManagerDashboard(world.manager, filters, NOW))!;
      expect(facts.tiles.find((tile) => tile.key === "inflow")!.value, name).toBeGreaterThan(0);
      if (name === "quarter")
        for (const key of ["csat", "nps", "ces", "responseRate"] as const)
          expect(facts.tiles.find((tile) => tile.key === key)!.value, key).not.toBeNull();
      if (name === "quarter")
        for (const mode of ["web", "sms", "phone"])
          expect(facts.surveyModes.find((row) => row.mode === mode)!.responses, mode).toBeGreaterThan(0);
      expectSame(rollups, facts, true);
    }
  });

  it("interpolate percentiles from histograms within one bucket of the exact value", async () => {
    for (const [, filters] of variants()) {
      const facts = (await loadManagerDashboard(world.manager, filters, NOW, { source: "facts" }))!;
      const rollups = (await loadManagerDashboard(world.manager, filters, NOW, { exactPercentileLimit: 0 }))!;
      expectSame(rollups, facts, false);
    }
  });

  it("keep a supervisor to their teams", async () => {
    const filters = dashboardFilterSchema.parse({
      preset: "custom",
      from: "2026-04-01",
      to: "2026-06-30",
      severity: String(world.severities[0]!.id),
    });
    for (const options of [{}, { exactPercentileLimit: 0 }]) {
      const facts = (await loadManagerDashboard(world.supervisor, filters, NOW, { source: "facts" }))!;
      const rollups = (await loadManagerDashboard(world.supervisor, filters, NOW, options))!;
      expectSame(rollups, facts, !("exactPercentileLimit" in options));
      expect(rollups.charts.slaByTeam.every((row) => row.teamId !== world.teams[2]!.id)).toBe(true);
    }
  });

  it("keep a supervisor to their teams under two more filters (team × two others)", async () => {
    const filters = dashboardFilterSchema.parse({
      preset: "custom",
      from: "2026-04-01",
      to: "2026-06-30",
      category: String(world.categories[1]!.id),
      severity: String(world.severities[0]!.id),
    });
    for (const options of [{}, { exactPercentileLimit: 0 }]) {
      const facts = (await loadManagerDashboard(world.supervisor, filters, NOW, { source: "facts" }))!;
      const rollups = (await loadManagerDashboard(world.supervisor, filters, NOW, options))!;
      expect(facts.tiles.find((tile) => tile.key === "inflow")!.value).toBeGreaterThan(0);
      expectSame(rollups, facts, !("exactPercentileLimit" in options));
    }
  });

  it("give an agent's own tiles from the assignee grain, alone and with a team filter", async () => {
    const quarter = { preset: "custom", from: "2026-04-01", to: "2026-06-30" };
    const agent = world.agents[1]!;
    for (const filters of [
      dashboardFilterSchema.parse(quarter),
      dashboardFilterSchema.parse({ ...quarter, team: String(world.teams[1]!.id) }),
    ]) {
      for (const options of [{}, { exactPercentileLimit: 0 }]) {
        const facts = (await loadAgentDashboard(agent, filters, NOW, { source: "facts" }))!;
        const rollups = (await loadAgentDashboard(agent, filters, NOW, options))!;
        expect(facts.mine.find((tile) => tile.key === "inflow")!.value).toBeGreaterThan(0);
        for (const [got, want] of [
          [rollups.mine, facts.mine],
          [rollups.team, facts.team],
        ] as const) {
          expectSameTiles(got, want, !("exactPercentileLimit" in options));
        }
      }
    }
  });

  it("give the agents' table from the assignee grains (supervisor's teams, manager's all) with medians within one bucket", async () => {
    const quarter = dashboardFilterSchema.parse({ preset: "custom", from: "2026-04-01", to: "2026-06-30" });
    for (const actor of [world.supervisor, world.manager]) {
      const facts = (await loadTeamDashboard(actor, quarter, NOW, { source: "facts" }))!;
      const rollups = (await loadTeamDashboard(actor, quarter, NOW, { exactPercentileLimit: 0 }))!;
      expect(facts.agents.length).toBeGreaterThan(actor === world.manager ? 2 : 1);
      expect(rollups.agents.map((row) => row.userId)).toEqual(facts.agents.map((row) => row.userId));
      for (const [index, want] of facts.agents.entries()) {
        const got = rollups.agents[index]!;
        expect({ ...got, frtMedian: null, resolutionMedian: null }).toEqual({
          ...want,
          frtMedian: null,
          resolutionMedian: null,
        });
        for (const key of ["frtMedian", "resolutionMedian"] as const) {
          if (want[key] === null) expect(got[key], key).toBeNull();
          else expect(Math.abs(got[key]! - want[key]), key).toBeLessThanOrEqual(tolerance(want[key]));
        }
      }
    }
  });

  it("are kept current by the refresh job for exactly the days a change touches", async () => {
    const snapshot = () =>
      db.kpiDailyRollup.findMany({
        orderBy: [
          { day: "asc" },
          { grain: "asc" },
          { teamId: "asc" },
          { categoryId: "asc" },
          { channelId: "asc" },
          { tierId: "asc" },
          { severityId: "asc" },
          { assigneeId: "asc" },
        ],
      });
    // Changes that move a complaint between days and dimensions: resolve an open one, reopen a resolved one, move
    // teams.
    const open = await db.complaint.findFirstOrThrow({
      where: { status: "in_progress", firstResponseAt: { not: null } },
      orderBy: { id: "asc" },
    });
    const done = await db.complaint.findFirstOrThrow({ where: { status: "resolved" }, orderBy: { id: "asc" } });
    const moved = await db.complaint.findFirstOrThrow({
      where: { teamId: world.teams[0]!.id, status: "closed" },
      orderBy: { id: "asc" },
    });
    const later = new Date(NOW.getTime() + 5 * MINUTE);
    await db.complaint.update({ where: { id: open.id }, data: { status: "resolved", resolvedAt: later } });
    await db.complaint.update({ where: { id: done.id }, data: { status: "reopened", reopenCount: { increment: 1 } } });
    await db.complaint.update({
      where: { id: moved.id },
      data: { teamId: world.teams[2]!.id, categoryId: world.categories[2]!.id },
    });
    // A survey answered now, without touching its complaint: found through the answer's updatedAt.
    const unanswered = await db.survey.findFirstOrThrow({ where: { status: "sent" }, orderBy: { id: "asc" } });
    await db.survey.update({ where: { id: unanswered.id }, data: { status: "answered", answeredAt: later } });
    await db.surveyResponse.create({
      data: { surveyId: unanswered.id, complaintId: unanswered.complaintId, csat: 2, nps: 3, ces: 2, createdAt: later },
    });
    expect(await refreshAllKpiFacts(db)).toBe(3);
    const incremental = await snapshot();
    await db.$transaction((tx) => rebuildAllRollups(tx));
    expect(incremental).toEqual(await snapshot());

    const june = dashboardFilterSchema.parse({ preset: "custom", from: "2026-06-01", to: "2026-06-30" });
    const after = new Date(NOW.getTime() + 10 * MINUTE);
    expectSame(
      (await loadManagerDashboard(world.manager, june, after))!,
      (await loadManagerDashboard(world.manager, june, after, { source: "facts" }))!,
      true,
    );
  });
});
