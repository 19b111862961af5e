// Customer 360 and team scope (issue 14 item 10): an agent sees the customer's complaints of other teams as metadata
// only (reference, category, status, dates) — in the complaint list, the contact timeline, surveys, compensation,
// tasks and the workspace's customer panel — unless the role may read all complaints.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getContactTimeline, getCustomerProfile } from "@/lib/customers/profile";
import { getCustomerPanel } from "@/lib/customers/queries";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

type Staff = Awaited<ReturnType<typeof makeStaff>>;
let agent: Staff;
let manager: Staff;
let customerId: number;
let own: { id: number; reference: string };
let other: { id: number; reference: string };

// Everything written on the other team's complaint that the agent must not read.
const SECRETS = [
  "投诉主题-机密",
  "description-secret",
  "reply-secret",
  "customer-words-secret",
  "survey-comment-secret",
  "compensation-reason-secret",
  "task-note-secret",
] as const;

beforeAll(async () => {
  const team = await makeTeam();
  const otherTeam = await makeTeam();
  agent = await makeStaff("agent", [team]);
  const otherAgent = await makeStaff("agent", [otherTeam], "Other Owner");
  manager = await makeStaff("manager", []);
  const category = await db.category.create({ data: { code: `cat-${Date.now()}`, nameZh: "行李", nameEn: "Baggage" } });
  const customer = await makeCustomer({ name: "钱多多" });
  customerId = customer.id;
  own = await makeComplaint({ customerId, teamId: team.id, subject: "own subject", status: "in_progress" });
  other = await makeComplaint({
    customerId,
    teamId: otherTeam.id,
    assigneeId: otherAgent.user.id,
    categoryId: category.id,
    subject: SECRETS[0],
    description: SECRETS[1],
    status: "resolved",
  });
  await db.complaintEvent.createMany({
    data: [
      { complaintId: other.id, kind: "reply", visibility: "customer", actorId: otherAgent.user.id, body: SECRETS[2] },
      {
        complaintId: other.id,
        kind: "customer_message",
        visibility: "customer",
        actorType: "customer",
        body: SECRETS[3],
      },
      { complaintId: own.id, kind: "reply", visibility: "customer", actorId: agent.user.id, body: "own reply" },
    ],
  });
  const survey = await db.survey.create({
    data: {
      complaintId: other.id,
      customerId,
      tokenHash: `scope-${customerId}`,
      locale: "zh_CN",
      status: "answered",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await db.surveyResponse.create({
    data: { surveyId: survey.id, complaintId: other.id, csat: 2, comment: SECRETS[4] },
  });
  await db.compensation.create({
    data: {
      complaintId: other.id,
      kind: "voucher",
      amount: 200,
      reason: SECRETS[5],
      proposedById: otherAgent.user.id,
      status: "issued",
    },
  });
  await db.followUpTask.create({
    data: {
      kind: "callback",
      customerId,
      complaintId: other.id,
      teamId: otherTeam.id,
      assigneeId: otherAgent.user.id,
      dueAt: new Date(),
      note: SECRETS[6],
    },
  });
});

function leaked(value: unknown): string[] {
  const text = JSON.stringify(value);
  return SECRETS.filter((secret) => text.includes(secret));
}

describe("Customer 360 for an agent of another team", () => {
  it("lists the other team's complaint as metadata only", async () => {
    const profile = await getCustomerProfile(agent.actor, customerId);
    expect(profile).not.toBeNull();
    const rows = [...(profile?.complaints.open ?? []), ...(profile?.complaints.past ?? [])];
    expect(rows.find((row) => row.id === own.id)).toMatchObject({ restricted: false, subject: "own subject" });
    expect(rows.find((row) => row.id === other.id)).toMatchObject({
      reference: other.reference,
      restricted: true,
      subject: null,
      assignee: null,
      status: "resolved",
      category: { nameEn: "Baggage" },
    });
    expect(profile?.surveys[0]).toMatchObject({
      restricted: true,
      complaint: { reference: other.reference },
      response: { csat: 2, comment: null },
    });
    expect(profile?.compensations[0]).toMatchObject({
      restricted: true,
      reason: null,
      kind: "voucher",
      amount: "200.00",
    });
    expect(profile?.tasks.open[0]).toMatchObject({ note: null, complaint: { reference: other.reference } });
    expect(leaked(profile)).toEqual([]);
  });

  it("shows the other team's contacts on the timeline without what was said", async () => {
    const timeline = await getContactTimeline(agent.actor, customerId, 1);
    const items = timeline?.items ?? [];
    expect(
      items
        .filter((item) => item.restricted)
        .map((item) => item.kind)
        .sort(),
    ).toEqual(["customer_message", "reply"]);
    expect(items.find((item) => !item.restricted)).toMatchObject({
      body: "own reply",
      complaint: { subject: "own subject" },
    });
    expect(leaked(timeline)).toEqual([]);
  });

  it("keeps the workspace's customer panel to metadata for the other team's complaint", async () => {
    const panel = await getCustomerPanel(agent.actor, customerId);
    expect(panel?.recentComplaints.find((row) => row.id === other.id)).toMatchObject({
      restricted: true,
      subject: null,
      status: "resolved",
    });
    expect(leaked(panel)).toEqual([]);
  });

  it("shows everything to a role that may read all complaints", async () => {
    const profile = await getCustomerProfile(manager.actor, customerId);
    const timeline = await getContactTimeline(manager.actor, customerId, 1);
    const panel = await getCustomerPanel(manager.actor, customerId);
    expect(leaked([profile, timeline, panel]).sort()).toEqual(
      [...SECRETS].filter((secret) => secret !== SECRETS[1]).sort(),
    );
    expect([...(profile?.complaints.past ?? [])].every((row) => !row.restricted)).toBe(true);
  });
});
