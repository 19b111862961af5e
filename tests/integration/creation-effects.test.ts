// Issue 20: complaint creation became one statement for its rows; this proves it still writes every effect, counted
// per table before and after (API with an e-mail customer, a subscribed webhook and a creation escalation; the public
// form with a new SMS-only customer).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComplaint } from "@/lib/complaints/create-complaint";
import * as complaintsRoute from "@/app/api/v1/complaints/route";
import { makeApiToken, makeCustomer } from "./factories";
import { makeSlaWorld, type SlaWorld } from "./sla-fixtures";

const TABLES = [
  "complaints",
  "complaint_events",
  "sla_clocks",
  "sla_events",
  "outbound_emails",
  "outbound_sms",
  "audit_logs",
  "webhook_deliveries",
  "escalations",
  "customers",
] as const;
type Counts = Record<(typeof TABLES)[number], number>;

async function counts(): Promise<Counts> {
  const rows = await db.$queryRawUnsafe<Counts[]>(
    `SELECT ${TABLES.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(", ")}`,
  );
  return rows[0]!;
}

function diff(before: Counts, after: Counts) {
  return Object.fromEntries(TABLES.map((table) => [table, after[table] - before[table]]));
}

let world: SlaWorld;
beforeAll(async () => {
  world = await makeSlaWorld();
});

describe("a creation writes every effect", () => {
  it("API: complaint, created and escalated events, clocks with their SLA events, acknowledgement e-mail, webhook delivery, escalation, audit", async () => {
    await db.severity.update({ where: { id: world.severity.id }, data: { escalateOnCreate: true } });
    const webhook = await db.webhook.create({
      data: {
        url: "https://hooks.example.com/skyline",
        events: ["complaint.created"],
        secret: "s3cret-for-tests",
        active: true,
      },
    });
    const customer = await makeCustomer({ email: "effects@example.com", phone: null });
    const { token } = await makeApiToken(["complaint.create"]);
    try {
      const before = await counts();
      const response = await complaintsRoute.POST(
        new Request("http://localhost/api/v1/complaints", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({
            customer: { id: customer.id },
            channelId: world.channel.id,
            severityId: world.severity.id,
            teamId: world.team.id,
            subject: "行李损坏",
            description: "托运的行李到达后发现拉杆断了，要求赔偿。",
            serviceDate: "2026-12-01",
            flightNumber: "ca1234",
          }),
        }),
      );
      const body = (await response.json()) as { data: { id: number; reference: string } };
      expect(response.status, JSON.stringify(body)).toBe(201);
      const { data } = body;
      const changed = diff(before, await counts());
      expect(changed).toEqual({
        complaints: 1,
        complaint_events: 2, // created, escalated
        sla_clocks: 2, // first_response, resolution (the policy's targets)
        sla_events: 3, // applied, started × 2
        outbound_emails: 1, // the acknowledgement (the supervisor's escalation notice is in-app)
        outbound_sms: 0,
        audit_logs: changed.audit_logs, // at least the creation's own row: checked below
        webhook_deliveries: 1,
        escalations: 1,
        customers: 0,
      });

      const complaint = await db.complaint.findUniqueOrThrow({
        where: { id: data.id },
        select: {
          reference: true,
          status: true,
          escalationLevel: true,
          slaPolicyId: true,
          firstResponseDueAt: true,
          resolutionDueAt: true,
          nextDueAt: true,
          nextWarnAt: true,
          flightNumber: true,
          serviceDate: true,
          locale: true,
          createdAt: true,
          updatedAt: true,
          teamId: true,
        },
      });
      expect(complaint).toMatchObject({
        reference: data.reference,
        status: "new",
        escalationLevel: 2,
        slaPolicyId: world.policy.id,
        flightNumber: "CA1234",
        locale: "zh_CN",
        teamId: world.team.id,
      });
      expect(complaint.serviceDate?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
      const clocks = await db.slaClock.findMany({ where: { complaintId: data.id }, orderBy: { id: "asc" } });
      expect(clocks.map((clock) => [clock.kind, clock.targetMinutes, clock.calendarId])).toEqual([
        ["first_response", 60, world.calendar.id],
        ["resolution", 48 * 60, world.calendar.id],
      ]);
      for (const clock of clocks) {
        expect(clock.startedAt.getTime()).toBe(complaint.createdAt.getTime());
        expect(clock.dueAt.getTime() - clock.startedAt.getTime()).toBe(clock.targetMinutes * 60_000); // 24×7 calendar
      }
      expect(complaint.firstResponseDueAt).toEqual(clocks[0]!.dueAt);
      expect(complaint.resolutionDueAt).toEqual(clocks[1]!.dueAt);
      expect(complaint.nextDueAt).toEqual(clocks[0]!.dueAt);
      expect(complaint.nextWarnAt).toEqual(clocks[0]!.warnAt);
      const slaEvents = await db.slaEvent.findMany({ where: { complaintId: data.id }, orderBy: { id: "asc" } });
      expect(slaEvents.map((event) => [event.kind, event.clockId, event.clockKind])).toEqual([
        ["applied", null, null],
        ["started", clocks[0]!.id, "first_response"],
        ["started", clocks[1]!.id, "resolution"],
      ]);
      expect(slaEvents[0]!.data).toMatchObject({ policy: world.policy.code, fallback: expect.any(Boolean) });
      expect(slaEvents[1]!.data).toEqual({ targetMinutes: 60 });
      const events = await db.complaintEvent.findMany({ where: { complaintId: data.id }, orderBy: { id: "asc" } });
      expect(events.map((event) => event.kind)).toEqual(["created", "escalated"]);
      expect(events[0]).toMatchObject({
        actorType: "api_token",
        data: { source: "api", channelId: world.channel.id, teamId: world.team.id, derivedPriority: true },
      });
      const mail = await db.outboundEmail.findFirstOrThrow({ where: { complaintId: data.id } });
      expect(mail).toMatchObject({ to: "effects@example.com", kind: "acknowledgement", status: "pending" });
      expect(mail.subject + mail.text).toContain(data.reference);
      const audits = await db.auditLog.findMany({
        where: { entityType: "complaint", entityId: String(data.id) },
        select: { action: true, actorType: true, changes: true },
      });
      expect(audits).toContainEqual({
        action: "complaint.create",
        actorType: "api_token",
        changes: { reference: data.reference, source: "api" },
      });
      expect(changed.audit_logs).toBeGreaterThanOrEqual(1);
      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: webhook.id } });
      expect(delivery.payload).toMatchObject({
        event: "complaint.created",
        complaint: { id: data.id, reference: data.reference },
      });
    } finally {
      await db.webhook.update({ where: { id: webhook.id }, data: { active: false } });
      await db.severity.update({ where: { id: world.severity.id }, data: { escalateOnCreate: false } });
    }
  });

  it("public form, new customer reachable by SMS only: customer and its audit, complaint rows, the acknowledgement SMS and no e-mail", async () => {
    const before = await counts();
    const created = await createComplaint(
      { kind: "public" },
      {
        customer: {
          name: "韩梅梅",
          phone: `+86 138 ${String(Date.now()).slice(-8, -4)} ${String(Date.now()).slice(-4)}`,
          locale: "zh-CN",
        },
        channelId: world.channel.id,
        severityId: world.severity.id,
        subject: "餐食问题",
        description: "航班上的餐食是冷的。",
      },
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    const changed = diff(before, await counts());
    expect(changed).toMatchObject({
      complaints: 1,
      complaint_events: 1,
      sla_clocks: 2,
      sla_events: 3,
      outbound_emails: 0,
      outbound_sms: 1,
      webhook_deliveries: 0,
      escalations: 0,
      customers: 1,
    });
    expect(changed.audit_logs).toBe(2); // customer.create, complaint.create
    const sms = await db.outboundSms.findFirstOrThrow({ where: { complaintId: created.complaint.id } });
    expect(sms.kind).toBe("acknowledgement");
    expect(sms.text).toContain(created.complaint.reference);
  });
});
