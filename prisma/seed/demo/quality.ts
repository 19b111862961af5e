// Demo quality data (issue 22): a versioned scorecard, the default sampling plan, three months of sampled and scored
// inspections (appeals upheld, rejected and one waiting, a calibration case, a queue left for the supervisor in the
// latest month) and three months of appraisals. Appraisal figures are computed here from the seeded complaints (the
// KPI facts do not exist yet inside the seed transaction); the monthly job recomputes them from the facts.
import type { Tx } from "../../../lib/db";
import { appraiseTeam, DEFAULT_WEIGHTS, monthRange, previousMonth, type Figures } from "../../../lib/quality/appraisal";
import { planSample } from "../../../lib/quality/sampling";
import { scoreInspection } from "../../../lib/quality/scoring";
import type { DemoStaff } from "./people";
import { SeededRandom } from "./random";

const CRITERIA_V1 = [
  { code: "attitude", labelZh: "服务态度", labelEn: "Attitude", weight: 20, maxPoints: 10, critical: false },
  { code: "accuracy", labelZh: "信息准确", labelEn: "Accuracy", weight: 25, maxPoints: 10, critical: false },
  {
    code: "script",
    labelZh: "话术与 SOP 规范",
    labelEn: "Script and SOP compliance",
    weight: 15,
    maxPoints: 10,
    critical: false,
  },
  { code: "timeliness", labelZh: "处理及时", labelEn: "Timeliness", weight: 15, maxPoints: 10, critical: false },
  { code: "documentation", labelZh: "记录完整", labelEn: "Documentation", weight: 10, maxPoints: 10, critical: false },
  { code: "resolution", labelZh: "问题解决", labelEn: "Resolution", weight: 15, maxPoints: 10, critical: false },
];
// Version 2 adds a critical privacy criterion (一票否决) and shifts weight to resolution.
const CRITERIA_V2 = [
  ...CRITERIA_V1.map((criterion) =>
    criterion.code === "resolution"
      ? { ...criterion, weight: 20 }
      : criterion.code === "documentation"
        ? { ...criterion, weight: 5 }
        : criterion,
  ),
  { code: "privacy", labelZh: "客户信息保护", labelEn: "Privacy protection", weight: 5, maxPoints: 5, critical: true },
];
const COMMENTS = [
  "语气平和，安抚到位",
  "未按话术确认航班信息",
  "回复及时",
  "记录缺少补偿依据",
  "解决方案清晰",
  "可更主动告知进度",
];

function monthsBefore(now: Date, count: number): string[] {
  const months: string[] = [];
  let cursor = now;
  for (let index = 0; index < count; index += 1) {
    const month = previousMonth(cursor);
    months.unshift(month);
    cursor = monthRange(month).from;
  }
  return months;
}

const median = (values: number[]) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const percent = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : null);

export async function seedQuality(
  tx: Tx,
  staff: DemoStaff,
  now: Date,
): Promise<{ inspections: number; appraisals: number }> {
  const random = new SeededRandom(22_2026);
  const card = await tx.scorecard.create({
    data: {
      code: "complaint-handling",
      nameZh: "投诉处理质检标准",
      nameEn: "Complaint handling standard",
      currentNumber: 2,
      version: 2,
    },
  });
  const v1 = await tx.scorecardVersion.create({
    data: {
      scorecardId: card.id,
      number: 1,
      criteria: CRITERIA_V1,
      createdById: staff.managerId,
      createdAt: new Date(now.getTime() - 120 * 86_400_000),
    },
  });
  const v2 = await tx.scorecardVersion.create({
    data: {
      scorecardId: card.id,
      number: 2,
      criteria: CRITERIA_V2,
      createdById: staff.managerId,
      createdAt: new Date(now.getTime() - 40 * 86_400_000),
    },
  });
  await tx.samplingPlan.create({ data: { teamId: null, perAgent: 3, scorecardId: card.id } });
  const teams = Object.values(staff.teams);
  await tx.appraisalWeights.create({
    data: {
      teamId: staff.teams.phone.id,
      weights: { frt: 10, sla: 15, fcr: 15, csat: 25, reopen: 10, volume: 5, qa: 20 },
      updatedById: staff.managerId,
    },
  });
  const supervisorOfTeam = new Map(teams.map((team) => [team.id, team.supervisorId]));
  const months = monthsBefore(now, 3);
  let inspections = 0;
  let appraisals = 0;

  for (const [monthIndex, month] of months.entries()) {
    const latest = monthIndex === months.length - 1;
    const version = latest ? { id: v2.id, criteria: CRITERIA_V2 } : { id: v1.id, criteria: CRITERIA_V1 };
    const { from, to } = monthRange(month);
    const handled = await tx.complaint.findMany({
      where: { assigneeId: { not: null }, duplicateOfId: null, resolvedAt: { gte: from, lt: to } },
      select: {
        id: true,
        assigneeId: true,
        teamId: true,
        createdAt: true,
        firstResponseAt: true,
        reopenCount: true,
        escalationLevel: true,
        slaBreached: true,
        customerReplyCount: true,
        surveyResponses: { select: { csat: true } },
      },
    });
    const rows = handled.map((row) => {
      const scores = row.surveyResponses
        .map((response) => response.csat)
        .filter((csat): csat is number => csat !== null);
      return {
        ...row,
        agentId: row.assigneeId!,
        csat: scores.length ? Math.min(...scores) : null,
        escalated: row.escalationLevel > 1,
        reopened: row.reopenCount > 0,
      };
    });
    const picked = planSample(rows, { perAgent: 3, alreadySampled: new Set(), seed: 2026 + monthIndex });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const qaByAgent = new Map<number, number[]>();
    // Appeals and the calibration case go to the month's first scored cases (counted below), so a pick that stays in
    // the queue or whose agent is the inspector never swallows them.
    let scored = -1;
    for (const [pickIndex, pick] of picked.entries()) {
      const row = byId.get(pick.id)!;
      const inspectorId = (row.teamId && supervisorOfTeam.get(row.teamId)) || staff.managerId;
      const createdAt = new Date(to.getTime() + 86_400_000);
      // The latest month keeps a queue: the demo agent's cases and every third other case wait for an inspector.
      const pending = latest && (pick.agentId === staff.demoAgentId || pickIndex % 3 === 0);
      if (pending || inspectorId === pick.agentId) {
        await tx.inspection.create({
          data: {
            complaintId: pick.id,
            agentId: pick.agentId,
            teamId: row.teamId,
            month,
            reason: pick.reason,
            scorecardVersionId: version.id,
            createdAt,
          },
        });
        inspections += 1;
        continue;
      }
      scored += 1;
      const low = pick.reason === "low_csat" || random.chance(0.15);
      const points = version.criteria.map((criterion) => ({
        code: criterion.code,
        points: criterion.critical
          ? criterion.maxPoints
          : Math.max(0, criterion.maxPoints - random.int(0, low ? 5 : 2)),
        comment: random.chance(0.3) ? COMMENTS[random.int(0, COMMENTS.length - 1)]! : "",
      }));
      const result = scoreInspection(version.criteria, points);
      const total = result.ok ? result.total : 0;
      const scoredAt = new Date(createdAt.getTime() + 2 * 86_400_000);
      // Appeals: in the middle month one upheld and one rejected; in the latest month one waiting for a decision.
      const appeal =
        scored === 1 && monthIndex === 1
          ? "upheld"
          : scored === 2 && monthIndex === 1
            ? "rejected"
            : scored === 1 && latest
              ? "waiting"
              : null;
      const finalTotal = appeal === "upheld" ? Math.min(100, total + 8) : total;
      const inspection = await tx.inspection.create({
        data: {
          complaintId: pick.id,
          agentId: pick.agentId,
          teamId: row.teamId,
          month,
          reason: pick.reason,
          scorecardVersionId: version.id,
          createdAt,
          status: appeal === "waiting" ? "appealed" : appeal ? "final" : "scored",
          inspectorId,
          total: finalTotal,
          scoredAt,
          calibration: scored === 0 && monthIndex === 1,
          ...(appeal
            ? {
                appealReason: "客户当时情绪激动，我已按话术安抚并及时升级，请复核态度项评分。",
                appealedAt: new Date(scoredAt.getTime() + 86_400_000),
              }
            : {}),
          ...(appeal && appeal !== "waiting"
            ? {
                appealDecision: appeal,
                appealDecidedById: staff.managerId,
                appealDecidedAt: new Date(scoredAt.getTime() + 3 * 86_400_000),
                appealComment:
                  appeal === "upheld" ? "复听录音，态度得当，上调评分。" : "记录显示未按 SOP 确认信息，维持原分。",
              }
            : {}),
        },
      });
      await tx.inspectionScore.create({
        data: { inspectionId: inspection.id, inspectorId, kind: "primary", points, total, createdAt: scoredAt },
      });
      if (appeal === "upheld") {
        await tx.inspectionScore.create({
          data: {
            inspectionId: inspection.id,
            inspectorId: staff.managerId,
            kind: "appeal",
            points: points.map((row) => ({ ...row, points: Math.min(row.points + 1, 10) })),
            total: finalTotal,
            comment: "复听录音，态度得当，上调评分。",
            createdAt: new Date(scoredAt.getTime() + 3 * 86_400_000),
          },
        });
      }
      if (scored === 0 && monthIndex === 1) {
        // Calibration: two more inspectors score the same case; the page shows the spread.
        for (const [offset, calibrator] of [staff.managerId, staff.teams.baggage.supervisorId]
          .filter((id) => id !== inspectorId && id !== pick.agentId)
          .entries()) {
          const calibrated = points.map((row) => ({ ...row, points: Math.max(0, row.points - (offset + 1)) }));
          const scored = scoreInspection(version.criteria, calibrated);
          await tx.inspectionScore.create({
            data: {
              inspectionId: inspection.id,
              inspectorId: calibrator,
              kind: "calibration",
              points: calibrated,
              total: scored.ok ? scored.total : 0,
              createdAt: scoredAt,
            },
          });
        }
      }
      qaByAgent.set(pick.agentId, [...(qaByAgent.get(pick.agentId) ?? []), finalTotal]);
      inspections += 1;
    }

    // Appraisals per team from the month's complaints.
    for (const team of teams) {
      const agentIds = [...new Set(rows.filter((row) => row.teamId === team.id).map((row) => row.agentId))]
        .filter((id) => team.agentIds.includes(id))
        .sort((a, b) => a - b);
      if (!agentIds.length) continue;
      const agents = agentIds.map((agentId) => {
        const own = rows.filter((row) => row.agentId === agentId && row.teamId === team.id);
        const frts = own.flatMap((row) =>
          row.firstResponseAt ? [Math.round((row.firstResponseAt.getTime() - row.createdAt.getTime()) / 60_000)] : [],
        );
        const csats = own.flatMap((row) =>
          row.surveyResponses.map((response) => response.csat).filter((csat): csat is number => csat !== null),
        );
        const qa = qaByAgent.get(agentId) ?? [];
        const figures: Figures = {
          frt: median(frts),
          sla: percent(own.filter((row) => !row.slaBreached).length, own.length),
          fcr: percent(own.filter((row) => row.reopenCount === 0 && row.customerReplyCount <= 1).length, own.length),
          csat: percent(csats.filter((csat) => csat >= 4).length, csats.length),
          reopen: percent(own.filter((row) => row.reopenCount > 0).length, own.length),
          volume: own.length,
          qa: qa.length ? Math.round((10 * qa.reduce((sum, value) => sum + value, 0)) / qa.length) / 10 : null,
        };
        return { agentId, figures };
      });
      const weights =
        team.id === staff.teams.phone.id
          ? { frt: 10, sla: 15, fcr: 15, csat: 25, reopen: 10, volume: 5, qa: 20 }
          : DEFAULT_WEIGHTS;
      for (const row of appraiseTeam(agents, weights)) {
        const older = !latest;
        await tx.appraisal.create({
          data: {
            agentId: row.agentId,
            teamId: team.id,
            month,
            figures: row.figures,
            scores: row.scores,
            weights,
            total: row.total,
            rank: row.rank,
            teamSize: agents.length,
            computedAt: new Date(to.getTime() + 86_400_000),
            ...(older
              ? {
                  supervisorComment:
                    row.rank === 1 ? "本月表现突出，继续保持。" : "注意按 SOP 确认航班信息，提升一次解决率。",
                  commentedById: team.supervisorId,
                  commentedAt: new Date(to.getTime() + 3 * 86_400_000),
                }
              : {}),
            ...(older && (monthIndex === 0 || row.rank % 2 === 1)
              ? { acknowledgedAt: new Date(to.getTime() + 5 * 86_400_000) }
              : {}),
          },
        });
        appraisals += 1;
      }
    }
  }
  return { inspections, appraisals };
}
