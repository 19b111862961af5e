// A small hand-computed world for the KPI tests (expected figures in tests/integration/kpi-dashboard.test.ts).
// Calendar Mon–Fri 09:00–18:00 Asia/Shanghai; June 2026 is the period, May the previous one.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { ComplaintStatus, SlaClockKind } from "@/lib/generated/prisma/enums";
import { makeChannel, makeComplaint, makeCustomer, makeSeverity, makeStaff, makeTeam } from "./factories";

export const at = (local: string) => new Date(`${local}:00+08:00`);
export const NOW = at("2026-06-30T12:00");

type Story = {
  teamId: number;
  assigneeId: number;
  createdAt: string;
  status: ComplaintStatus;
  firstResponseAt?: string;
  resolvedAt?: string;
  replies?: number;
  reopenCount?: number;
  escalatedTo?: number;
  statuses: [string, ComplaintStatus][];
  clocks?: { kind: SlaClockKind; dueAt: string; fulfilledAt?: string; breachedAt?: string }[];
};

export async function makeKpiWorld() {
  const [teamA, teamB] = [await makeTeam(), await makeTeam()];
  const agentA = await makeStaff("agent", [teamA], "Agent Alpha");
  const agentB = await makeStaff("agent", [teamB], "Agent Beta");
  const supervisorA = await makeStaff("supervisor", [teamA]);
  const manager = await makeStaff("manager");
  const channel = await makeChannel();
  const severity = await makeSeverity();
  const category = await db.category.create({
    data: { code: `kpi-${randomBytes(3).toString("hex")}`, nameZh: "航班", nameEn: "Flights" },
  });
  const emptyCategory = await db.category.create({
    data: { code: `kpi-${randomBytes(3).toString("hex")}`, nameZh: "空", nameEn: "Empty" },
  });
  const rootCause = await db.rootCause.create({
    data: { code: `rc-${randomBytes(3).toString("hex")}`, kind: "process", nameZh: "流程", nameEn: "Process" },
  });
  const customer = await makeCustomer();
  const calendar = await db.businessCalendar.create({
    data: {
      code: `office-${randomBytes(3).toString("hex")}`,
      nameZh: "工作日",
      nameEn: "Office hours",
      timeZone: "Asia/Shanghai",
      workingHours: {
        "1": [["09:00", "18:00"]],
        "2": [["09:00", "18:00"]],
        "3": [["09:00", "18:00"]],
        "4": [["09:00", "18:00"]],
        "5": [["09:00", "18:00"]],
      },
    },
  });
  const policy = await db.slaPolicy.create({
    data: { code: `p-${randomBytes(3).toString("hex")}`, nameZh: "默认", nameEn: "Default", calendarId: calendar.id },
  });

  async function story(s: Story) {
    const complaint = await makeComplaint({
      customerId: customer.id,
      channelId: channel.id,
      severityId: severity.id,
      categoryId: category.id,
      teamId: s.teamId,
      assigneeId: s.assigneeId,
      slaPolicyId: policy.id,
      status: s.status,
      createdAt: at(s.createdAt),
      firstResponseAt: s.firstResponseAt ? at(s.firstResponseAt) : null,
      resolvedAt: s.resolvedAt ? at(s.resolvedAt) : null,
      customerReplyCount: s.replies ?? 0,
      reopenCount: s.reopenCount ?? 0,
      escalationLevel: s.escalatedTo ?? 1,
      rootCauseId: s.resolvedAt ? rootCause.id : null,
    });
    await db.complaintEvent.createMany({
      data: s.statuses.map(([when, to]) => ({
        complaintId: complaint.id,
        kind:
          to === "new" ? ("created" as const) : to === "duplicate" ? ("merged" as const) : ("status_changed" as const),
        createdAt: at(when),
        data: { to },
      })),
    });
    for (const clock of s.clocks ?? []) {
      await db.slaClock.create({
        data: {
          complaintId: complaint.id,
          kind: clock.kind,
          policyId: policy.id,
          calendarId: calendar.id,
          targetMinutes: 60,
          startedAt: at(s.createdAt),
          dueAt: at(clock.dueAt),
          fulfilledAt: clock.fulfilledAt ? at(clock.fulfilledAt) : null,
          breachedAt: clock.breachedAt ? at(clock.breachedAt) : null,
        },
      });
    }
    if (s.escalatedTo) {
      await db.escalation.create({
        data: {
          complaintId: complaint.id,
          fromLevel: 1,
          level: s.escalatedTo,
          reason: "severity",
          createdAt: at(s.createdAt),
        },
      });
    }
    return complaint;
  }

  const a = teamA.id;
  const b = teamB.id;
  const c1 = await story({
    teamId: a,
    assigneeId: agentA.user.id,
    createdAt: "2026-06-01T10:00",
    status: "resolved",
    firstResponseAt: "2026-06-01T11:00",
    resolvedAt: "2026-06-02T10:00",
    replies: 1,
    statuses: [
      ["2026-06-01T10:00", "new"],
      ["2026-06-02T10:00", "resolved"],
    ],
    clocks: [
      { kind: "first_response", dueAt: "2026-06-01T11:00", fulfilledAt: "2026-06-01T11:00" },
      { kind: "resolution", dueAt: "2026-06-03T10:00", fulfilledAt: "2026-06-02T10:00" },
    ],
  });
  // Friday evening, waiting for the customer over the weekend: business FRT 180 − 90 paused = 90 minutes.
  const c2 = await story({
    teamId: a,
    assigneeId: agentA.user.id,
    createdAt: "2026-06-05T17:00",
    status: "closed",
    firstResponseAt: "2026-06-08T11:00",
    resolvedAt: "2026-06-08T12:00",
    replies: 2,
    statuses: [
      ["2026-06-05T17:00", "new"],
      ["2026-06-05T17:30", "pending_customer"],
      ["2026-06-08T10:00", "in_progress"],
      ["2026-06-08T12:00", "resolved"],
      ["2026-06-10T12:00", "closed"],
    ],
    clocks: [
      {
        kind: "first_response",
        dueAt: "2026-06-05T18:00",
        breachedAt: "2026-06-05T18:00",
        fulfilledAt: "2026-06-08T11:00",
      },
      { kind: "resolution", dueAt: "2026-06-09T17:00", fulfilledAt: "2026-06-08T12:00" },
    ],
  });
  // Escalated, resolved, reopened two days later, resolved again.
  const c3 = await story({
    teamId: b,
    assigneeId: agentB.user.id,
    createdAt: "2026-06-10T09:00",
    status: "resolved",
    firstResponseAt: "2026-06-10T10:00",
    resolvedAt: "2026-06-15T09:00",
    replies: 1,
    reopenCount: 1,
    escalatedTo: 2,
    statuses: [
      ["2026-06-10T09:00", "new"],
      ["2026-06-10T15:00", "resolved"],
      ["2026-06-12T10:00", "reopened"],
      ["2026-06-15T09:00", "resolved"],
    ],
    clocks: [
      { kind: "first_response", dueAt: "2026-06-10T10:00", fulfilledAt: "2026-06-10T10:00" },
      { kind: "resolution", dueAt: "2026-06-16T10:00", fulfilledAt: "2026-06-15T09:00" },
    ],
  });
  const c4 = await story({
    teamId: b,
    assigneeId: agentB.user.id,
    createdAt: "2026-06-20T10:00",
    status: "in_progress",
    statuses: [
      ["2026-06-20T10:00", "new"],
      ["2026-06-20T11:00", "in_progress"],
    ],
    clocks: [{ kind: "first_response", dueAt: "2026-06-22T10:00" }],
  });
  const c5 = await story({
    teamId: b,
    assigneeId: agentB.user.id,
    createdAt: "2026-06-21T10:00",
    status: "duplicate",
    statuses: [
      ["2026-06-21T10:00", "new"],
      ["2026-06-21T11:00", "duplicate"],
    ],
  });
  const c6 = await story({
    teamId: a,
    assigneeId: agentA.user.id,
    createdAt: "2026-05-12T10:00",
    status: "resolved",
    firstResponseAt: "2026-05-12T10:30",
    resolvedAt: "2026-05-13T10:00",
    replies: 1,
    statuses: [
      ["2026-05-12T10:00", "new"],
      ["2026-05-13T10:00", "resolved"],
    ],
  });

  // Surveys: three answered in June (CSAT 5/2/4, NPS 10/3/8, CES 6/2/5) and one sent in June and never answered.
  const answers: [number, number, number, number, string][] = [
    [c1.id, 5, 10, 6, "2026-06-03T10:00"],
    [c2.id, 2, 3, 2, "2026-06-09T10:00"],
    [c3.id, 4, 8, 5, "2026-06-16T10:00"],
  ];
  for (const [complaintId, csat, nps, ces, when] of answers) {
    const survey = await db.survey.create({
      data: {
        complaintId,
        customerId: customer.id,
        tokenHash: randomBytes(16).toString("hex"),
        locale: "zh_CN",
        status: "answered",
        sentAt: at(when),
        answeredAt: at(when),
        expiresAt: at("2026-07-30T00:00"),
      },
    });
    await db.surveyResponse.create({ data: { surveyId: survey.id, complaintId, csat, nps, ces, createdAt: at(when) } });
  }
  await db.survey.create({
    data: {
      complaintId: c3.id,
      customerId: customer.id,
      tokenHash: randomBytes(16).toString("hex"),
      locale: "zh_CN",
      status: "expired",
      sentAt: at("2026-06-11T10:00"),
      expiresAt: at("2026-06-25T00:00"),
    },
  });
  // Compensation: 200 CNY approved + 5,000 points issued (= 50 CNY) count; a proposal does not.
  await db.compensation.createMany({
    data: [
      {
        complaintId: c2.id,
        kind: "voucher",
        amount: "200.00",
        currency: "CNY",
        reason: "delay",
        status: "approved",
        proposedById: agentA.user.id,
        createdAt: at("2026-06-08T12:00"),
      },
      {
        complaintId: c2.id,
        kind: "miles",
        amount: "5000.00",
        currency: "PTS",
        reason: "delay",
        status: "issued",
        proposedById: agentA.user.id,
        createdAt: at("2026-06-08T12:00"),
      },
      {
        complaintId: c3.id,
        kind: "cash",
        amount: "999.00",
        currency: "CNY",
        reason: "x",
        status: "proposed",
        proposedById: agentB.user.id,
        createdAt: at("2026-06-12T12:00"),
      },
    ],
  });
  await db.passengerVolume.upsert({
    where: { month: new Date("2026-06-01T00:00:00Z") },
    create: { month: new Date("2026-06-01T00:00:00Z"), passengers: 300_000 },
    update: { passengers: 300_000 },
  });

  return {
    teamA,
    teamB,
    agentA,
    agentB,
    supervisorA,
    manager,
    category,
    emptyCategory,
    rootCause,
    complaints: { c1, c2, c3, c4, c5, c6 },
  };
}
