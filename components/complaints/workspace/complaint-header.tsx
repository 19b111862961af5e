// Workspace header: reference, subject, status and the facts an agent checks first, with the SLA clocks below.
import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { SeverityBadge } from "@/components/complaints/severity-badge";
import { StatusBadge } from "@/components/complaints/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import type { ComplaintWorkspace } from "@/lib/complaints/workspace";
import { SlaClocks } from "@/components/complaints/workspace/sla-clocks";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

type HeaderProps = { complaint: ComplaintWorkspace; locale: AppLocale; now: Date; actions: ReactNode };

export function ComplaintHeader({ complaint, locale, now, actions }: HeaderProps) {
  const t = useTranslations("workspace.header");
  const tPriority = useTranslations("priority");
  const format = useFormatter();
  const name = (row: { nameZh: string; nameEn: string } | null) => (row ? localizedName(locale, row) : t("none"));

  return (
    <Card>
      <CardContent className="flex flex-col gap-4">
        <div className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
          <div className="min-w-0">
            <p className="font-mono text-[13px] text-slate-500" data-testid="complaint-reference">
              {complaint.reference}
            </p>
            <h1 className="mt-0.5 text-xl font-semibold tracking-tight text-slate-900">{complaint.subject}</h1>
            <div className="mt-2 flex flex-wrap items-center gap-2" data-testid="complaint-status">
              <StatusBadge status={complaint.status} />
              <SeverityBadge name={name(complaint.severity)} color={complaint.severity.color} />
              <Badge tone={complaint.priority === "urgent" || complaint.priority === "high" ? "danger" : "neutral"}>
                {tPriority(complaint.priority)}
              </Badge>
              {complaint.escalationLevel > 1 ? (
                <Badge tone="violet">{t("escalation", { level: complaint.escalationLevel })}</Badge>
              ) : null}
              {complaint.duplicateOf ? (
                <Badge>{t("duplicateOf", { reference: complaint.duplicateOf.reference })}</Badge>
              ) : null}
            </div>
          </div>
          <div className="flex flex-wrap gap-2 lg:justify-end">{actions}</div>
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 border-t border-slate-100 pt-4 sm:grid-cols-3 xl:grid-cols-6">
          <Fact label={t("type")}>{t(`types.${complaint.type}`)}</Fact>
          <Fact label={t("channel")}>{name(complaint.channel)}</Fact>
          <Fact label={t("category")}>
            {name(complaint.category)}
            {complaint.subcategory ? ` / ${name(complaint.subcategory)}` : ""}
          </Fact>
          <Fact label={t("assignee")}>
            <span data-testid="complaint-assignee">{complaint.assignee?.name ?? t("unassigned")}</span>
            {complaint.team ? <span className="text-slate-500"> · {name(complaint.team)}</span> : null}
          </Fact>
          <Fact label={t("escalationLevel")}>{t("level", { level: complaint.escalationLevel })}</Fact>
          <Fact label={t("created")}>
            <time
              dateTime={complaint.createdAt.toISOString()}
              title={format.dateTime(complaint.createdAt, { dateStyle: "full", timeStyle: "long" })}
            >
              {format.dateTime(complaint.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </time>
          </Fact>
          {complaint.bookingReference || complaint.flightNumber || complaint.serviceDate ? (
            <Fact label={t("booking")}>
              {[
                complaint.bookingReference,
                complaint.flightNumber,
                complaint.serviceDate
                  ? format.dateTime(complaint.serviceDate, { dateStyle: "medium", timeZone: "UTC" })
                  : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </Fact>
          ) : null}
          {complaint.touchpoint ? <Fact label={t("touchpoint")}>{name(complaint.touchpoint)}</Fact> : null}
          {complaint.rootCause ? <Fact label={t("rootCause")}>{name(complaint.rootCause)}</Fact> : null}
        </dl>
        {complaint.resolutionSummary ? (
          <div className="rounded-lg bg-success-50 px-3 py-2 text-sm text-success-700">
            <span className="font-medium">{t("resolution")}: </span>
            {complaint.resolutionSummary}
          </div>
        ) : null}
        <div className="border-t border-slate-100 pt-4">
          <SlaClocks
            clocks={complaint.slaClocks}
            policyName={complaint.slaPolicy ? localizedName(locale, complaint.slaPolicy) : null}
            now={now}
          />
        </div>
      </CardContent>
    </Card>
  );
}
