// Phone- and SMS-first customers: the preferred channel chosen at intake routes the acknowledgement, replies, the
// result notice and the survey invitation; SMS carry short links (≤ 40 characters after the host) that resolve to
// the tracking and survey pages without recording anything.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/auth/permissions";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { addStaffMessage } from "@/lib/complaints/add-message";
import { updateCustomer } from "@/lib/customers/service";
import { updateCustomerSchema } from "@/lib/customers/schema";
import { chooseWrittenChannel } from "@/lib/customers/contact-channel";
import { resolveShortSurvey, resolveShortTracking } from "@/lib/public/short-links";
import { getTrackingView } from "@/lib/public/tracking";
import { openSurvey } from "@/lib/surveys/service";
import { makeChannel, makeSeverity, makeStaff, makeTeam } from "./factories";

const T0 = new Date("2026-03-02T02:00:00Z"); // 10:00 in the default zone: no quiet hours
let agent: Actor;
let channelId: number;
let severityId: number;
let rootCauseId: number;

beforeAll(async () => {
  const team = await makeTeam();
  agent = (await makeStaff("agent", [team])).actor;
  channelId = (await makeChannel()).id;
  severityId = (await makeSeverity()).id;
  rootCauseId = (
    await db.rootCause.create({ data: { code: "RC-SMS", kind: "process", nameZh: "流程", nameEn: "Process" } })
  ).id;
});

function input(customer: Record<string, unknown>) {
  return {
    customer: { name: "李雷", locale: "zh-CN", ...customer },
    channelId,
    severityId,
    subject: "航班延误未通知",
    description: "航班延误四小时，没有收到任何通知。",
  };
}

async function create(customer: Record<string, unknown>) {
  const result = await createComplaint({ kind: "staff", actor: agent }, input(customer), T0);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.complaint;
}

const appUrl = () => env().APP_URL.replace(/\/+$/, "");
/** The path of the first short link in an SMS text, e.g. /t/AbC…. */
function shortPath(text: string, prefix: "t" | "s") {
  const match = new RegExp(`${appUrl().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(/${prefix}/[A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no /${prefix}/ link in ${text}`);
  return match[1];
}

async function version(reference: string) {
  return (await db.complaint.findUniqueOrThrow({ where: { reference }, select: { version: true } })).version;
}

describe("preferred contact channel", () => {
  it("a phone-only customer who prefers SMS gets the acknowledgement by SMS with a short tracking link that opens the tracking page", async () => {
    const complaint = await create({ phone: "138 0013 9000", preferredChannel: "sms" });
    expect(await db.outboundEmail.count({ where: { complaintId: complaint.id } })).toBe(0);
    const sms = await db.outboundSms.findMany({
      where: { complaintId: complaint.id },
      select: { kind: true, text: true, to: true, encoding: true },
    });
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ kind: "acknowledgement", to: "13800139000", encoding: "ucs2" });
    expect(sms[0]?.text).toContain(`【Skyline】您的投诉已受理，编号${complaint.reference}`);
    const path = shortPath(sms[0]?.text ?? "", "t");
    expect(path).toMatch(/^\/t\/[A-Za-z0-9_-]{22}$/);
    expect(path.length).toBeLessThanOrEqual(40);

    const long = await resolveShortTracking(path.slice(3));
    expect(long).not.toBeNull();
    const view = await getTrackingView(long ?? "");
    expect(view).toMatchObject({ reference: complaint.reference });
    // Unknown or malformed short tokens find nothing.
    expect(await resolveShortTracking("A".repeat(22))).toBeNull();
    expect(await resolveShortTracking("../../etc")).toBeNull();
    // Consent to SMS recorded at intake.
    const customer = await db.complaint.findUniqueOrThrow({
      where: { id: complaint.id },
      select: { customerId: true },
    });
    expect(
      await db.customerConsentEvent.findMany({
        where: { customerId: customer.customerId },
        select: { granted: true, source: true },
      }),
    ).toEqual([{ granted: true, source: "intake" }]);
  });

  it("a customer with e-mail and no preference keeps getting e-mail; with SMS preferred and both known, SMS wins", async () => {
    const byMail = await create({ phone: "13800139001", email: "mail.first@example.com" });
    expect(await db.outboundEmail.count({ where: { complaintId: byMail.id, kind: "acknowledgement" } })).toBe(1);
    expect(await db.outboundSms.count({ where: { complaintId: byMail.id } })).toBe(0);
    const bySms = await create({ phone: "13800139002", email: "sms.first@example.com", preferredChannel: "sms" });
    expect(await db.outboundEmail.count({ where: { complaintId: bySms.id } })).toBe(0);
    expect(await db.outboundSms.count({ where: { complaintId: bySms.id, kind: "acknowledgement" } })).toBe(1);
    // A phone-only customer without preference: SMS is what they have.
    const phoneOnly = await create({ phone: "+86 13800139003" });
    expect(await db.outboundSms.count({ where: { complaintId: phoneOnly.id, kind: "acknowledgement" } })).toBe(1);
  });

  it("refuses SMS as preferred channel for a landline, with a field error", async () => {
    const result = await createComplaint(
      { kind: "staff", actor: agent },
      input({ phone: "010-6512 3456", preferredChannel: "sms" }),
      T0,
    );
    expect(result).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { "customer.preferredChannel": ["sms_not_possible"] },
    });
    expect(await db.customer.count({ where: { phone: "010-6512 3456" } })).toBe(0);
  });

  it("reply by SMS is a short form with a link to the full text; resolve sends the result notice and the survey by SMS", async () => {
    const complaint = await create({ phone: "13800139004", preferredChannel: "sms" });
    const body =
      "您好，我们已核实航班延误原因，系天气影响。根据规定，我们将为您提供200元代金券作为补偿，请注意查收。如有疑问请随时联系我们。";
    expect(
      await addStaffMessage(
        agent,
        complaint.reference,
        { kind: "reply", body, version: await version(complaint.reference) },
        T0,
      ),
    ).toMatchObject({ ok: true });
    const reply = await db.outboundSms.findFirstOrThrow({
      where: { complaintId: complaint.id, kind: "reply" },
      select: { text: true },
    });
    expect(reply.text).toContain("客服回复：“您好，我们已核实航班延误原因");
    expect(reply.text).not.toContain("请注意查收");
    expect(reply.text).toContain("…”全文：");
    shortPath(reply.text, "t");

    const resolved = await transitionComplaint(
      agent,
      complaint.reference,
      { version: await version(complaint.reference), to: "resolved", rootCauseId, resolutionSummary: "已补偿代金券" },
      T0,
    );
    expect(resolved).toMatchObject({ ok: true });
    const result = await db.outboundSms.findFirstOrThrow({
      where: { complaintId: complaint.id, kind: "result" },
      select: { text: true },
    });
    expect(result.text).toContain(`您的投诉${complaint.reference}已处理完毕`);
    const invitation = await db.outboundSms.findFirstOrThrow({
      where: { complaintId: complaint.id, kind: "survey" },
      select: { text: true },
    });
    expect(invitation.text).toContain("回TD退订");
    const surveyPath = shortPath(invitation.text, "s");
    expect(surveyPath).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/);
    expect(await db.outboundEmail.count({ where: { complaintId: complaint.id } })).toBe(0);

    // The short survey link resolves to the survey; opening it records only openedAt, never an answer.
    const long = await resolveShortSurvey(surveyPath.slice(3));
    expect(long).not.toBeNull();
    const opened = await openSurvey(long, T0);
    expect(opened).toMatchObject({ ok: true });
    const survey = await db.survey.findFirstOrThrow({
      where: { complaintId: complaint.id },
      select: { status: true, openedAt: true, answeredAt: true },
    });
    expect(survey).toMatchObject({ status: "sent", answeredAt: null });
    expect(survey.openedAt).not.toBeNull();
    expect(await db.surveyResponse.count({ where: { complaintId: complaint.id } })).toBe(0);
  });

  it("is editable on the customer, with the same check; opting out of SMS falls back to e-mail", async () => {
    const complaint = await create({ phone: "13800139005", email: "edit.me@example.com" });
    const { customerId } = await db.complaint.findUniqueOrThrow({
      where: { id: complaint.id },
      select: { customerId: true },
    });
    const before = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
    const landline = await updateCustomer(
      agent,
      customerId,
      updateCustomerSchema.parse({ version: before.version, phone: "021-5555 0000", preferredChannel: "sms" }),
    );
    expect(landline).toMatchObject({ ok: false, error: "invalid", fields: { preferredChannel: ["sms_not_possible"] } });
    const saved = await updateCustomer(
      agent,
      customerId,
      updateCustomerSchema.parse({ version: before.version, preferredChannel: "sms" }),
    );
    expect(saved).toMatchObject({ ok: true, customer: { preferredChannel: "sms" } });
    const row = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
    expect(chooseWrittenChannel(row)).toBe("sms");
    expect(chooseWrittenChannel({ ...row, smsOptedOutAt: new Date() })).toBe("email");
    expect(chooseWrittenChannel({ ...row, email: null, smsOptedOutAt: new Date() })).toBeNull();
  });
});
