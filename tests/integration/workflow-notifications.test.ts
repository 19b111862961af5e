// Work that must not wait unseen (issue 15, items 1, 2, 4, 9): compensation approvals reach the approvers (bell +
// one digest e-mail) and the decision reaches the proposer; low survey scores reach the supervisor; hand-overs reach
// the new owner; the notification list is newest first; notification e-mails never have an empty subject.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { assignComplaint } from "@/lib/complaints/assign-complaint";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { countPendingApprovals, listPendingApprovals } from "@/lib/compensation/queries";
import { decideCompensationSchema, proposeCompensationSchema } from "@/lib/compensation/schema";
import { decideCompensation, proposeCompensation } from "@/lib/compensation/service";
import { sendNotificationDigests } from "@/lib/notifications/digest";
import { listNotifications } from "@/lib/notifications/service";
import { submitSurveyAnswer } from "@/lib/surveys/answer-survey";
import { copySurveyLink } from "@/lib/surveys/link";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

type Staff = Awaited<ReturnType<typeof makeStaff>>;

let team: { id: number };
let agent: Staff;
let colleague: Staff;
let supervisor: Staff;
let otherSupervisor: Staff;
let manager: Staff;
let complaint: { id: number; reference: string; subject: string };

const notificationsOf = (userId: number, kind?: string) =>
  db.notification.findMany({
    where: { userId, ...(kind ? { kind } : {}) },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, params: true, complaintId: true },
  });

async function propose(actor: Actor, amount: number, extra: Record<string, unknown> = {}) {
  const result = await proposeCompensation(
    actor,
    proposeCompensationSchema.parse({
      complaintId: complaint.id,
      kind: "refund",
      currency: "CNY",
      reason: "延误五小时",
      amount,
      ...extra,
    }),
  );
  if (!result.ok) throw new Error(result.message);
  return result.compensation;
}

/** Settles every pending notification into the outbox now, and returns the e-mails it wrote for `userId`. */
async function digestFor(email: string) {
  await sendNotificationDigests({ settleSeconds: 0, appUrl: "https://csm.test" });
  return db.outboundEmail.findMany({
    where: { to: email },
    orderBy: { id: "asc" },
    select: { subject: true, text: true, kind: true },
  });
}

beforeAll(async () => {
  team = await makeTeam();
  agent = await makeStaff("agent", [team], "王小明");
  colleague = await makeStaff("agent", [team], "李娜");
  supervisor = await makeStaff("supervisor", [team], "张主管");
  otherSupervisor = await makeStaff("supervisor", [await makeTeam()]);
  manager = await makeStaff("manager", [], "陈经理");
  await db.team.update({ where: { id: team.id }, data: { supervisorId: supervisor.user.id } });
  const customer = await makeCustomer();
  complaint = await makeComplaint({
    customerId: customer.id,
    teamId: team.id,
    assigneeId: agent.user.id,
    status: "in_progress",
    subject: "行李破损索赔",
  });
});

describe("compensation approvals", () => {
  it("tells the team's supervisor of a proposal above the agent's limit — not another team's supervisor, not the managers", async () => {
    const compensation = await propose(agent.actor, 800);
    const [notification] = await notificationsOf(supervisor.user.id, "compensation.awaiting_approval");
    expect(notification).toMatchObject({
      complaintId: complaint.id,
      params: {
        reference: complaint.reference,
        subject: "行李破损索赔",
        amount: "800.00",
        currency: "CNY",
        compensationKind: "refund",
        by: "王小明",
      },
    });
    expect(await notificationsOf(otherSupervisor.user.id)).toEqual([]);
    expect(await notificationsOf(manager.user.id, "compensation.awaiting_approval")).toEqual([]);
    // One place lists it, with a count for the home page.
    expect((await listPendingApprovals(supervisor.actor)).map((row) => row.id)).toContain(compensation.id);
    expect(await countPendingApprovals(supervisor.actor)).toBeGreaterThanOrEqual(1);
  });

  it("does not notify anyone of a proposal within the proposer's own limit", async () => {
    const before = await db.notification.count({ where: { kind: "compensation.awaiting_approval" } });
    await propose(agent.actor, 200);
    expect(await db.notification.count({ where: { kind: "compensation.awaiting_approval" } })).toBe(before);
  });

  it("sends an amount above the supervisor's limit to the managers", async () => {
    await propose(agent.actor, 8000);
    expect(await notificationsOf(manager.user.id, "compensation.awaiting_approval")).toHaveLength(1);
    const forSupervisor = await notificationsOf(supervisor.user.id, "compensation.awaiting_approval");
    expect(forSupervisor.map((row) => row.params)).not.toContainEqual(expect.objectContaining({ amount: "8000.00" }));
  });

  it("lists miles above the agent's limit in the supervisor's inbox (valued at the points rate)", async () => {
    const miles = await propose(agent.actor, 80_000, { kind: "miles", currency: "PTS" });
    expect((await listPendingApprovals(supervisor.actor)).map((row) => row.id)).toContain(miles.id);
    expect(await notificationsOf(supervisor.user.id, "compensation.awaiting_approval")).toContainEqual(
      expect.objectContaining({ params: expect.objectContaining({ currency: "PTS" }) }),
    );
  });

  it("e-mails the supervisor one digest for several proposals, not one e-mail each", async () => {
    await propose(colleague.actor, 900);
    const emails = await digestFor(supervisor.user.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toMatch(/待您审批|await your approval/);
    expect(emails[0]?.text).toContain(complaint.reference);
    // Nothing pending stays behind: the next run sends nothing more.
    expect(await digestFor(supervisor.user.email)).toHaveLength(1);
  });

  it("tells the proposer the decision: approved, then rejected with the note", async () => {
    const first = await propose(agent.actor, 700);
    const second = await propose(agent.actor, 650);
    const approve = await decideCompensation(
      supervisor.actor,
      decideCompensationSchema.parse({ compensationId: first.id, version: first.version, decision: "approve" }),
    );
    const reject = await decideCompensation(
      supervisor.actor,
      decideCompensationSchema.parse({
        compensationId: second.id,
        version: second.version,
        decision: "reject",
        note: "超出标准",
      }),
    );
    expect(approve.ok && reject.ok).toBe(true);
    const decided = await notificationsOf(agent.user.id, "compensation.decided");
    expect(decided.map((row) => row.params)).toEqual([
      expect.objectContaining({ reference: complaint.reference, decision: "approved", by: "张主管", amount: "700.00" }),
      expect.objectContaining({
        reference: complaint.reference,
        decision: "rejected",
        by: "张主管",
        amount: "650.00",
        note: "超出标准",
      }),
    ]);
    expect((await listPendingApprovals(supervisor.actor)).map((row) => row.id)).not.toContain(first.id);
    const emails = await digestFor(agent.user.email);
    expect(emails.at(-1)?.text).toMatch(/批准|approved/);
    expect(emails.at(-1)?.text).toMatch(/驳回|rejected/);
  });
});

describe("low survey scores", () => {
  it("notify the team's supervisor once (bell, then e-mail), beside the 回访 task", async () => {
    const customer = await makeCustomer({ email: `low-${randomBytes(3).toString("hex")}@example.com`, locale: "en" });
    const made = await makeComplaint({
      customerId: customer.id,
      teamId: team.id,
      assigneeId: agent.user.id,
      status: "in_progress",
      locale: "en",
      subject: "Seat broken",
    });
    const rootCause = await db.rootCause.create({
      data: { code: `RC-${randomBytes(2).toString("hex")}`, kind: "process", nameZh: "流程", nameEn: "Process" },
    });
    const resolved = await transitionComplaint(agent.actor, made.id, {
      version: made.version,
      to: "resolved",
      rootCauseId: rootCause.id,
      resolutionSummary: "Seat repaired.",
    });
    expect(resolved.ok).toBe(true);
    const link = await copySurveyLink(agent.actor, made.id);
    if (!link.ok) throw new Error(link.message);
    const token = link.url.split("/survey/")[1] ?? "";

    expect(await submitSurveyAnswer(token, { csat: 1, resolved: false })).toMatchObject({
      ok: true,
      lowScore: true,
      followUpCreated: true,
    });
    const lowScores = () =>
      db.notification.findMany({
        where: { userId: supervisor.user.id, kind: "survey.low_score", complaintId: made.id },
        select: { params: true },
      });
    expect(await lowScores()).toEqual([
      {
        params: expect.objectContaining({
          reference: made.reference,
          subject: "Seat broken",
          csat: 1,
          resolved: false,
        }),
      },
    ]);
    expect(
      await db.followUpTask.count({
        where: { complaintId: made.id, kind: "low_score_follow_up", assigneeId: supervisor.user.id },
      }),
    ).toBe(1);

    // A changed answer does not notify again.
    const revision = (
      await db.surveyResponse.findFirstOrThrow({ where: { complaintId: made.id }, select: { updatedAt: true } })
    ).updatedAt.toISOString();
    expect(await submitSurveyAnswer(token, { csat: 2, revision })).toMatchObject({ ok: true, lowScore: true });
    expect(await lowScores()).toHaveLength(1);

    const emails = await digestFor(supervisor.user.email);
    expect(emails.at(-1)?.text).toContain(made.reference);
    expect(emails.at(-1)?.text).toMatch(/回访|follow up/);
  });
});

describe("hand-overs", () => {
  it("notify the agent who receives the complaint, not the one handing it over", async () => {
    const customer = await makeCustomer();
    const made = await makeComplaint({
      customerId: customer.id,
      teamId: team.id,
      assigneeId: agent.user.id,
      status: "in_progress",
      subject: "餐食问题",
    });
    expect(
      await assignComplaint(agent.actor, made.id, {
        version: made.version,
        assigneeId: colleague.user.id,
        note: "我休假",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await db.notification.findMany({
        where: { complaintId: made.id },
        select: { userId: true, kind: true, params: true },
      }),
    ).toEqual([
      {
        userId: colleague.user.id,
        kind: "complaint.assigned",
        params: expect.objectContaining({
          reference: made.reference,
          subject: "餐食问题",
          by: "王小明",
          handover: true,
        }),
      },
    ]);
  });
});

describe("the notification list", () => {
  it("is newest first by when it happened, unread marked by readAt, and pages without gaps or repeats", async () => {
    const reader = await makeStaff("agent", [team]);
    const hour = 3_600_000;
    const base = Date.now() - 48 * hour;
    // Written out of time order (as the demo seed and a sweep catching up do): ids do not follow createdAt.
    const offsets = [5, 1, 30, 12, 2];
    for (const [index, offset] of offsets.entries()) {
      await db.notification.create({
        data: {
          userId: reader.user.id,
          kind: "escalation.assigned",
          params: { reference: `R${offset}`, level: 2, reason: "sla_breach" },
          createdAt: new Date(base + offset * hour),
          readAt: index === 0 ? new Date() : null,
        },
      });
    }
    const first = await listNotifications(reader.user.id, { limit: 2 });
    const second = await listNotifications(reader.user.id, { limit: 2, cursor: first.nextCursor });
    const third = await listNotifications(reader.user.id, { limit: 2, cursor: second.nextCursor });
    const references = [...first.rows, ...second.rows, ...third.rows].map(
      (row) => (row.params as { reference: string }).reference,
    );
    expect(references).toEqual(["R30", "R12", "R5", "R2", "R1"]);
    expect(third.nextCursor).toBeNull();
    expect([...first.rows, ...second.rows, ...third.rows].filter((row) => row.readAt === null)).toHaveLength(4);
  });
});

describe("notification e-mails", () => {
  it("never show an empty complaint subject, even when the notification stored none (the demo seed's escalations)", async () => {
    const owner = await makeStaff("supervisor", [team]);
    const customer = await makeCustomer();
    const made = await makeComplaint({
      customerId: customer.id,
      teamId: team.id,
      status: "in_progress",
      subject: "中转行李丢失",
    });
    await db.notification.create({
      data: {
        userId: owner.user.id,
        kind: "escalation.assigned",
        params: { reference: made.reference, level: 3, reason: "regulator" },
        complaintId: made.id,
      },
    });
    const [email] = await digestFor(owner.user.email);
    expect(email?.subject).toContain("中转行李丢失");
    expect(email?.subject).not.toContain("「」");
    expect(email?.subject).not.toContain('""');
    expect(email?.subject.trim()).not.toBe("");
  });
});
