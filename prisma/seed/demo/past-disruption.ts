// The demo's past mass disruption (issue 17): a snowstorm at Beijing Capital 120 days ago, declared L1, 1,000 linked
// complaints that were sent an update, resolved in bulk and closed, the incident closed. Written in a handful of
// INSERT … SELECT statements over generate_series, so the demo still seeds in seconds. Also owners, an older plan due
// for review and one drill with a follow-up action for the contingency plans the template installed.
import type { Tx } from "../../../lib/db";
import type { DemoStaff } from "./people";
import type { Reference } from "./reference";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const PAST_DISRUPTION_COMPLAINTS = 1_000;
const FLIGHTS = ["CA1501", "CA1321", "CA1303", "CA1857", "CA1831", "CA981"];

export async function seedPastDisruption(
  tx: Tx,
  reference: Reference,
  staff: DemoStaff,
  now: Date,
): Promise<{ incidents: number; complaints: number }> {
  const cancel = reference.subcategories.find((sub) => sub.code === "FLT-CANCEL");
  const plan = await tx.contingencyPlan.findUnique({
    where: { code: "PLAN-FLT-DISRUPT" },
    select: { id: true, revision: true, steps: true },
  });
  if (!cancel || !plan) return { incidents: 0, complaints: 0 }; // airline-only story
  const startedAt = new Date(now.getTime() - 120 * DAY);
  const recoveredAt = new Date(startedAt.getTime() + 30 * HOUR);
  const notifiedAt = new Date(startedAt.getTime() + 6 * HOUR);
  const resolvedAt = new Date(startedAt.getTime() + 52 * HOUR);
  const closedAt = new Date(startedAt.getTime() + 9 * DAY);
  const owner = staff.teams.phone.supervisorId;
  const channelIds = reference.channels.filter((channel) => !channel.isRegulator).map((channel) => channel.id);
  const severityId = [...reference.severities].sort((a, b) => a.rank - b.rank)[1]?.id ?? reference.severities[0]!.id;
  const rootCauseId =
    (reference.rootCausesByCategory.get(cancel.parentId) ?? []).find((cause) => /WEATHER|WX/i.test(cause.code))?.id ??
    reference.rootCausesByCategory.get(cancel.parentId)?.[0]?.id ??
    null;
  const policyId = reference.policies.find((policy) => policy.isDefault)?.id ?? reference.policies[0]?.id ?? null;
  const agents = [...staff.teams.phone.agentIds, ...staff.teams.member.agentIds];
  const year = startedAt.getUTCFullYear();
  const sequence = await tx.complaintSequence.findUnique({ where: { year }, select: { last: true } });
  const first = (sequence?.last ?? 0) + 1;
  const resolutionText =
    "航班因暴雪取消，已为您免费改签或全额退票，并按标准提供餐食住宿。 / Your flight was cancelled by the snowstorm; we rebooked or refunded it free of charge and provided meals and a hotel as per our standard.";

  const incident = await tx.incident.create({
    data: {
      type: "flight_disruption",
      level: "L1",
      status: "closed",
      title: "暴雪致北京首都机场大面积航班取消 Snowstorm cancellations at Beijing Capital",
      description: "强降雪导致首都机场跑道关闭约 20 小时，进出港航班大面积取消，启动航班大面积延误与取消应急预案。",
      affected: ["PEK"],
      flightNumbers: FLIGHTS,
      airports: ["PEK"],
      keywords: ["暴雪", "snowstorm"],
      startedAt,
      recoveredAt,
      expectedRecoveryAt: recoveredAt,
      createdAt: startedAt,
      impactEstimate: "约 120 个航班、18,000 名旅客受影响 · about 120 flights and 18,000 passengers affected",
      affectedEstimate: 18_000,
      ownerId: owner,
      declaredById: owner,
      customerScript:
        "非常抱歉，受暴雪影响您的航班已取消，我们为您免费改签或全额退票并安排住宿。 / We are sorry: the snowstorm cancelled your flight; we rebook or refund free of charge and arrange a hotel.",
      resolutionText,
      firstReportDueAt: new Date(startedAt.getTime() + 10 * 60_000),
      firstReportAt: new Date(startedAt.getTime() + 7 * 60_000),
      events: {
        create: [
          {
            kind: "declared",
            actorId: owner,
            body: "首都机场跑道关闭 · PEK runways closed",
            data: { level: "L1", type: "flight_disruption" },
            createdAt: startedAt,
          },
          {
            kind: "plan_adopted",
            actorId: owner,
            data: { planId: plan.id, revision: plan.revision, proposed: true },
            createdAt: startedAt,
          },
          {
            kind: "report",
            actorId: owner,
            body: "跑道预计关闭 20 小时，改签退票通道已开放。 · Runways closed for about 20 hours; rebooking and refunds open.",
            data: { first: true, late: false },
            createdAt: new Date(startedAt.getTime() + 7 * 60_000),
          },
          {
            kind: "link_finished",
            data: { status: "done", succeeded: PAST_DISRUPTION_COMPLAINTS, failed: 0 },
            createdAt: new Date(startedAt.getTime() + 5 * HOUR),
          },
          {
            kind: "notify_requested",
            actorId: owner,
            data: { total: PAST_DISRUPTION_COMPLAINTS },
            createdAt: notifiedAt,
          },
          {
            kind: "notify_finished",
            data: { status: "done", succeeded: PAST_DISRUPTION_COMPLAINTS, failed: 0 },
            createdAt: new Date(notifiedAt.getTime() + 2 * 60_000),
          },
          { kind: "status_changed", actorId: owner, data: { from: "active", to: "recovered" }, createdAt: recoveredAt },
          {
            kind: "resolve_finished",
            data: { status: "done", succeeded: PAST_DISRUPTION_COMPLAINTS, failed: 0 },
            createdAt: resolvedAt,
          },
          {
            kind: "status_changed",
            actorId: owner,
            body: "全部投诉已结案 · every complaint closed",
            data: { from: "recovered", to: "closed" },
            createdAt: closedAt,
          },
        ],
      },
    },
    select: { id: true },
  });
  // Its plan, every step ticked during the first hours.
  const steps = Array.isArray(plan.steps) ? plan.steps.length : 0;
  await tx.incidentPlan.create({
    data: {
      incidentId: incident.id,
      planId: plan.id,
      revision: plan.revision,
      createdAt: startedAt,
      checks: {
        create: Array.from({ length: steps }, (_value, step) => ({
          step,
          checkedById: owner,
          checkedAt: new Date(startedAt.getTime() + (step + 1) * 40 * 60_000),
        })),
      },
    },
  });

  // 1,000 complaints over the first 30 hours (most in the first 8), customers and channels round-robin. The customers
  // are those the phone and member teams already serve, so customers of other teams keep complaints only there (the
  // team-scope checks need such customers).
  const teamIds = [staff.teams.phone.id, staff.teams.member.id];
  await tx.$executeRaw`
    INSERT INTO complaints (reference, "customerId", "channelId", type, "categoryId", "subcategoryId", "severityId", priority, subject, description, locale,
      "flightNumber", "serviceDate", status, "assigneeId", "teamId", "slaPolicyId", "acknowledgedAt", "firstResponseAt", "resolvedAt", "closedAt",
      "rootCauseId", "resolutionSummary", "incidentId", "customerReplyCount", version, "createdAt", "updatedAt")
    SELECT 'CMP-' || ${year}::int || '-' || lpad((${first}::int + g - 1)::text, 6, '0'),
      c.id, (${channelIds}::int[])[1 + g % cardinality(${channelIds}::int[])], 'complaint', ${cancel.parentId}::int, ${cancel.id}::int, ${severityId}::int, 'normal',
      CASE WHEN c.locale = 'en' THEN 'Flight ' || f.flight || ' cancelled by the snowstorm' ELSE '暴雪导致航班 ' || f.flight || ' 取消' END,
      CASE WHEN c.locale = 'en' THEN 'My flight ' || f.flight || ' from Beijing was cancelled because of the snowstorm. I need to be rebooked and want to know about a hotel.'
           ELSE '因暴雪，我在首都机场的航班 ' || f.flight || ' 被取消，现在需要改签，请问住宿怎么安排？' END,
      c.locale, f.flight, ${startedAt}::date, 'closed', (${agents}::int[])[1 + g % cardinality(${agents}::int[])], ${staff.teams.phone.id}::int, ${policyId}::int,
      t.at + interval '20 minutes', ${notifiedAt}::timestamp, ${resolvedAt}::timestamp, ${closedAt}::timestamp,
      ${rootCauseId}::int, ${resolutionText}, ${incident.id}::int, 2, 4, t.at, ${closedAt}::timestamp
    FROM generate_series(1, ${PAST_DISRUPTION_COMPLAINTS}::int) AS g
    CROSS JOIN LATERAL (SELECT ${startedAt}::timestamp + (power((g * 0.6180339887) % 1, 2.2) * interval '30 hours') + interval '15 minutes' AS at) t
    CROSS JOIN LATERAL (SELECT (${FLIGHTS}::text[])[1 + g % ${FLIGHTS.length}::int] AS flight) f
    JOIN LATERAL (SELECT id, locale FROM customers cu WHERE "mergedIntoId" IS NULL AND EXISTS (SELECT 1 FROM complaints k WHERE k."customerId" = cu.id AND k."teamId" = ANY(${teamIds}::int[]))
                  ORDER BY id OFFSET (g % (SELECT count(*) FROM customers cu WHERE "mergedIntoId" IS NULL AND EXISTS (SELECT 1 FROM complaints k WHERE k."customerId" = cu.id AND k."teamId" = ANY(${teamIds}::int[])))) LIMIT 1) c ON true`;
  await tx.complaintSequence.upsert({
    where: { year },
    create: { year, last: first + PAST_DISRUPTION_COMPLAINTS - 1 },
    update: { last: first + PAST_DISRUPTION_COMPLAINTS - 1 },
  });

  // Each complaint's timeline: created, linked, the customer update, resolved with the incident's text (result notice),
  // closed.
  await tx.$executeRaw`
    INSERT INTO complaint_events ("complaintId", kind, "actorType", "actorId", visibility, body, data, "createdAt")
    SELECT id, e.kind::"EventKind", e.actor::"ActorType", CASE WHEN e.actor = 'user' THEN ${owner}::int END, e.visibility::"Visibility", e.body, e.data, e.at
    FROM complaints c
    CROSS JOIN LATERAL (VALUES
      ('created', 'customer', 'internal', NULL, NULL::jsonb, c."createdAt"),
      ('incident_linked', 'system', 'internal', NULL, jsonb_build_object('incidentId', ${incident.id}::int), c."createdAt" + interval '1 minute'),
      ('reply', 'user', 'customer', CASE WHEN c.locale = 'en' THEN 'The snowstorm closed Beijing Capital. Your flight ' || c."flightNumber" || ' is cancelled; we rebook or refund free of charge and arrange a hotel.' ELSE '暴雪导致首都机场关闭，您的航班 ' || c."flightNumber" || ' 已取消，我们为您免费改签或退票并安排住宿。' END, jsonb_build_object('incidentId', ${incident.id}::int), ${notifiedAt}::timestamp),
      ('status_changed', 'user', 'internal', NULL, jsonb_build_object('from', 'in_progress', 'to', 'resolved'), ${resolvedAt}::timestamp),
      ('reply', 'user', 'customer', c."resolutionSummary", jsonb_build_object('resultNotice', true), ${resolvedAt}::timestamp),
      ('status_changed', 'system', 'internal', NULL, jsonb_build_object('from', 'resolved', 'to', 'closed'), ${closedAt}::timestamp)
    ) AS e(kind, actor, visibility, body, data, at)
    WHERE c."incidentId" = ${incident.id}`;

  // The runs that did it (link, notify, resolve), with the notify run's per-complaint notices.
  const ids = (
    await tx.complaint.findMany({ where: { incidentId: incident.id }, orderBy: { id: "asc" }, select: { id: true } })
  ).map((row) => row.id);
  const run = (kind: string, at: Date, payload: object) => ({
    incidentId: incident.id,
    kind,
    status: "done",
    complaintIds: ids,
    cursor: ids.length,
    succeeded: ids.length,
    actorId: owner,
    payload,
    createdAt: at,
    finishedAt: new Date(at.getTime() + 2 * 60_000),
  });
  await tx.incidentRun.create({ data: run("link", new Date(startedAt.getTime() + 5 * HOUR), {}) });
  const notify = await tx.incidentRun.create({
    data: run("notify", notifiedAt, {
      subjectZh: "航班取消通知",
      subjectEn: "Your flight is cancelled",
      bodyZh: "{name}您好：暴雪导致航班 {flight} 取消。",
      bodyEn: "Dear {name}: the snowstorm cancelled flight {flight}.",
    }),
    select: { id: true },
  });
  await tx.$executeRaw`INSERT INTO incident_notices ("runId", "complaintId", channel, "createdAt") SELECT ${notify.id}::int, id, 'email', ${notifiedAt}::timestamp FROM complaints WHERE "incidentId" = ${incident.id}`;
  await tx.incidentRun.create({
    data: run("resolve", new Date(resolvedAt.getTime() - HOUR), { rootCauseId, resolutionText }),
  });
  return { incidents: 1, complaints: ids.length };
}

/**
 * Owners for the installed plans, one plan near its 3-year review, and a drill (with a follow-up action) of the
 * disruption plan.
 */
export async function seedPlanDemo(tx: Tx, staff: DemoStaff, now: Date): Promise<{ drills: number }> {
  const plans = await tx.contingencyPlan.findMany({
    orderBy: { id: "asc" },
    select: { id: true, code: true, revision: true, steps: true },
  });
  if (plans.length === 0) return { drills: 0 };
  await tx.contingencyPlan.updateMany({ data: { ownerId: staff.teams.phone.supervisorId } });
  const old = plans.find((plan) => plan.code === "PLAN-DATA-BREACH");
  if (old) {
    // Revised almost 3 years ago and never drilled: the library warns about both.
    const revisedAt = new Date(now.getTime() - (3 * 365 - 20) * DAY);
    const nextReviewAt = new Date(revisedAt);
    nextReviewAt.setUTCFullYear(nextReviewAt.getUTCFullYear() + 3);
    await tx.contingencyPlan.update({
      where: { id: old.id },
      data: { revisedAt, nextReviewAt, ownerId: staff.managerId },
    });
  }
  const disruption = plans.find((plan) => plan.code === "PLAN-FLT-DISRUPT");
  if (!disruption) return { drills: 0 };
  const heldAt = new Date(now.getTime() - 75 * DAY);
  const action = await tx.improvementAction.create({
    data: {
      title: "预置航班取消短信模板 Pre-write the cancellation SMS",
      description: "演练跟进 / Drill follow-up: 航班大面积延误与取消应急预案",
      kind: "preventive",
      status: "in_progress",
      ownerId: staff.teams.phone.supervisorId,
      dueAt: new Date(heldAt.getTime() + 90 * DAY),
      createdAt: heldAt,
    },
    select: { id: true },
  });
  await tx.planDrill.create({
    data: {
      planId: disruption.id,
      planRevision: disruption.revision,
      heldAt,
      createdById: staff.managerId,
      createdAt: heldAt,
      scenario:
        "桌面推演：台风导致上海浦东 40 个航班取消，6,000 名旅客受影响。 · Tabletop: a typhoon cancels 40 flights at Pudong, 6,000 passengers affected.",
      participants: ["值班经理 Duty manager", "AOC", "地服 Ground services", "客服中心 Contact centre"],
      timings: [
        { step: 0, targetMinutes: 10, achievedMinutes: 8 },
        { step: 1, targetMinutes: 15, achievedMinutes: 14 },
        { step: 2, targetMinutes: 30, achievedMinutes: 42 },
        { step: 3, targetMinutes: 30, achievedMinutes: 25 },
        { step: 4, targetMinutes: 60, achievedMinutes: 75 },
      ],
      findings:
        "改签通道开放晚 12 分钟；客户通知依赖人工拼写短信，超时 15 分钟。 · Rebooking opened 12 minutes late; customer notices were typed by hand and ran 15 minutes over.",
      actions: { create: [{ actionId: action.id }] },
    },
  });
  return { drills: 1 };
}
