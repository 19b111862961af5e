"use client";
// One notification as a link to its complaint: the sentence is built from the kind's message and the parameters
// the backend stored (lib/escalations/service.ts, lib/escalations/reassign-escalation.ts, lib/sla/sweeper.ts).
// Clicking it marks it read before following the link.
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cn } from "@/components/ui/cn";
import { COMPENSATION_KINDS } from "@/lib/compensation/kinds";

export type NotificationView = {
  id: number;
  kind: string;
  params: Prisma.JsonValue;
  complaint: { reference: string; subject?: string } | null;
  readAt: Date | null;
  createdAt: Date;
};

const REASONS = [
  "sla_breach",
  "severity",
  "vip",
  "repeat_complaint",
  "customer_request",
  "regulator",
  "privacy_safety",
  "multi_department",
  "manual",
] as const;
const CLOCKS = [
  "acknowledge",
  "first_response",
  "next_update",
  "resolution",
  "investigation",
  "written_reply",
  "regulator",
] as const;

const INVESTIGATION_KINDS: Record<
  string,
  | "investigationRequested"
  | "investigationReturned"
  | "investigationOverdue"
  | "investigationAnswered"
  | "investigationCancelled"
  | undefined
> = {
  "investigation.cancelled": "investigationCancelled",
  "investigation.requested": "investigationRequested",
  "investigation.returned": "investigationReturned",
  "investigation.overdue": "investigationOverdue",
  "investigation.answered": "investigationAnswered",
};

function param(params: Prisma.JsonValue, key: string): string | null {
  if (typeof params !== "object" || params === null || Array.isArray(params)) return null;
  const value = params[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}

function pick<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return list.find((candidate) => candidate === value);
}

export function useNotificationText() {
  const t = useTranslations("notifications");
  const tReason = useTranslations("escalationReason");
  const tComp = useTranslations("compensation");
  const format = useFormatter();
  const locale = useLocale();
  return (row: NotificationView, now: Date): string => {
    const reference = param(row.params, "reference") ?? row.complaint?.reference ?? "—";
    if (row.kind === "escalation.assigned") {
      const reason = pick(REASONS, param(row.params, "reason"));
      return t("kinds.escalationAssigned", {
        reference,
        level: param(row.params, "level") ?? "?",
        reason: reason ? tReason(reason) : "—",
      });
    }
    if (row.kind === "sla.warning") {
      const clock = pick(CLOCKS, param(row.params, "clockKind"));
      const dueRaw = param(row.params, "dueAt");
      const due = dueRaw ? format.relativeTime(new Date(dueRaw), now) : "";
      return t("kinds.slaWarning", { reference, clock: clock ? t(`clock.${clock}`) : t("clock.other"), due });
    }
    if (row.kind === "complaint.assigned") {
      const by = param(row.params, "by");
      return by
        ? t("kinds.complaintAssigned", { reference, by })
        : t("kinds.complaintAssignedAnonymous", { reference });
    }
    if (row.kind === "compensation.awaiting_approval" || row.kind === "compensation.decided") {
      const kind = pick(COMPENSATION_KINDS, param(row.params, "compensationKind"));
      const amountRaw = param(row.params, "amount");
      const amount =
        amountRaw && Number.isFinite(Number(amountRaw))
          ? `${format.number(Number(amountRaw), { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${param(row.params, "currency") ?? ""}`.trim()
          : "";
      const values = {
        reference,
        amount,
        kind: kind ? tComp(`kinds.${kind}`) : "",
        by: param(row.params, "by") ?? "—",
      };
      if (row.kind === "compensation.awaiting_approval") return t("kinds.compensationAwaitingApproval", values);
      return param(row.params, "decision") === "rejected"
        ? t("kinds.compensationRejected", values)
        : t("kinds.compensationApproved", values);
    }
    if (row.kind === "survey.low_score") {
      // Low = CSAT ≤ 2 or "not solved" (lib/surveys/metrics.ts): name the score only when it is the reason.
      const csat = param(row.params, "csat");
      return csat && Number(csat) <= 2
        ? t("kinds.surveyLowScore", { reference, csat })
        : t("kinds.surveyNotSolved", { reference });
    }
    if (row.kind === "investigation.reminder") {
      const dueRaw = param(row.params, "dueAt");
      return t("kinds.investigationReminder", {
        reference,
        due: dueRaw ? format.relativeTime(new Date(dueRaw), now) : "",
      });
    }
    if (row.kind === "investigation.weekly_digest") {
      const department = param(row.params, locale === "en" ? "departmentEn" : "departmentZh") ?? "—";
      return t("kinds.investigationWeeklyDigest", {
        department,
        open: Number(param(row.params, "open") ?? 0),
        overdue: Number(param(row.params, "overdue") ?? 0),
      });
    }
    const investigation = INVESTIGATION_KINDS[row.kind];
    if (investigation) return t(`kinds.${investigation}`, { reference });
    if (row.kind === "knowledge.review_overdue") {
      const title = param(row.params, locale === "en" ? "titleEn" : "titleZh") ?? "—";
      return t("kinds.knowledgeReviewOverdue", { title, due: param(row.params, "dueOn") ?? "" });
    }
    if (row.kind.startsWith("quality.")) {
      const total = param(row.params, "total") ?? "—";
      if (row.kind === "quality.result") return t("kinds.qualityResult", { total });
      if (row.kind === "quality.appeal") return t("kinds.qualityAppeal");
      if (row.kind === "quality.appeal_decided")
        return param(row.params, "decision") === "upheld"
          ? t("kinds.qualityAppealUpheld", { total })
          : t("kinds.qualityAppealRejected", { total });
      if (row.kind === "quality.appraisal")
        return t("kinds.qualityAppraisal", { month: param(row.params, "month") ?? "", total });
    }
    if (row.kind === "incident.report_overdue") {
      const values = { title: param(row.params, "title") ?? "—" };
      return param(row.params, "stage") === "first"
        ? t("kinds.incidentFirstReportOverdue", values)
        : t("kinds.incidentUpdateOverdue", values);
    }
    return t("kinds.other", { reference });
  };
}

/** `now` comes from the caller (rendered on the server for the list page) so relative times hydrate identically. */
type ItemProps = { row: NotificationView; now: Date; onOpen: (row: NotificationView) => void; compact?: boolean };

export function NotificationItem({ row, now, onOpen, compact = false }: ItemProps) {
  const text = useNotificationText();
  const t = useTranslations("notifications");
  const format = useFormatter();
  const subject = param(row.params, "subject") || row.complaint?.subject || "";
  const unread = row.readAt === null;
  const body = (
    <>
      <span
        aria-hidden
        className={cn("mt-1.5 size-2 shrink-0 rounded-full", unread ? "bg-brand-600" : "bg-transparent")}
      />
      <span className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className={cn("text-sm", unread ? "font-medium text-slate-900" : "text-slate-700")}>
          {text(row, now)}
          {unread ? <span className="sr-only"> ({t("unread")})</span> : null}
        </span>
        {subject ? <span className={cn("text-[13px] text-slate-500", compact && "truncate")}>{subject}</span> : null}
        <span className="flex items-center gap-2">
          {unread ? (
            <span
              aria-hidden
              data-testid="notification-unread"
              className="inline-flex rounded-full bg-brand-600 px-1.5 text-[11px] leading-[18px] font-semibold text-white"
            >
              {t("unread")}
            </span>
          ) : null}
          <time
            dateTime={row.createdAt.toISOString()}
            className="text-xs text-slate-400"
            title={format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}
          >
            {format.relativeTime(row.createdAt, now)}
          </time>
        </span>
      </span>
    </>
  );
  const className = cn(
    "focus-ring flex w-full items-start gap-2.5 rounded-md border-l-2 px-3 py-2.5 text-left hover:bg-slate-50",
    unread ? "border-brand-600 bg-brand-50/70" : "border-transparent",
  );
  // A liaison's request notifications carry no complaint (they may not open it) but the request they answer; an
  // overdue review opens its knowledge article.
  const requestId = row.complaint ? null : param(row.params, "requestId");
  const articleId = row.kind === "knowledge.review_overdue" ? param(row.params, "articleId") : null;
  const incidentId = row.kind === "incident.report_overdue" ? param(row.params, "incidentId") : null;
  const digestInbox =
    row.kind === "investigation.weekly_digest" &&
    typeof row.params === "object" &&
    row.params !== null &&
    !Array.isArray(row.params) &&
    row.params.inbox === true;
  // Quality notifications open the inspection or the appraisal sheet.
  const inspectionId = row.kind.startsWith("quality.") ? param(row.params, "inspectionId") : null;
  const appraisalId = row.kind === "quality.appraisal" ? param(row.params, "appraisalId") : null;
  const href = digestInbox
    ? "/department-requests"
    : inspectionId
      ? `/quality/inspections/${inspectionId}`
      : appraisalId
        ? `/quality/appraisals/${appraisalId}`
        : row.complaint
          ? `/complaints/${row.complaint.reference}`
          : requestId && row.kind.startsWith("investigation.")
            ? `/department-requests/${requestId}`
            : articleId
              ? `/knowledge/${articleId}`
              : incidentId
                ? `/incidents/${incidentId}`
                : null;
  return href ? (
    <Link
      href={href}
      onClick={() => onOpen(row)}
      className={className}
      data-testid="notification-item"
      data-unread={unread ? "true" : undefined}
      data-kind={row.kind}
    >
      {body}
    </Link>
  ) : (
    <button
      type="button"
      onClick={() => onOpen(row)}
      className={className}
      data-testid="notification-item"
      data-unread={unread ? "true" : undefined}
      data-kind={row.kind}
    >
      {body}
    </button>
  );
}
