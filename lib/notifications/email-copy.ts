// E-mail wording of staff notifications in both languages (like lib/mail/templates.ts, e-mail copy lives in lib, not
// in messages/*.json): one line per notification and a title per group, for single e-mails and digests alike.
import { z } from "zod";
import type { AppLocale } from "@/lib/i18n/locales";

export type NotificationGroup =
  "breach" | "escalation" | "warning" | "assigned" | "approval" | "decision" | "low_score" | "other";

export const notificationParamsSchema = z
  .object({
    reference: z.string(),
    subject: z.string(),
    level: z.number(),
    reason: z.string(),
    clockKind: z.string(),
    dueAt: z.string(),
    by: z.string().nullable(),
    amount: z.string(),
    currency: z.string(),
    compensationKind: z.string(),
    decision: z.string(),
    note: z.string().nullable(),
    csat: z.number(),
    resolved: z.boolean().nullable(),
    titleZh: z.string(),
    titleEn: z.string(),
    dueOn: z.string(),
    requestId: z.union([z.number(), z.string()]),
    // Quality (lib/quality): the inspection or appraisal a notification opens, its total and month.
    inspectionId: z.number(),
    appraisalId: z.number(),
    total: z.number(),
    month: z.string(),
    incidentId: z.number(),
    title: z.string(),
    stage: z.string(),
    // the weekly department digest
    departmentZh: z.string(),
    departmentEn: z.string(),
    open: z.number(),
    overdue: z.number(),
    requests: z.array(z.object({ reference: z.string(), dueAt: z.string(), overdue: z.boolean() })),
  })
  .partial();

type NotificationParams = z.infer<typeof notificationParamsSchema>;
export type NotificationForEmail = { kind: string; params: NotificationParams; complaintId?: number | null };

export function groupOf(notification: NotificationForEmail): NotificationGroup {
  if (notification.kind === "escalation.assigned")
    return notification.params.reason === "sla_breach" ? "breach" : "escalation";
  if (notification.kind === "sla.warning") return "warning";
  if (notification.kind === "complaint.assigned") return "assigned";
  if (notification.kind === "compensation.awaiting_approval") return "approval";
  if (notification.kind === "compensation.decided") return "decision";
  if (notification.kind === "survey.low_score") return "low_score";
  return "other";
}

const REASONS: Record<AppLocale, Record<string, string>> = {
  en: {
    sla_breach: "SLA breach",
    severity: "severity",
    vip: "VIP customer",
    repeat_complaint: "repeat complaint",
    customer_request: "customer request",
    regulator: "regulator involved",
    privacy_safety: "privacy / safety",
    multi_department: "multi-department",
    manual: "manual",
  },
  "zh-CN": {
    sla_breach: "SLA 超时",
    severity: "严重程度",
    vip: "VIP 客户",
    repeat_complaint: "重复投诉",
    customer_request: "客户要求",
    regulator: "监管介入",
    privacy_safety: "隐私 / 安全",
    multi_department: "跨部门",
    manual: "手动升级",
  },
};

const CLOCKS: Record<AppLocale, Record<string, string>> = {
  en: {
    acknowledge: "acknowledgement",
    first_response: "first response",
    next_update: "next update",
    resolution: "resolution",
    investigation: "investigation",
    written_reply: "written reply",
    regulator: "regulator deadline",
  },
  "zh-CN": {
    acknowledge: "受理",
    first_response: "首次响应",
    next_update: "进展更新",
    resolution: "解决",
    investigation: "调查",
    written_reply: "书面答复",
    regulator: "监管时限",
  },
};

const KINDS: Record<AppLocale, Record<string, string>> = {
  en: {
    refund: "refund",
    voucher: "voucher",
    miles: "miles / points",
    cash: "cash",
    upgrade: "upgrade",
    meal_hotel: "meal / hotel",
    other: "other",
  },
  "zh-CN": {
    refund: "退款",
    voucher: "代金券",
    miles: "里程 / 积分",
    cash: "现金",
    upgrade: "升舱",
    meal_hotel: "餐食 / 住宿",
    other: "其他",
  },
};

/** "退款 800.00 CNY" / "refund 800.00 CNY" from a compensation notification's parameters. */
function compensationText(locale: AppLocale, params: NotificationParams): string {
  const kind = params.compensationKind ? (KINDS[locale][params.compensationKind] ?? params.compensationKind) : "";
  return [kind, params.amount, params.currency].filter(Boolean).join(" ");
}

function when(locale: AppLocale, iso: string | undefined, timeZone: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** Department requests (issue 18): the liaison's and the requesting agent's lines. */
const INVESTIGATION_LINES: Record<AppLocale, Record<string, (reference: string, due: string) => string>> = {
  en: {
    "investigation.requested": (reference) => `${reference}: a new investigation request for your department`,
    "investigation.returned": (reference) => `${reference}: your department's answer was returned`,
    "investigation.reminder": (reference, due) => `${reference}: the investigation request is due ${due}`,
    "investigation.overdue": (reference) => `${reference}: the department's answer is overdue`,
    "investigation.answered": (reference) => `${reference}: the department has answered`,
    "investigation.cancelled": (reference) => `${reference}: the investigation request was withdrawn`,
  },
  "zh-CN": {
    "investigation.requested": (reference) => `${reference} 有新的部门协办单`,
    "investigation.returned": (reference) => `${reference} 的答复被退回您的部门`,
    "investigation.reminder": (reference, due) => `${reference} 的部门协办单将于 ${due} 到期`,
    "investigation.overdue": (reference) => `${reference} 的部门答复已超时`,
    "investigation.answered": (reference) => `部门已答复 ${reference}`,
    "investigation.cancelled": (reference) => `${reference} 的部门协办单已撤销`,
  },
};

/** One notification as a line of text, in the recipient's language and time zone. */
export function notificationLine(locale: AppLocale, notification: NotificationForEmail, timeZone: string): string {
  const { reference = "", subject = "", level, reason = "", clockKind = "", dueAt, by } = notification.params;
  const zh = locale === "zh-CN";
  // Without a subject (older notifications stored none) the reference stands alone rather than beside empty quotes.
  const complaint = subject.trim() ? (zh ? `${reference}「${subject}」` : `${reference} "${subject}"`) : reference;
  const money = compensationText(locale, notification.params);
  switch (groupOf(notification)) {
    case "breach":
      return zh
        ? `${complaint}已超出 SLA 时限，已升级至您（L${level}）`
        : `${complaint} breached its SLA and was escalated to you (L${level})`;
    case "escalation":
      return zh
        ? `${complaint}已升级至您（L${level}，${REASONS[locale][reason] ?? reason}）`
        : `${complaint} was escalated to you (L${level}, ${REASONS[locale][reason] ?? reason})`;
    case "warning": {
      const clock = CLOCKS[locale][clockKind] ?? clockKind;
      return zh
        ? `${complaint}的${clock}时限将于 ${when(locale, dueAt, timeZone)} 到期`
        : `${complaint}: ${clock} due ${when(locale, dueAt, timeZone)}`;
    }
    case "assigned":
      return zh
        ? `${complaint}已${by ? `由 ${by} ` : ""}分配给您`
        : `${complaint} was assigned to you${by ? ` by ${by}` : ""}`;
    case "approval":
      return zh
        ? `${complaint}：${by ?? ""}提议的补偿 ${money} 待您审批`
        : `${complaint}: compensation of ${money} proposed by ${by ?? "a colleague"} awaits your approval`;
    case "decision": {
      const rejected = notification.params.decision === "rejected";
      const note = notification.params.note
        ? zh
          ? `（备注：${notification.params.note}）`
          : ` (note: ${notification.params.note})`
        : "";
      if (zh) return `${complaint}：您提议的补偿 ${money} 已被${by ?? ""}${rejected ? "驳回" : "批准"}${note}`;
      return `${complaint}: your compensation of ${money} was ${rejected ? "rejected" : "approved"}${by ? ` by ${by}` : ""}${note}`;
    }
    case "low_score": {
      // Low = CSAT ≤ 2 or "not solved": the score is named only when it is the reason.
      const csat =
        notification.params.csat !== undefined && notification.params.csat <= 2 ? notification.params.csat : undefined;
      if (zh)
        return csat !== undefined
          ? `${complaint}：客户满意度评分为 ${csat} 分（满分 5 分），请回访`
          : `${complaint}：客户表示问题未解决，请回访`;
      return csat !== undefined
        ? `${complaint}: the customer rated it ${csat} of 5; please follow up`
        : `${complaint}: the customer says it is not solved; please follow up`;
    }
    case "other":
      if (notification.kind === "knowledge.review_overdue") {
        return zh
          ? `知识库文章“${notification.params.titleZh ?? ""}”已到复审日期（${notification.params.dueOn ?? ""}），请复审`
          : `The knowledge article “${notification.params.titleEn ?? ""}” was due for review on ${notification.params.dueOn ?? ""}`;
      }
      if (notification.kind.startsWith("quality.")) {
        const total = notification.params.total ?? "";
        const lines: Record<string, [string, string]> = {
          "quality.result": [
            `您的一宗投诉已完成质检，得分 ${total}`,
            `One of your complaints was inspected: ${total} points`,
          ],
          "quality.appeal": ["有一宗质检申诉等待您处理", "A quality appeal waits for your decision"],
          "quality.appeal_decided":
            notification.params.decision === "upheld"
              ? [`您的质检申诉已获支持，新得分 ${total}`, `Your quality appeal was upheld: new score ${total}`]
              : [`您的质检申诉被驳回，维持 ${total} 分`, `Your quality appeal was rejected; the score stays ${total}`],
          "quality.appraisal": [
            `${notification.params.month ?? ""} 月度考核已生成（总分 ${total}），请确认`,
            `Your appraisal for ${notification.params.month ?? ""} is ready (total ${total}); please acknowledge it`,
          ],
        };
        const line = lines[notification.kind];
        if (line) return zh ? line[0] : line[1];
      }
      if (notification.kind === "incident.report_overdue") {
        const { title = "" } = notification.params;
        const first = notification.params.stage === "first";
        const due = when(locale, dueAt, timeZone);
        if (zh) return `突发事件“${title}”的${first ? "首次报告" : "进展报告"}已于 ${due} 逾期，请立即报告`;
        return `The ${first ? "first report" : "status update"} of the incident “${title}” was due at ${due}; please report now`;
      }
      if (notification.kind === "investigation.weekly_digest")
        return weeklyDigestLine(locale, notification.params, timeZone);
      if (notification.kind.startsWith("investigation.")) {
        const line = INVESTIGATION_LINES[locale][notification.kind];
        if (line) return line(reference, when(locale, dueAt, timeZone));
      }
      if (!reference) return zh ? "新通知" : "New notification";
      return zh ? `新通知：${reference}` : `New notification: ${reference}`;
  }
}

/** The weekly department digest: counts, then the waiting requests by reference and due time, overdue first marked. */
function weeklyDigestLine(locale: AppLocale, params: NotificationParams, timeZone: string): string {
  const zh = locale === "zh-CN";
  const open = params.open ?? 0;
  const overdue = params.overdue ?? 0;
  const head = zh
    ? `${params.departmentZh ?? ""}本周协办周报：待答复 ${open} 件，其中已超时 ${overdue} 件`
    : `${params.departmentEn ?? ""} weekly digest: ${open} requests waiting for an answer, ${overdue} overdue`;
  const items = (params.requests ?? []).map((row) =>
    zh
      ? `${row.reference}（${row.overdue ? "已超时，" : ""}${when(locale, row.dueAt, timeZone)} 到期）`
      : `${row.reference} (${row.overdue ? "overdue, " : ""}due ${when(locale, row.dueAt, timeZone)})`,
  );
  return items.length ? `${head}${zh ? "：" : ": "}${items.join(zh ? "；" : "; ")}` : head;
}

/** Title of a group of `count` notifications (a single one keeps its own line as the title). */
export function groupTitle(locale: AppLocale, group: NotificationGroup, count: number): string {
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
    case "approval":
      return zh ? `${count} 项补偿待您审批` : `${count} compensation proposals await your approval`;
    case "decision":
      return zh ? `您提议的 ${count} 项补偿已有审批结果` : `${count} of your compensation proposals were decided`;
    case "low_score":
      return zh ? `${count} 份满意度调查评分偏低，需要回访` : `${count} low satisfaction scores need a follow-up`;
    case "other":
      return zh ? `${count} 条其他通知` : `${count} other notifications`;
  }
}

export function digestTitle(locale: AppLocale, total: number): string {
  return locale === "zh-CN"
    ? `Skyline CSM：您有 ${total} 条新通知`
    : `You have ${total} new notifications in Skyline CSM`;
}

export function openLabel(locale: AppLocale, single: boolean): string {
  if (locale === "zh-CN") return single ? "查看投诉" : "打开 Skyline CSM";
  return single ? "Open the complaint" : "Open Skyline CSM";
}
