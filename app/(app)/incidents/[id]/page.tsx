import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { AutoRefresh } from "@/components/incidents/auto-refresh";
import { LinkPanel, NotifyPanel, ResolvePanel } from "@/components/incidents/bulk-panels";
import {
  FiguresCard,
  LinkedComplaintsCard,
  RunsCard,
  ScopeCard,
  TimelineCard,
} from "@/components/incidents/incident-sections";
import { ReportPanel, TextsPanel } from "@/components/incidents/report-panel";
import { CLOCK_TONE, LEVEL_TONE, STATUS_TONE } from "@/components/incidents/tones";
import {
  CompensationRulesEditor,
  type FlightDraft,
  type RuleDraft,
} from "@/components/incidents/compensation-rules-editor";
import { CompensationRunPanel } from "@/components/incidents/compensation-run-panel";
import { CompensationWordsCard, ReviewCard } from "@/components/incidents/incident-extras";
import { ReviewEditor } from "@/components/incidents/review-form";
import { ScopeEditor, type ScopeValues } from "@/components/incidents/scope-editor";
import type { CompensationRule, FlightImpact } from "@/lib/incidents/compensation-rules";
import {
  compensationsToIssue,
  incidentCompensationTotals,
  loadCompensationRules,
  pendingIncidentCompensation,
} from "@/lib/incidents/compensation";
import { loadIncidentReview } from "@/lib/incidents/review";
import { incidentWords } from "@/lib/incidents/words";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { reportClock } from "@/lib/incidents/clock";
import {
  activeRootCauses,
  canReadIncidents,
  categoryNames,
  incidentCategoryOptions,
  incidentFigures,
  incidentOwners,
  incidentRuns,
  incidentTimeline,
  linkedComplaints,
  loadIncident,
  referencesOf,
  resolvableCount,
  type IncidentDetail,
} from "@/lib/incidents/queries";
import { INCIDENT_TYPES, type IncidentType } from "@/lib/incidents/schema";
import { parseId } from "@/lib/validation";
import { PlanChecklist } from "@/components/incidents/plans/plan-checklist";
import { BreachPanel } from "@/components/incidents/plans/breach-panel";
import { breachCard, incidentChecklist, planChoices } from "@/lib/incidents/plan-queries";

type Params = { params: Promise<{ id: string }> };

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : "");
const scopeValues = (incident: IncidentDetail): ScopeValues => ({
  flightNumbers: incident.flightNumbers,
  serviceDateFrom: day(incident.serviceDateFrom),
  serviceDateTo: day(incident.serviceDateTo),
  airports: incident.airports,
  products: incident.affected,
  categoryIds: incident.categoryIds,
  keywords: incident.keywords,
  windowStart: incident.windowStart?.toISOString() ?? null,
  windowEnd: incident.windowEnd?.toISOString() ?? null,
});
const ruleDraft = (rule: CompensationRule): RuleDraft => ({
  condition: rule.condition.kind,
  hours: rule.condition.kind === "delay_at_least" ? String(rule.condition.hours) : "4",
  categoryId: rule.condition.kind === "category" ? String(rule.condition.categoryId) : "",
  compensation: rule.compensation,
  amount: rule.amount,
  currency: rule.currency,
});
const flightDraft = (flight: FlightImpact): FlightDraft => ({
  flightNumber: flight.flightNumber,
  serviceDate: flight.serviceDate ?? "",
  delayHours: flight.delayHours === null ? "" : String(flight.delayHours),
  overnight: flight.overnight,
  cancelled: flight.cancelled,
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations("incidents");
  const id = parseId((await params).id);
  const incident = id ? await loadIncident(id) : null;
  return { title: incident?.title ?? t("title") };
}

export default async function IncidentPage({ params }: Params) {
  const user = await requireUser();
  if (!canReadIncidents(user)) forbidden();
  const id = parseId((await params).id);
  const incident = id ? await loadIncident(id) : null;
  if (!incident) notFound();
  const manage = can(user, "incident.manage");
  const now = new Date();
  const tBoard = await getTranslations("incidentBoard");
  const [t, format, locale, figures, events, linked, runs, causes, resolvable, categories] = await Promise.all([
    getTranslations("incidents"),
    getFormatter(),
    getLocale(),
    incidentFigures(incident.id, incident.startedAt, incident.recoveredAt ?? now),
    incidentTimeline(incident.id),
    linkedComplaints(user.actor, incident.id),
    manage ? incidentRuns(incident.id) : Promise.resolve([]),
    manage ? activeRootCauses() : Promise.resolve([]),
    manage ? resolvableCount(incident.id, incident.excludedComplaintIds) : Promise.resolve(0),
    categoryNames(incident.categoryIds),
  ]);
  const [compensationTotals, words, review, rules, pending, toIssue, categoryOptions, owners] = await Promise.all([
    incidentCompensationTotals(incident.id),
    incidentWords(incident.id),
    loadIncidentReview(incident.id),
    manage ? loadCompensationRules(incident.id) : Promise.resolve(null),
    manage ? pendingIncidentCompensation(user.actor, incident.id) : Promise.resolve(null),
    manage ? compensationsToIssue(user.actor, incident.id) : Promise.resolve([]),
    manage ? incidentCategoryOptions() : Promise.resolve([]),
    manage ? incidentOwners() : Promise.resolve([]),
  ]);
  const [checklist, choices, breach] = await Promise.all([
    incidentChecklist(incident.id),
    manage ? planChoices(incident.type) : Promise.resolve([]),
    breachCard(incident.id, now),
  ]);
  const references = await referencesOf(
    runs.flatMap((run) =>
      Array.isArray(run.failures)
        ? (run.failures as { complaintId?: number }[]).map((failure) => failure.complaintId ?? 0)
        : [],
    ),
  );
  const clock = reportClock(incident, now);
  const name = (row: { nameZh: string; nameEn: string }) => (locale === "en" ? row.nameEn : row.nameZh);
  const typeLabel = (INCIDENT_TYPES as readonly string[]).includes(incident.type)
    ? t(`types.${incident.type as IncidentType}`)
    : t("types.other");
  const first = linked[0];
  const sample = {
    reference: first?.reference ?? "CMP-2026-000123",
    flight: incident.flightNumbers[0] ?? first?.flightNumber ?? null,
    incident: incident.title,
    recoveryAt: incident.expectedRecoveryAt,
  };
  const texts = {
    id: incident.id,
    version: incident.version,
    status: incident.status,
    customerScript: incident.customerScript,
    resolutionText: incident.resolutionText,
  };

  return (
    <div className="flex flex-col gap-6" data-testid="incident-page" data-version={incident.version}>
      <AutoRefresh active={runs.some((run) => run.status === "queued" || run.status === "running")} />
      <div>
        <Link
          href="/incidents"
          className="focus-ring mb-2 inline-flex items-center gap-1 rounded text-sm text-slate-500 hover:text-slate-800"
        >
          <ArrowLeft className="size-4" aria-hidden />
          {t("page.back")}
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={LEVEL_TONE[incident.level]}>{t(`levels.${incident.level}`)}</Badge>
          <Badge tone="neutral">{typeLabel}</Badge>
          <Badge tone={STATUS_TONE[incident.status]} dot>
            {t(`statuses.${incident.status}`)}
          </Badge>
          <Badge tone={CLOCK_TONE[clock.state]} data-testid="incident-clock">
            {clock.state === "running" || clock.state === "overdue"
              ? `${clock.first ? t("clock.first") : t("clock.next")} · ${t(`clock.${clock.state}`, { time: clock.dueAt ? format.dateTime(clock.dueAt, { timeStyle: "short" }) : "—" })}`
              : t(`clock.${clock.state}`)}
          </Badge>
        </div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{incident.title}</h1>
        <p className="mt-1 text-sm text-slate-500">{t(`levelMeaning.${incident.level}`)}</p>
        <p className="mt-1 text-sm text-slate-600">
          {[
            incident.owner ? t("page.owner", { name: incident.owner.name }) : null,
            incident.declaredBy ? t("page.declaredBy", { name: incident.declaredBy.name }) : null,
            incident.expectedRecoveryAt
              ? t("page.recovery", {
                  time: format.dateTime(incident.expectedRecoveryAt, { dateStyle: "medium", timeStyle: "short" }),
                })
              : t("page.recoveryUnknown"),
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        {incident.description ? (
          <p className="mt-2 max-w-3xl text-sm whitespace-pre-wrap text-slate-700">{incident.description}</p>
        ) : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex min-w-0 flex-col gap-6">
          {breach ? <BreachPanel incidentId={incident.id} breach={breach} canManage={manage} /> : null}
          <FiguresCard figures={figures} />
          <CompensationWordsCard totals={compensationTotals} words={words} />
          {manage ? (
            <>
              <LinkPanel id={incident.id} />
              <NotifyPanel id={incident.id} customers={figures.linked} sample={sample} />
              {rules ? (
                <CompensationRulesEditor
                  hints={{ rules: tBoard("compensation.rulesHint"), flights: tBoard("compensation.flightsHint") }}
                  key={rules.version}
                  id={incident.id}
                  version={rules.version}
                  editable={incident.status !== "closed"}
                  categories={categoryOptions}
                  rules={rules.rules.map(ruleDraft)}
                  flights={rules.flights.map(flightDraft)}
                />
              ) : null}
              {rules && pending ? (
                <CompensationRunPanel
                  id={incident.id}
                  hint={tBoard("compensation.hint")}
                  rulesVersion={rules.version}
                  hasRules={rules.rules.length > 0}
                  pending={{
                    count: pending.rows.length,
                    own: pending.rows.filter((row) => row.proposedById === user.id).length,
                    totals: pending.totals,
                    token: pending.token,
                  }}
                  toIssue={toIssue.map((row) => ({
                    id: row.id,
                    kind: row.kind,
                    amount: row.amount.toFixed(2),
                    currency: row.currency.trim(),
                    version: row.version,
                    reference: row.complaint.reference,
                  }))}
                  canApprove={can(user, "compensation.approve")}
                  canPropose={can(user, "compensation.propose") && incident.status !== "closed"}
                />
              ) : null}
              <ResolvePanel
                id={incident.id}
                count={resolvable}
                causes={causes.map((cause) => ({ id: cause.id, code: cause.code, name: name(cause) }))}
                resolutionText={incident.resolutionText}
              />
            </>
          ) : null}
          {incident.status !== "active" || review.review ? (
            <ReviewCard review={review}>
              {manage && incident.status !== "active" ? (
                <ReviewEditor
                  hints={{
                    summary: tBoard("review.summaryHint"),
                    actions: can(user, "improvement.manage")
                      ? tBoard("review.newActionsHint")
                      : tBoard("review.managerOnly"),
                  }}
                  id={incident.id}
                  version={review.review?.version ?? 0}
                  written={review.review !== null}
                  owners={owners}
                  canCreateActions={can(user, "improvement.manage")}
                  initial={{
                    summary: review.review?.summary ?? "",
                    wentWell: review.review?.wentWell ?? "",
                    wentBadly: review.review?.wentBadly ?? "",
                  }}
                />
              ) : null}
            </ReviewCard>
          ) : null}
          <LinkedComplaintsCard
            id={incident.id}
            rows={linked}
            excluded={incident.excludedComplaintIds}
            canManage={manage}
          />
        </div>
        <aside className="flex flex-col gap-6">
          {manage ? <ReportPanel {...texts} /> : <p className="text-sm text-slate-500">{t("page.manageOnly")}</p>}
          <PlanChecklist incidentId={incident.id} checklist={checklist} choices={choices} canManage={manage} />
          <ScopeCard incident={incident} categoryNames={categories.map(name)} />
          {manage && incident.status !== "closed" ? (
            <ScopeEditor
              key={incident.version}
              id={incident.id}
              version={incident.version}
              categories={categoryOptions}
              scope={scopeValues(incident)}
            />
          ) : null}
          {manage ? <RunsCard runs={runs} references={references} /> : null}
          {manage ? <TextsPanel {...texts} /> : null}
          <TimelineCard events={events} />
        </aside>
      </div>
    </div>
  );
}
