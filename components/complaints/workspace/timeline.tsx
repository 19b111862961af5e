// The complaint's timeline, oldest first: messages as cards (internal notes visibly distinct), other events as lines.
import { useFormatter, useTranslations } from "next-intl";
import { History } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import type { TimelineItem } from "@/lib/complaints/timeline";
import { COMPENSATION_KINDS } from "@/lib/compensation/schema";

const MESSAGE_KINDS = new Set(["note", "reply", "call", "customer_message"]);
const FIELD_KEYS = [
  "categoryId",
  "subcategoryId",
  "touchpointId",
  "severityId",
  "priority",
  "subject",
  "description",
  "bookingReference",
  "flightNumber",
  "serviceDate",
  "rootCauseId",
  "resolutionSummary",
] as const;
const KNOWN_EVENTS = [
  "created",
  "status_changed",
  "assigned",
  "handed_over",
  "field_changed",
  "escalated",
  "de_escalated",
  "escalation_acknowledged",
  "attachment_added",
  "compensation_proposed",
  "compensation_approved",
  "compensation_rejected",
  "compensation_issued",
  "sla_recomputed",
  "sla_extended",
  "survey_sent",
  "survey_answered",
  "survey_reminded",
  "survey_expired",
  "survey_skipped",
  "merged",
  "incident_linked",
  "investigation_requested",
  "investigation_answered",
  "investigation_accepted",
  "investigation_returned",
  "investigation_overdue",
  "investigation_cancelled",
] as const;
const SKIP_REASONS = [
  "skipped_by_agent",
  "excluded_status",
  "excluded_tag",
  "excluded_category",
  "excluded_channel",
  "no_email",
  "no_consent",
  "recent_survey",
] as const;

function When({ at, now }: { at: Date; now: Date }) {
  const format = useFormatter();
  return (
    <time
      dateTime={at.toISOString()}
      title={format.dateTime(at, { dateStyle: "full", timeStyle: "medium" })}
      className="text-xs text-slate-500"
    >
      {format.relativeTime(at, now)}
    </time>
  );
}

function EventLine({ item }: { item: TimelineItem }) {
  const t = useTranslations("workspace.timeline");
  const tStatus = useTranslations("status");
  const tComp = useTranslations("compensation.kinds");
  const tPriority = useTranslations("priority");
  const actor = item.actorName ?? (item.actorType === "customer" ? t("customer") : t("system"));
  const detail = item.detail;
  const event = KNOWN_EVENTS.find((kind) => kind === item.kind);
  switch (detail.type) {
    case "status":
      return (
        <>
          {t("statusChanged", {
            actor,
            from: detail.from ? tStatus(detail.from) : "—",
            to: detail.to ? tStatus(detail.to) : "—",
          })}
        </>
      );
    case "assignment":
      if (detail.fromAssignee && detail.toAssignee)
        return <>{t("handedOver", { actor, from: detail.fromAssignee, to: detail.toAssignee })}</>;
      return (
        <>
          {detail.toAssignee
            ? t("assigned", { actor, to: detail.toAssignee, team: detail.team ?? "—" })
            : t("unassigned", { actor })}
        </>
      );
    case "fields":
      return (
        <span>
          {t("fieldsChanged", { actor })}
          <ul className="mt-1 flex flex-col gap-0.5">
            {detail.changes.map((change) => {
              const field = FIELD_KEYS.find((key) => key === change.field);
              const show = (value: string | null) =>
                value === null
                  ? "—"
                  : field === "priority" &&
                      (value === "low" || value === "normal" || value === "high" || value === "urgent")
                    ? tPriority(value)
                    : value;
              return (
                <li key={change.field} className="text-xs">
                  <span className="font-medium">{field ? t(`fields.${field}`) : change.field}</span>:{" "}
                  <span className="text-slate-500 line-through">{show(change.from)}</span> →{" "}
                  <span>{show(change.to)}</span>
                </li>
              );
            })}
          </ul>
        </span>
      );
    case "compensation": {
      const kind = COMPENSATION_KINDS.find((candidate) => candidate === detail.kind);
      const what = `${kind ? tComp(kind) : ""} ${detail.amount ?? ""} ${detail.currency ?? ""}`.trim();
      return (
        <>
          {t(`events.${event ?? "compensation_proposed"}`, { actor, what })}
          {detail.note ? ` — ${detail.note}` : ""}
        </>
      );
    }
    case "escalation":
      return (
        <>
          {t(item.kind === "de_escalated" ? "deEscalated" : "escalated", { actor, level: detail.level ?? "—" })}
          {detail.department ? (
            <span data-testid="timeline-escalation-department">
              {" "}
              · {t("escalatedTo", { department: detail.department })}
            </span>
          ) : null}
        </>
      );
    case "survey":
      return <SurveyEventLine item={item} detail={detail} actor={actor} />;
    default:
      return <>{event ? t(`events.${event}`, { actor, what: "" }) : t("events.other", { actor })}</>;
  }
}

function SurveyEventLine({
  item,
  detail,
  actor,
}: {
  item: TimelineItem;
  detail: Extract<TimelineItem["detail"], { type: "survey" }>;
  actor: string;
}) {
  const t = useTranslations("workspace.timeline.survey");
  if (item.kind === "survey_skipped") {
    const reason = SKIP_REASONS.find((candidate) => candidate === detail.reason);
    return (
      <span data-testid="timeline-survey-skipped">
        {t("skipped", { reason: reason ? t(`skipReasons.${reason}`) : "—" })}
        {reason === "skipped_by_agent" ? ` (${actor})` : ""}
      </span>
    );
  }
  const scores = [
    detail.csat !== null ? t("csat", { score: detail.csat }) : null,
    detail.resolved !== null ? t(detail.resolved ? "solved" : "notSolved") : null,
    detail.nps !== null ? t("nps", { score: detail.nps }) : null,
    detail.ces !== null ? t("ces", { score: detail.ces }) : null,
  ].filter(Boolean);
  return (
    <span data-testid="timeline-survey-answered">
      {t(detail.changed ? "changed" : "answered")}: {scores.join(" · ")}
      {detail.lowScore ? (
        <Badge tone="danger" className="ml-2">
          {t("lowScore")}
        </Badge>
      ) : null}
    </span>
  );
}

export function Timeline({ items, now }: { items: TimelineItem[]; now: Date }) {
  const t = useTranslations("workspace.timeline");
  const tComposer = useTranslations("workspace.composer");
  if (items.length === 0) return <EmptyState icon={History} title={t("empty")} />;
  return (
    <ol className="flex flex-col gap-3" data-testid="timeline">
      {items.map((item) => {
        if (!MESSAGE_KINDS.has(item.kind)) {
          return (
            <li key={item.id} data-kind={item.kind} className="flex items-start gap-3 px-1 text-[13px] text-slate-600">
              <span aria-hidden className="mt-1.5 size-2 shrink-0 rounded-full bg-slate-300" />
              <div className="min-w-0 flex-1">
                <EventLine item={item} />
                {item.body && item.detail.type !== "fields" ? (
                  <p className="mt-0.5 text-xs whitespace-pre-wrap text-slate-500">{item.body}</p>
                ) : null}
              </div>
              <When at={item.at} now={now} />
            </li>
          );
        }
        const internal = item.visibility === "internal";
        const fromCustomer = item.kind === "customer_message";
        return (
          <li
            key={item.id}
            data-kind={item.kind}
            data-visibility={item.visibility}
            className={cn(
              "rounded-lg border p-3",
              internal
                ? "border-dashed border-warning-100 bg-warning-50/60"
                : fromCustomer
                  ? "border-slate-200 bg-slate-50"
                  : "border-brand-200 bg-white",
            )}
          >
            <div className="mb-1.5 flex flex-wrap items-center gap-2">
              <span className="text-[13px] font-medium text-slate-900">
                {item.actorName ?? (fromCustomer ? t("customer") : t("system"))}
              </span>
              <Badge tone={internal ? "warning" : fromCustomer ? "neutral" : "brand"}>
                {t(
                  `messageKinds.${item.kind === "note" ? "note" : item.kind === "reply" ? "reply" : item.kind === "call" ? "call" : "customer_message"}`,
                )}
              </Badge>
              <span className="ml-auto">
                <When at={item.at} now={now} />
              </span>
            </div>
            <p className="text-sm whitespace-pre-wrap text-slate-800">{item.body}</p>
            {item.detail.type === "contact" && (item.detail.outcome || item.detail.reachedCustomer === false) ? (
              <p className="mt-1.5 text-xs text-slate-500" data-testid="contact-detail">
                {item.detail.outcome ? tComposer(`callOutcomes.${item.detail.outcome}`) : t("notDelivered")}
                {item.detail.durationMinutes !== null
                  ? ` · ${t("callMinutes", { minutes: item.detail.durationMinutes })}`
                  : ""}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
