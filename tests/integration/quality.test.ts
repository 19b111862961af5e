// Quality inspection and appraisal against a real PostgreSQL: the monthly sampling run (exactly N random per agent,
// every low-CSAT/escalated/reopened case, never a case twice, also across runs), scorecard versions kept by
// inspections, scoring with four eyes and scope, the one appeal decided by a second inspector with notifications and
// audit rows, calibration spread, and appraisals from the KPI facts and QA averages.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { refreshAllKpiFacts } from "@/lib/kpi/refresh";
import { runSampling } from "@/lib/quality/sample";
import { createScorecard, saveSamplingPlan, updateScorecard } from "@/lib/quality/scorecards";
import { appealInspection, decideAppeal, scoreInspectionCase, setCalibration } from "@/lib/quality/inspect";
import { getInspection, listInspections } from "@/lib/quality/queries";
import { acknowledgeAppraisal, commentAppraisal, computeAppraisals, saveTeamWeights } from "@/lib/quality/appraise";
import { getAppraisal, listAppraisals } from "@/lib/quality/appraisal-queries";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

const CRITERIA = [
  { code: "attitude", labelZh: "服务态度", labelEn: "Attitude", weight: 40, maxPoints: 10, critical: false },
  { code: "accuracy", labelZh: "准确性", labelEn: "Accuracy", weight: 60, maxPoints: 10, critical: false },
];
const OCT = (day: number) => new Date(Date.UTC(2026, 9, day, 4));

async function handled(customerId: number, teamId: number, assigneeId: number, extra: Record<string, unknown> = {}) {
  return makeComplaint({
    customerId,
    teamId,
    assigneeId,
    status: "resolved",
    resolvedAt: OCT(10),
    createdAt: OCT(8),
    firstResponseAt: OCT(8),
    ...extra,
  });
}

async function setup(perAgent: number) {
  const team = await makeTeam();
  const other = await makeTeam();
  const { user: a1, actor: agent1 } = await makeStaff("agent", [team]);
  const { user: a2 } = await makeStaff("agent", [team]);
  const { user: b1, actor: agentB } = await makeStaff("agent", [other]);
  const { actor: manager } = await makeStaff("manager");
  const customer = await makeCustomer();
  const created = await createScorecard(manager, {
    nameZh: "投诉处理质检",
    nameEn: "Complaint handling",
    criteria: CRITERIA,
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const plan = await saveSamplingPlan(manager, {
    teamId: team.id,
    scorecardId: created.scorecardId,
    perAgent,
    active: true,
  });
  if (!plan.ok) throw new Error(JSON.stringify(plan));
  return { team, other, a1, a2, b1, agent1, agentB, manager, customer, scorecardId: created.scorecardId };
}

describe("sampling", () => {
  it("draws exactly N random per agent plus every low-CSAT, escalated and reopened case, never one twice", async () => {
    const s = await setup(3);
    const ordinary: { id: number }[] = [];
    for (let index = 0; index < 6; index += 1) ordinary.push(await handled(s.customer.id, s.team.id, s.a1.id));
    const lowCsat = await handled(s.customer.id, s.team.id, s.a1.id);
    const survey = await db.survey.create({
      data: {
        complaintId: lowCsat.id,
        customerId: s.customer.id,
        tokenHash: `q-${lowCsat.id}`,
        locale: "zh_CN",
        status: "answered",
        expiresAt: OCT(30),
      },
    });
    await db.surveyResponse.create({ data: { surveyId: survey.id, complaintId: lowCsat.id, csat: 1 } });
    const escalated = await handled(s.customer.id, s.team.id, s.a1.id, { escalationLevel: 2 });
    const reopened = await handled(s.customer.id, s.team.id, s.a1.id, { reopenCount: 1 });
    const a2Cases = [
      await handled(s.customer.id, s.team.id, s.a2.id),
      await handled(s.customer.id, s.team.id, s.a2.id),
    ];
    const november = await handled(s.customer.id, s.team.id, s.a1.id, { resolvedAt: new Date(Date.UTC(2026, 10, 3)) });
    const otherTeam = await handled(s.customer.id, s.other.id, s.b1.id);

    await runSampling("2026-10");
    const rows = await db.inspection.findMany({
      where: { teamId: s.team.id, month: "2026-10" },
      select: { complaintId: true, agentId: true, reason: true },
    });
    const ids = rows.map((row) => row.complaintId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rows.filter((row) => row.agentId === s.a1.id && row.reason === "random")).toHaveLength(3);
    expect(rows.find((row) => row.complaintId === lowCsat.id)?.reason).toBe("low_csat");
    expect(rows.find((row) => row.complaintId === escalated.id)?.reason).toBe("escalated");
    expect(rows.find((row) => row.complaintId === reopened.id)?.reason).toBe("reopened");
    // a2 handled only 2: both, not more.
    expect(
      rows
        .filter((row) => row.agentId === s.a2.id)
        .map((row) => row.complaintId)
        .sort(),
    ).toEqual(a2Cases.map((c) => c.id).sort());
    expect(ids).not.toContain(november.id);
    expect(ids).not.toContain(otherTeam.id); // the other team has no plan of its own and no default plan here
    expect(ids.filter((id) => ordinary.some((c) => c.id === id))).toHaveLength(3);

    // A second run of the month samples nothing new: the quota is met and no case is drawn twice.
    await runSampling("2026-10");
    expect(await db.inspection.count({ where: { teamId: s.team.id, month: "2026-10" } })).toBe(rows.length);
    // A later low-CSAT case is still picked up on a re-run (must-inspect cases are never capped).
    const late = await handled(s.customer.id, s.team.id, s.a1.id, { escalationLevel: 3 });
    await runSampling("2026-10");
    expect(await db.inspection.findUnique({ where: { complaintId: late.id }, select: { reason: true } })).toMatchObject(
      { reason: "escalated" },
    );
    expect(
      await db.inspection.count({ where: { teamId: s.team.id, month: "2026-10", reason: "random", agentId: s.a1.id } }),
    ).toBe(3);
  });
});

describe("inspection, appeal and calibration", () => {
  it("scores with the sampled scorecard version, lets the agent appeal once, and a second inspector decides", async () => {
    const s = await setup(1);
    const { user: sup1User, actor: sup1 } = await makeStaff("supervisor", [s.team]);
    const { user: sup2User, actor: sup2 } = await makeStaff("supervisor", [s.team]);
    const { actor: outsider } = await makeStaff("supervisor", [s.other]);
    const complaint = await handled(s.customer.id, s.team.id, s.a1.id);
    await runSampling("2026-10");
    const inspection = await db.inspection.findUniqueOrThrow({ where: { complaintId: complaint.id } });

    // Managers change the criteria later: version 2; the sampled case keeps version 1.
    const changed = await updateScorecard(s.manager, s.scorecardId, {
      nameZh: "投诉处理质检",
      nameEn: "Complaint handling",
      version: 1,
      criteria: [
        ...CRITERIA,
        { code: "empathy", labelZh: "同理心", labelEn: "Empathy", weight: 10, maxPoints: 5, critical: false },
      ],
    });
    expect(changed).toMatchObject({ ok: true, number: 2, newVersion: true });

    // The queue: the team's inspectors see it, an agent and another team's supervisor do not.
    expect((await listInspections(sup1, { tab: "queue" })).map((row) => row.id)).toContain(inspection.id);
    expect(await listInspections(outsider, { tab: "queue" })).toHaveLength(0);
    expect(await getInspection(s.agent1, inspection.id)).toBeNull(); // pending: not shown to the agent yet
    expect(await getInspection(outsider, inspection.id)).toBeNull();

    const points = [
      { code: "attitude", points: 6, comment: "语气生硬" },
      { code: "accuracy", points: 8, comment: "" },
    ];
    expect(await scoreInspectionCase(s.agent1, inspection.id, { version: 1, kind: "primary", points })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await scoreInspectionCase(outsider, inspection.id, { version: 1, kind: "primary", points })).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(
      await scoreInspectionCase(sup1, inspection.id, {
        version: 1,
        kind: "primary",
        points: [
          { code: "attitude", points: 11 },
          { code: "accuracy", points: 8 },
        ],
      }),
    ).toMatchObject({ ok: false, error: "invalid", fields: { "points.attitude": ["out_of_range"] } });
    // Criteria of version 2 are unknown to this case.
    expect(
      await scoreInspectionCase(sup1, inspection.id, {
        version: 1,
        kind: "primary",
        points: [...points, { code: "empathy", points: 5 }],
      }),
    ).toMatchObject({ ok: false, error: "invalid", fields: { "points.empathy": ["unknown"] } });
    // 6/10 × 0.4 + 8/10 × 0.6 = 24 + 48 = 72
    expect(await scoreInspectionCase(sup1, inspection.id, { version: 1, kind: "primary", points })).toMatchObject({
      ok: true,
      total: 72,
    });
    expect(await scoreInspectionCase(sup2, inspection.id, { version: 1, kind: "primary", points })).toMatchObject({
      ok: false,
    });
    expect(await db.notification.count({ where: { userId: s.a1.id, kind: "quality.result" } })).toBe(1);

    const seen = await getInspection(s.agent1, inspection.id);
    expect(seen).toMatchObject({ total: 72, status: "scored", can: { appeal: true, score: false, decide: false } });
    expect(seen?.scores[0]?.points).toEqual([
      { code: "attitude", points: 6, comment: "语气生硬" },
      { code: "accuracy", points: 8, comment: "" },
    ]);
    expect(await getInspection(s.agentB, inspection.id)).toBeNull();

    expect(await appealInspection(s.agent1, inspection.id, { version: 2, reason: "短" })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { reason: ["too_short"] },
    });
    expect(
      await appealInspection(s.agentB, inspection.id, {
        version: 2,
        reason: "The customer was rude first; I followed the script.",
      }),
    ).toMatchObject({ ok: false, error: "not_found" });
    expect(
      await appealInspection(s.agent1, inspection.id, { version: 2, reason: "客户先出言不逊，我按话术回应，请复核。" }),
    ).toMatchObject({ ok: true });
    expect(
      await appealInspection(s.agent1, inspection.id, { version: 3, reason: "客户先出言不逊，我按话术回应，请复核。" }),
    ).toMatchObject({ ok: false, error: "unprocessable" });
    // The second inspector hears of it; the first does not (they may not decide).
    expect(await db.notification.count({ where: { userId: sup2User.id, kind: "quality.appeal" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: sup1User.id, kind: "quality.appeal" } })).toBe(0);

    expect(
      await decideAppeal(sup1, inspection.id, { version: 3, decision: "rejected", comment: "维持原判" }),
    ).toMatchObject({ ok: false, error: "forbidden" });
    expect(
      await decideAppeal(sup2, inspection.id, { version: 3, decision: "upheld", comment: "态度分调整" }),
    ).toMatchObject({ ok: false, error: "invalid", fields: { points: ["required"] } });
    // 9/10 × 0.4 + 8/10 × 0.6 = 36 + 48 = 84
    expect(
      await decideAppeal(sup2, inspection.id, {
        version: 3,
        decision: "upheld",
        comment: "录音显示态度得当",
        points: [
          { code: "attitude", points: 9 },
          { code: "accuracy", points: 8 },
        ],
      }),
    ).toMatchObject({ ok: true, total: 84 });
    expect(await db.inspection.findUniqueOrThrow({ where: { id: inspection.id } })).toMatchObject({
      status: "final",
      total: 84,
      appealDecision: "upheld",
      appealDecidedById: sup2User.id,
    });
    expect(await db.notification.count({ where: { userId: s.a1.id, kind: "quality.appeal_decided" } })).toBe(1);
    const audit = await db.auditLog.findMany({
      where: { entityType: "inspection", entityId: String(inspection.id) },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(audit.map((row) => row.action)).toEqual([
      "quality.score_primary",
      "quality.appeal",
      "quality.appeal_decide",
    ]);
  });

  it("calibration: several inspectors score the same case and the spread is shown", async () => {
    const s = await setup(1);
    const { actor: sup1 } = await makeStaff("supervisor", [s.team]);
    const { actor: sup2 } = await makeStaff("supervisor", [s.team]);
    const complaint = await handled(s.customer.id, s.team.id, s.a2.id);
    await runSampling("2026-10");
    const { id } = await db.inspection.findUniqueOrThrow({ where: { complaintId: complaint.id } });
    await scoreInspectionCase(sup1, id, {
      version: 1,
      kind: "primary",
      points: [
        { code: "attitude", points: 10 },
        { code: "accuracy", points: 10 },
      ],
    }); // 100
    expect(
      await scoreInspectionCase(sup2, id, {
        version: 2,
        kind: "calibration",
        points: [
          { code: "attitude", points: 5 },
          { code: "accuracy", points: 10 },
        ],
      }),
    ).toMatchObject({ ok: false, error: "unprocessable" });
    expect(await setCalibration(sup1, id, { version: 2 }, true)).toMatchObject({ ok: true });
    expect(
      await scoreInspectionCase(sup2, id, {
        version: 3,
        kind: "calibration",
        points: [
          { code: "attitude", points: 5 },
          { code: "accuracy", points: 10 },
        ],
      }),
    ).toMatchObject({ ok: true, total: 80 });
    expect(
      await scoreInspectionCase(s.manager, id, {
        version: 3,
        kind: "calibration",
        points: [
          { code: "attitude", points: 5 },
          { code: "accuracy", points: 5 },
        ],
      }),
    ).toMatchObject({ ok: true, total: 50 });
    expect(
      await scoreInspectionCase(sup2, id, {
        version: 3,
        kind: "calibration",
        points: [
          { code: "attitude", points: 5 },
          { code: "accuracy", points: 5 },
        ],
      }),
    ).toMatchObject({ ok: false, error: "conflict" });
    // 100, 80, 50: range 50, mean 76.7, population σ = √((23.3² + 3.3² + 26.7²)/3) ≈ 20.5
    expect((await getInspection(sup1, id))?.spread).toEqual({ min: 50, max: 100, range: 50, mean: 76.7, stdDev: 20.5 });
  });
});

describe("appraisal", () => {
  it("combines KPI figures and the QA average with the team's weights, ranks, comments and acknowledgements", async () => {
    const s = await setup(5);
    const { actor: sup } = await makeStaff("supervisor", [s.team]);
    for (let index = 0; index < 4; index += 1) await handled(s.customer.id, s.team.id, s.a1.id);
    for (let index = 0; index < 2; index += 1) await handled(s.customer.id, s.team.id, s.a2.id);
    await runSampling("2026-10");
    const inspections = await db.inspection.findMany({
      where: { teamId: s.team.id },
      select: { id: true, agentId: true },
    });
    for (const inspection of inspections) {
      const full = inspection.agentId === s.a1.id ? 10 : 5; // a1: 100, a2: 50
      await scoreInspectionCase(sup, inspection.id, {
        version: 1,
        kind: "primary",
        points: [
          { code: "attitude", points: full },
          { code: "accuracy", points: full },
        ],
      });
    }
    await refreshAllKpiFacts(db);
    // Only QA and volume count for this team: a1 = (100 + 100)/2 = 100; a2 = (50 + 100 × 2/4)/2 = 50.
    expect(
      await saveTeamWeights(s.manager, {
        teamId: s.team.id,
        version: 0,
        weights: { frt: 0, sla: 0, fcr: 0, csat: 0, reopen: 0, volume: 1, qa: 1 },
      }),
    ).toMatchObject({ ok: true, version: 1 });
    expect(
      await saveTeamWeights(s.manager, {
        teamId: s.team.id,
        version: 0,
        weights: { frt: 0, sla: 0, fcr: 0, csat: 0, reopen: 0, volume: 1, qa: 1 },
      }),
    ).toMatchObject({ ok: false, error: "conflict" });
    expect(
      await saveTeamWeights(sup, {
        teamId: s.team.id,
        version: 1,
        weights: { frt: 0, sla: 0, fcr: 0, csat: 0, reopen: 0, volume: 0, qa: 0 },
      }),
    ).toMatchObject({ ok: false, error: "forbidden" });
    await computeAppraisals("2026-10");
    const rows = await listAppraisals(sup, "2026-10");
    const mine = rows
      .filter((row) => row.teamId === s.team.id)
      .map((row) => [row.agentId, row.figures.volume, row.figures.qa, row.total, row.rank]);
    expect(mine).toEqual([
      [s.a1.id, 4, 100, 100, 1],
      [s.a2.id, 2, 50, 50, 2],
    ]);
    // The agent sees only their own.
    expect((await listAppraisals(s.agent1, "2026-10")).map((row) => row.agentId)).toEqual([s.a1.id]);
    const own = rows.find((row) => row.agentId === s.a1.id)!;
    expect(await getAppraisal(s.agentB, own.id)).toBeNull();
    expect(await db.notification.count({ where: { userId: s.a1.id, kind: "quality.appraisal" } })).toBe(1);

    expect(await commentAppraisal(s.agent1, own.id, { version: own.version, comment: "自评很好" })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(
      await commentAppraisal(sup, own.id, { version: own.version, comment: "本月质检满分，继续保持。" }),
    ).toMatchObject({ ok: true });
    expect(await acknowledgeAppraisal(s.agent1, own.id, { version: own.version })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await acknowledgeAppraisal(s.agent1, own.id, { version: own.version + 1 })).toMatchObject({ ok: true });
    const detail = await getAppraisal(s.agent1, own.id);
    expect(detail?.trend.map((point) => point.month)).toEqual([
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
    ]);
    expect(detail?.trend.at(-1)).toMatchObject({ total: 100, rank: 1 });
    expect(detail).toMatchObject({
      supervisorComment: "本月质检满分，继续保持。",
      can: { acknowledge: false, comment: false },
    });
    // Recomputing with the same figures keeps the comment and the acknowledgement.
    await computeAppraisals("2026-10");
    expect(await db.appraisal.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({
      supervisorComment: "本月质检满分，继续保持。",
      acknowledgedAt: expect.any(Date),
    });
  });
});
