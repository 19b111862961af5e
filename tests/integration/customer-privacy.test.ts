// Retention job (anonymise customers whose complaints are all old and finished), data export and erasure on request.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ANONYMISED_NAME } from "@/lib/customers/anonymise";
import { eraseCustomer, exportCustomerData, runRetentionNow, updateRetentionSettings } from "@/lib/customers/privacy";
import { readRetentionSettings, runRetention } from "@/lib/customers/retention";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

type Staff = Awaited<ReturnType<typeof makeStaff>>;
let admin: Staff;
let supervisor: Staff;
let team: Awaited<ReturnType<typeof makeTeam>>;
const YEAR = 365 * 86_400_000;
const longAgo = () => new Date(Date.now() - 4 * YEAR);

beforeAll(async () => {
  team = await makeTeam();
  admin = await makeStaff("admin", []);
  supervisor = await makeStaff("supervisor", [team]);
});

async function oldCustomer(name: string) {
  const customer = await makeCustomer({
    name,
    phone: "13811112222",
    email: `${name}@example.com`,
    idNumber: "110101199003071234",
    specialNeeds: "轮椅",
    tags: ["VIP"],
  });
  const complaint = await makeComplaint({
    customerId: customer.id,
    teamId: team.id,
    status: "closed",
    createdAt: longAgo(),
    closedAt: longAgo(),
    bookingReference: "PNR123",
  });
  await db.complaintEvent.create({
    data: {
      complaintId: complaint.id,
      kind: "customer_message",
      visibility: "customer",
      actorType: "customer",
      body: `我是${name}，电话13811112222`,
    },
  });
  const survey = await db.survey.create({
    data: {
      complaintId: complaint.id,
      customerId: customer.id,
      tokenHash: `h-${customer.id}`,
      locale: "zh_CN",
      status: "answered",
      expiresAt: longAgo(),
    },
  });
  await db.surveyResponse.create({
    data: { surveyId: survey.id, complaintId: complaint.id, csat: 2, nps: 3, comment: `${name} was unhappy` },
  });
  await db.outboundEmail.create({
    data: {
      to: `${name}@example.com`,
      subject: "Re",
      text: `Dear ${name}`,
      kind: "reply",
      complaintId: complaint.id,
      status: "sent",
    },
  });
  return { customer, complaint };
}

describe("retention", () => {
  it("uses the setting (default 36 months) and validates changes, audited", async () => {
    expect((await readRetentionSettings()).months).toBe(36);
    expect(await updateRetentionSettings(admin.actor, { months: 0 })).toMatchObject({ ok: false, error: "invalid" });
    expect(await updateRetentionSettings(supervisor.actor, { months: 12 })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await updateRetentionSettings(admin.actor, { months: "36" })).toMatchObject({
      ok: true,
      settings: { months: 36 },
    });
    expect(await db.auditLog.count({ where: { action: "setting.update", entityId: "retention" } })).toBe(1);
  });

  it("anonymises customers whose complaints are all old and closed, skips recent ones, keeps statistics", async () => {
    const due = await oldCustomer("oldwang");
    const recent = await oldCustomer("newli");
    await makeComplaint({ customerId: recent.customer.id, teamId: team.id, status: "closed", closedAt: new Date() });
    const stillOpen = await oldCustomer("openzhang");
    await makeComplaint({
      customerId: stillOpen.customer.id,
      teamId: team.id,
      status: "in_progress",
      createdAt: longAgo(),
    });

    const statsBefore = await db.complaint.groupBy({
      by: ["status"],
      _count: { _all: true },
      orderBy: { status: "asc" },
    });
    const scoresBefore = await db.surveyResponse.aggregate({ _avg: { csat: true, nps: true }, _count: { _all: true } });

    const result = await runRetention();
    expect(result.anonymised).toBe(1);

    const anonymised = await db.customer.findUniqueOrThrow({ where: { id: due.customer.id } });
    expect(anonymised).toMatchObject({
      name: ANONYMISED_NAME,
      phone: null,
      email: null,
      idNumber: null,
      specialNeeds: null,
      tags: [],
    });
    expect(anonymised.anonymizedAt).not.toBeNull();
    const complaint = await db.complaint.findUniqueOrThrow({ where: { id: due.complaint.id } });
    expect(complaint).toMatchObject({ status: "closed", categoryId: due.complaint.categoryId, bookingReference: null });
    expect(complaint.closedAt?.getTime()).toBe(due.complaint.closedAt?.getTime());
    expect(
      await db.complaintEvent.count({ where: { complaintId: due.complaint.id, body: { contains: "13811112222" } } }),
    ).toBe(0);
    expect(
      await db.outboundEmail.count({ where: { complaintId: due.complaint.id, to: { contains: "oldwang" } } }),
    ).toBe(0);

    for (const kept of [recent, stillOpen]) {
      expect((await db.customer.findUniqueOrThrow({ where: { id: kept.customer.id } })).anonymizedAt).toBeNull();
    }
    expect(await db.complaint.groupBy({ by: ["status"], _count: { _all: true }, orderBy: { status: "asc" } })).toEqual(
      statsBefore,
    );
    expect(await db.surveyResponse.aggregate({ _avg: { csat: true, nps: true }, _count: { _all: true } })).toEqual(
      scoresBefore,
    );
    expect(
      await db.auditLog.count({
        where: { action: "customer.anonymise", entityId: String(due.customer.id), actorType: "system" },
      }),
    ).toBe(1);

    // Idempotent, and safe when two instances run at once.
    const [again, parallel] = await Promise.all([runRetention(), runRetention()]);
    expect(again.anonymised + parallel.anonymised).toBe(0);
  });

  it("runs now from the admin page with a count, audited", async () => {
    await oldCustomer("oldzhou");
    expect(await runRetentionNow(supervisor.actor)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await runRetentionNow(admin.actor)).toEqual({ ok: true, anonymised: 1 });
    expect(await db.auditLog.count({ where: { action: "retention.run" } })).toBe(1);
  });
});

describe("export and erasure", () => {
  it("exports everything about one customer in clear, audited, for privacy officers only", async () => {
    const { customer, complaint } = await makeCustomer({
      name: "导出客户",
      phone: "13799990000",
      email: "export@example.com",
    }).then(async (c) => ({
      customer: c,
      complaint: await makeComplaint({ customerId: c.id, teamId: team.id, status: "in_progress" }),
    }));
    await db.complaintEvent.create({
      data: { complaintId: complaint.id, kind: "reply", visibility: "customer", body: "您好，我们已收到" },
    });
    await db.complaintEvent.create({
      data: { complaintId: complaint.id, kind: "note", visibility: "internal", body: "internal" },
    });
    await db.compensation.create({
      data: { complaintId: complaint.id, kind: "refund", amount: 88.5, reason: "r", proposedById: supervisor.user.id },
    });
    await db.followUpTask.create({
      data: { kind: "callback", customerId: customer.id, dueAt: new Date(), note: "回访" },
    });

    expect(await exportCustomerData(supervisor.actor, customer.id)).toMatchObject({ ok: false, error: "forbidden" });
    const result = await exportCustomerData(admin.actor, customer.id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const data = JSON.parse(JSON.stringify(result.data)) as Record<string, any>;
    expect(data.customer).toMatchObject({ name: "导出客户", phone: "13799990000", email: "export@example.com" });
    expect(data.complaints).toHaveLength(1);
    expect(data.complaints[0].reference).toBe(complaint.reference);
    expect(data.complaints[0].events.map((event: { body: string }) => event.body)).toEqual(["您好，我们已收到"]);
    expect(data.complaints[0].compensations[0]).toMatchObject({ kind: "refund", amount: "88.50" });
    expect(data.followUpTasks[0]).toMatchObject({ note: "回访" });
    expect(result.fileName).toMatch(new RegExp(`^customer-${customer.id}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    expect(
      await db.auditLog.count({
        where: { action: "customer.export", entityId: String(customer.id), actorId: admin.user.id },
      }),
    ).toBe(1);
    expect(await exportCustomerData(admin.actor, 99_999_999)).toMatchObject({ ok: false, error: "not_found" });
  });

  it("erases on request after the customer number is typed, audited, once", async () => {
    const customer = await makeCustomer({ name: "删除客户", phone: "13600001111", email: "erase@example.com" });
    const complaint = await makeComplaint({ customerId: customer.id, teamId: team.id, status: "in_progress" });
    expect(await eraseCustomer(admin.actor, { customerId: customer.id, confirmation: "123" })).toMatchObject({
      ok: false,
      fields: { confirmation: ["mismatch"] },
    });
    expect(
      await eraseCustomer(supervisor.actor, { customerId: customer.id, confirmation: String(customer.id) }),
    ).toMatchObject({ error: "forbidden" });
    expect(
      await eraseCustomer(admin.actor, { customerId: customer.id, confirmation: String(customer.id) }),
    ).toMatchObject({ ok: true });
    expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({
      name: ANONYMISED_NAME,
      phone: null,
      email: null,
    });
    expect((await db.complaint.findUniqueOrThrow({ where: { id: complaint.id } })).status).toBe("in_progress");
    expect(
      await eraseCustomer(admin.actor, { customerId: customer.id, confirmation: String(customer.id) }),
    ).toMatchObject({ ok: false, error: "conflict" });
    expect(await db.auditLog.count({ where: { action: "customer.erase", entityId: String(customer.id) } })).toBe(1);
  });
});
