// E-mail wording of staff notifications in both languages (like lib/mail/templates.ts, e-mail copy lives in lib, not
// in messages/*.json): one line per notification and a title per group, for single e-mails and digests alike.
import { z } from "zod";
import type { MailLocale } from "@/lib/mail/templates";

export type NotificationGroup = "breach" | "escalation" | "warning" | "assigned" | "other";

export const notificationParamsSchema = z
  .object({
    reference: z.string(),
    subject: z.string(),
    level: z.number(),
    reason: z.string(),
    clockKind: z.string(),
    dueAt: z.string(),
    by: z.string().nullable(),
  })
  .partial();

export type NotificationParams = z.infer<typeof notificationParamsSchema>;
export type NotificationForEmail = { kind: string; params: NotificationParams };

export function groupOf(notification: NotificationForEmail): NotificationGroup {
  if (notification.kind === "escalation.assigned") return notification.params.reason === "sla_breach" ? "breach" : "escalation";
  if (notification.kind === "sla.warning") return "warning";
  if (notification.kind === "complaint.assigned") return "assigned";
  return "other";
}

const REASONS: Record<MailLocale, Record<string, string>> = {
  en: {
    sla_breach: "SLA breach", severity: "severity", vip: "VIP customer", repeat_complaint: "repeat complaint", customer_request: "customer request",
    regulator: "regulator involved", privacy_safety: "privacy / safety", multi_department: "multi-department", manual: "manual",
  },
  "zh-CN": {
    sla_breach: "SLA 超时", severity: "严重程度", vip: "VIP 客户", repeat_complaint: "重复投诉", customer_request: "客户要求",
    regulator: "监管介入", privacy_safety: "隐私 / 安全", multi_department: "跨部门", manual: "手动升级",
  },
};

const CLOCKS: Record<MailLocale, Record<string, string>> = {
  en: { acknowledge: "acknowledgement", first_response: "first response", next_update: "next update", resolution: "resolution", investigation: "investigation", written_reply: "written reply", regulator: "regulator deadline" },
  "zh-CN": { acknowledge: "受理", first_response: "首次响应", next_update: "进展更新", resolution: "解决", investigation: "调查", written_reply: "书面答复", regulator: "监管时限" },
};

function when(locale: MailLocale, iso: string | undefined, timeZone: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** One notification as a line of text, in the recipient's language and time zone. */
export function notificationLine(locale: MailLocale, notification: NotificationForEmail, timeZone: string): string {
  const { reference = "", subject = "", level, reason = "", clockKind = "", dueAt, by } = notification.params;
  const zh = locale === "zh-CN";
  const complaint = zh ? `${reference}「${subject}」` : `${reference} "${subject}"`;
  switch (groupOf(notification)) {
    case "breach":
      return zh ? `${complaint}已超出 SLA 时限，已升级至您（L${level}）` : `${complaint} breached its SLA and was escalated to you (L${level})`;
    case "escalation":
      return zh ? `${complaint}已升级至您（L${level}，${REASONS[locale][reason] ?? reason}）` : `${complaint} was escalated to you (L${level}, ${REASONS[locale][reason] ?? reason})`;
    case "warning": {
      const clock = CLOCKS[locale][clockKind] ?? clockKind;
      return zh ? `${complaint}的${clock}时限将于 ${when(locale, dueAt, timeZone)} 到期` : `${complaint}: ${clock} due ${when(locale, dueAt, timeZone)}`;
    }
    case "assigned":
      return zh ? `${complaint}已${by ? `由 ${by} ` : ""}分配给您` : `${complaint} was assigned to you${by ? ` by ${by}` : ""}`;
    case "other":
      return zh ? `新通知（${notification.kind}）${reference}` : `New notification (${notification.kind}) ${reference}`.trim();
  }
}

/** Title of a group of `count` notifications (a single one keeps its own line as the title). */
export function groupTitle(locale: MailLocale, group: NotificationGroup, count: number): string {
  const zh = locale === "zh-CN";
  switch (group) {
    case "breach":
      return zh ? `${count} 宗投诉超出 SLA 时限并已升级至您` : `${count} complaints breached their SLA`;
    case "escalation":
      return zh ? `${count} 宗投诉已升级至您` : `${count} complaints were escalated to you`;
    case "warning":
      return zh ? `${count} 宗投诉即将超出 SLA 时限` : `${count} complaints are close to their SLA due time`;
    case "assigned":
      return zh ? `${count} 宗投诉已分配给您` : `${count} complaints were assigned to you`;
    case "other":
      return zh ? `${count} 条其他通知` : `${count} other notifications`;
  }
}

export function digestTitle(locale: MailLocale, total: number): string {
  return locale === "zh-CN" ? `Skyline CSM：您有 ${total} 条新通知` : `You have ${total} new notifications in Skyline CSM`;
}

export function openLabel(locale: MailLocale, single: boolean): string {
  if (locale === "zh-CN") return single ? "查看投诉" : "打开 Skyline CSM";
  return single ? "Open the complaint" : "Open Skyline CSM";
}
