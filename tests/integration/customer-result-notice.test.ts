// Customer feedback (issue 15, item 22): resolving sends the customer a result notice with the resolution summary, the
// team and the service hotline; the tracking page shows the expected completion time and the team's contact, never an
// agent's name. The hotline is an admin setting, validated, audited and safe against concurrent edits.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/mail/flush", () => ({ requestMailFlush: vi.fn(async () => true) }));

import { db } from "@/lib/db";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { submitPublicComplaint } from "@/lib/public/intake";
import { readServiceContact, updateServiceContact } from "@/lib/public/service-contact";
import { getTrackingView } from "@/lib/public/tracking";
import { makeCustomer, makeComplaint, makePublicIntakeSetup, makeStaff } from "./factories";

const HOUR = 3_600_000;
let agent: Awaited<ReturnType<typeof makeStaff>>;
let admin: Awaited<ReturnType<typeof makeStaff>>;
let team: { id: number };
let rootCauseId: number;
let calendarId: number;
let filed = 0;

async function fileComplaint(locale: "en" | "zh-CN" = "en") {
  filed += 1;
  const email = `result${filed}-${randomBytes(2).toString("hex")}@example.com`;
  const result = await submitPublicComplaint(
    { ip: `203.0.113.${filed}`, locale },
    {
      name: "Chen Jing",
      email,
      subject: "Bag arrived damaged",
      description: "My suitcase arrived with a broken wheel and a torn side panel.",
    },
  );
  if (!result.ok) throw new Error(`filing failed: ${result.message}`);
  const row = await db.complaint.update({
    where: { reference: result.reference },
    data: { teamId: team.id, assigneeId: agent.user.id },
    select: { id: true, version: true },
  });
  return { ...result, ...row, email };
}

async function resolve(id: number, summary = "We repaired the suitcase and refunded the repair costs of 300 CNY.") {
  const { version } = await db.complaint.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return transitionComplaint(agent.actor, id, { version, to: "resolved", rootCauseId, resolutionSummary: summary });
}

beforeAll(async () => {
  await makePublicIntakeSetup();
  team = await db.team.create({
    data: { code: `pr-${randomBytes(3).toString("hex")}`, nameZh: "旅客关系组", nameEn: "Passenger Relations" },
  });
  agent = await makeStaff("agent", [team], "Zhao Min");
  admin = await makeStaff("admin");
  rootCauseId = (
    await db.rootCause.create({
      data: { code: `RC-${randomBytes(2).toString("hex")}`, kind: "process", nameZh: "流程", nameEn: "Process" },
    })
  ).id;
  calendarId = (
    await db.businessCalendar.create({
      data: {
        code: `cal-${randomBytes(2).toString("hex")}`,
        nameZh: "全天",
        nameEn: "24x7",
        timeZone: "UTC",
        is24x7: true,
        workingHours: {},
      },
    })
  ).id;
});

describe("the service hotline setting", () => {
  it("is validated, audited, and refuses a stale version instead of overwriting", async () => {
    expect(await updateServiceContact(admin.actor, { hotline: "call us maybe" })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { hotline: ["invalid_phone"] },
    });
    expect(await updateServiceContact(agent.actor, { hotline: "95539" })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    const saved = await updateServiceContact(admin.actor, { hotline: " 95539 ", version: "" });
    expect(saved).toMatchObject({ ok: true, contact: { hotline: "95539" } });
    expect(await updateServiceContact(admin.actor, { hotline: "400-820-1234", version: "" })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect((await readServiceContact()).hotline).toBe("95539");
    expect(
      await db.auditLog.count({
        where: { action: "setting.update", entityId: "service.contact", actorId: admin.user.id },
      }),
    ).toBe(1);
  });
});

describe("the result notice", () => {
  it("e-mails the customer on resolution: summary, team, hotline and tracking link, in the customer's language", async () => {
    const complaint = await fileComplaint("en");
    expect(await resolve(complaint.id)).toMatchObject({ ok: true });
    const notices = await db.outboundEmail.findMany({
      where: { complaintId: complaint.id, kind: "result_notice" },
      select: { to: true, subject: true, text: true, html: true },
    });
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(notice?.to).toBe(complaint.email);
    expect(notice?.subject).toBe(`[${complaint.reference}] Your complaint has been resolved`);
    expect(notice?.text).toContain("We repaired the suitcase and refunded the repair costs of 300 CNY.");
    expect(notice?.text).toContain("Passenger Relations");
    expect(notice?.text).toContain("95539");
    expect(notice?.text).toContain("/track/");
    expect(notice?.text).not.toContain("Zhao Min");
    expect(notice?.html).toContain("We repaired the suitcase");
  });

  it("is written in Chinese for a Chinese-speaking customer", async () => {
    const complaint = await fileComplaint("zh-CN");
    await db.customer.updateMany({ where: { email: complaint.email }, data: { locale: "zh_CN" } });
    expect(await resolve(complaint.id, "已为您修复行李箱并退还维修费用。")).toMatchObject({ ok: true });
    const notice = await db.outboundEmail.findFirstOrThrow({
      where: { complaintId: complaint.id, kind: "result_notice" },
      select: { subject: true, text: true },
    });
    expect(notice.subject).toBe(`【${complaint.reference}】您的投诉已处理完毕`);
    expect(notice.text).toContain("已为您修复行李箱并退还维修费用。");
    expect(notice.text).toContain("旅客关系组");
  });

  it("is not sent to a customer without e-mail, and the resolution still succeeds", async () => {
    const customer = await makeCustomer({ email: null });
    const complaint = await makeComplaint({
      customerId: customer.id,
      teamId: team.id,
      assigneeId: agent.user.id,
      status: "in_progress",
    });
    expect(await resolve(complaint.id)).toMatchObject({ ok: true });
    expect(await db.outboundEmail.count({ where: { complaintId: complaint.id, kind: "result_notice" } })).toBe(0);
  });

  it("goes by SMS to a customer whose channel is SMS: the summary (shortened), the hotline and the link, in their language", async () => {
    for (const [locale, summary, said] of [
      [
        "zh_CN",
        "已为您修复行李箱并全额退还维修费用三百元，给您带来不便深表歉意，感谢您的理解与支持，祝您旅途愉快。",
        /您的投诉CMP-.*已处理完毕：“已为您修复行李箱.*…”.*服务热线95539.*详情：/,
      ],
      [
        "en",
        "We repaired the suitcase.",
        /Your complaint CMP-.* has been resolved: "We repaired the suitcase\." Hotline 95539\. Details: /,
      ],
    ] as const) {
      const customer = await makeCustomer({
        email: null,
        phone: `+86 139 ${String(filed++).padStart(4, "0")} 0000`,
        preferredChannel: "sms",
        locale,
      });
      const complaint = await makeComplaint({
        customerId: customer.id,
        teamId: team.id,
        assigneeId: agent.user.id,
        status: "in_progress",
      });
      expect(await resolve(complaint.id, summary)).toMatchObject({ ok: true });
      const sms = await db.outboundSms.findMany({
        where: { complaintId: complaint.id, kind: "result" },
        select: { text: true },
      });
      expect(sms).toHaveLength(1);
      expect(sms[0]?.text).toMatch(said);
      expect(sms[0]?.text).not.toContain("Zhao Min");
      expect(await db.outboundEmail.count({ where: { complaintId: complaint.id, kind: "result_notice" } })).toBe(0);
    }
  });

  it("is not sent when the resolution fails (nothing half-written)", async () => {
    const complaint = await fileComplaint("en");
    const { version } = await db.complaint.findUniqueOrThrow({
      where: { id: complaint.id },
      select: { version: true },
    });
    expect(
      await transitionComplaint(agent.actor, complaint.id, {
        version: version + 5,
        to: "resolved",
        rootCauseId,
        resolutionSummary: "Done.",
      }),
    ).toMatchObject({ ok: false, error: "conflict" });
    expect(await db.outboundEmail.count({ where: { complaintId: complaint.id, kind: "result_notice" } })).toBe(0);
  });
});

describe("the tracking page", () => {
  it("shows the expected completion time and the team's contact while open; paused while waiting; none once resolved", async () => {
    const complaint = await fileComplaint("en");
    const dueAt = new Date(Date.now() + 30 * HOUR);
    await db.slaClock.deleteMany({ where: { complaintId: complaint.id, kind: "resolution" } });
    const clock = await db.slaClock.create({
      data: {
        complaintId: complaint.id,
        kind: "resolution",
        calendarId,
        targetMinutes: 48 * 60,
        startedAt: new Date(),
        dueAt,
      },
    });

    const open = await getTrackingView(complaint.trackingToken);
    expect(open?.expected).toEqual({ state: "on_track", dueAt });
    expect(open?.contact).toEqual({ team: { nameZh: "旅客关系组", nameEn: "Passenger Relations" }, hotline: "95539" });
    expect(JSON.stringify(open)).not.toContain("Zhao Min");

    expect((await getTrackingView(complaint.trackingToken, new Date(dueAt.getTime() + HOUR)))?.expected).toEqual({
      state: "late",
      dueAt,
    });

    await db.slaClock.update({ where: { id: clock.id }, data: { pausedAt: new Date() } });
    expect((await getTrackingView(complaint.trackingToken))?.expected).toEqual({ state: "paused" });
    await db.slaClock.update({ where: { id: clock.id }, data: { pausedAt: null } });

    expect(await resolve(complaint.id)).toMatchObject({ ok: true });
    const done = await getTrackingView(complaint.trackingToken);
    expect(done?.expected).toBeNull();
    expect(done?.resolutionSummary).toContain("We repaired the suitcase");
  });
});
