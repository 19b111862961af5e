// Read-only sections of the incident page: scope, figures (inflow per hour against the baseline, channel mix), runs
// with progress and failures, the incident timeline, and the linked complaints.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle, CardDescription } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ExcludeButton } from "@/components/incidents/exclude-button";
import { RUN_TONE } from "@/components/incidents/tones";
import type {
  IncidentDetail,
  incidentFigures,
  incidentRuns,
  incidentTimeline,
  linkedComplaints,
} from "@/lib/incidents/queries";

type Figures = Awaited<ReturnType<typeof incidentFigures>>;
type Runs = Awaited<ReturnType<typeof incidentRuns>>;
type Events = Awaited<ReturnType<typeof incidentTimeline>>;
type Linked = Awaited<ReturnType<typeof linkedComplaints>>;

export async function ScopeCard({ incident, categoryNames }: { incident: IncidentDetail; categoryNames: string[] }) {
  const t = await getTranslations("incidents");
  const format = await getFormatter();
  const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : "…");
  const rows: [string, string][] = [
    [t("fields.flightNumbers"), incident.flightNumbers.join(", ")],
    [
      t("fields.serviceDateFrom"),
      incident.serviceDateFrom || incident.serviceDateTo
        ? `${day(incident.serviceDateFrom)} – ${day(incident.serviceDateTo)}`
        : "",
    ],
    [t("fields.airports"), incident.airports.join(", ")],
    [t("fields.products"), incident.affected.join(", ")],
    [t("fields.categories"), categoryNames.join(", ")],
    [t("fields.keywords"), incident.keywords.join(", ")],
    [
      t("fields.windowStart"),
      `${format.dateTime(incident.windowStart ?? incident.startedAt, { dateStyle: "medium", timeStyle: "short" })} – ${incident.windowEnd ? format.dateTime(incident.windowEnd, { dateStyle: "medium", timeStyle: "short" }) : "…"}`,
    ],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("page.scope")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {rows
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="text-slate-900">{value}</dd>
              </div>
            ))}
          <dt className="text-slate-500">{t("fields.impactEstimate")}</dt>
          <dd className="whitespace-pre-wrap text-slate-900">{incident.impactEstimate ?? t("fields.none")}</dd>
          {incident.affectedEstimate !== null ? (
            <>
              <dt className="text-slate-500">{t("fields.affectedEstimate")}</dt>
              <dd className="text-slate-900">{format.number(incident.affectedEstimate)}</dd>
            </>
          ) : null}
        </dl>
      </CardContent>
    </Card>
  );
}

export async function FiguresCard({ figures }: { figures: Figures }) {
  const t = await getTranslations("incidents");
  const format = await getFormatter();
  const locale = await getLocale();
  const max = Math.max(1, figures.baselinePerHour, ...figures.inflow.map((row) => row.count));
  const tiles: [string, number, string][] = [
    [t("fields.linked"), figures.linked, "text-slate-900"],
    [t("fields.open"), figures.open, "text-warning-700"],
    [t("fields.resolved"), figures.resolved, "text-success-700"],
    [t("fields.breached"), figures.breached, figures.breached > 0 ? "text-danger-700" : "text-slate-900"],
  ];
  return (
    <Card data-testid="incident-figures">
      <CardHeader>
        <CardTitle>{t("page.figures")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {tiles.map(([label, value, tone]) => (
            <div key={label} className="rounded-md border border-slate-200 px-3 py-2">
              <div className="text-xs text-slate-500">{label}</div>
              <div className={`text-2xl font-semibold tabular-nums ${tone}`}>{format.number(value)}</div>
            </div>
          ))}
        </div>
        <div>
          <div className="mb-2 flex items-baseline justify-between text-sm">
            <h3 className="font-medium text-slate-800">{t("page.inflow")}</h3>
            <span className="text-xs text-slate-500">
              {t("page.baseline", { value: format.number(figures.baselinePerHour) })}
            </span>
          </div>
          {figures.inflow.length === 0 ? (
            <p className="text-sm text-slate-500">{t("page.noInflow")}</p>
          ) : (
            <div
              className="relative flex h-32 items-end gap-0.5 border-b border-slate-200"
              role="img"
              aria-label={t("page.inflow")}
            >
              <div
                className="absolute inset-x-0 border-t border-dashed border-danger-500"
                style={{ bottom: `${(figures.baselinePerHour / max) * 100}%` }}
                aria-hidden
              />
              {figures.inflow.slice(-48).map((row) => (
                <div
                  key={row.hour.toISOString()}
                  className="min-w-1 flex-1 rounded-t bg-brand-500"
                  style={{ height: `${(row.count / max) * 100}%` }}
                  title={`${format.dateTime(row.hour, { dateStyle: "short", timeStyle: "short" })}: ${row.count}`}
                />
              ))}
            </div>
          )}
        </div>
        {figures.channels.length > 0 ? (
          <div>
            <h3 className="mb-2 text-sm font-medium text-slate-800">{t("page.channels")}</h3>
            <ul className="flex flex-wrap gap-2">
              {figures.channels.map((row, index) => (
                <li key={index}>
                  <Badge tone="neutral">
                    {(locale === "en" ? row.nameEn : row.nameZh) ?? "—"} · {format.number(row.count)}
                  </Badge>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

const FAILURE_REASONS = [
  "no_contact",
  "linked_elsewhere",
  "not_linkable",
  "not_found",
  "invalid",
  "conflict",
  "unprocessable",
  "forbidden",
  "not_linked",
  "not_open",
  "already_compensated",
  "no_rule",
  "kind_disabled",
] as const;
const RUN_KINDS = ["link", "notify", "resolve", "compensate"] as const;
const RUN_STATUSES = ["queued", "running", "done", "failed"] as const;

export async function RunsCard({ runs, references }: { runs: Runs; references: Map<number, string> }) {
  const t = await getTranslations("incidents.page");
  const tBoard = await getTranslations("incidentBoard");
  const format = await getFormatter();
  return (
    <Card data-testid="incident-runs">
      <CardHeader>
        <CardTitle>{t("runs")}</CardTitle>
      </CardHeader>
      <CardContent>
        {runs.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noRuns")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {runs.map((run) => {
              const total = run.complaintIds.length;
              const failures = Array.isArray(run.failures)
                ? (run.failures as { complaintId?: number; reason?: string }[])
                : [];
              const kind = RUN_KINDS.find((value) => value === run.kind);
              const status = RUN_STATUSES.find((value) => value === run.status) ?? "queued";
              return (
                <li
                  key={run.id}
                  className="rounded-md border border-slate-200 p-3"
                  data-testid={`run-${run.kind}`}
                  data-status={run.status}
                >
                  <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                    <span className="font-medium">
                      {kind ? tBoard(`runKinds.${kind}`) : run.kind} · {run.actor.name}
                    </span>
                    <Badge tone={RUN_TONE[status]}>{tBoard(`runStatuses.${status}`)}</Badge>
                  </div>
                  <div
                    className="mt-2 h-2 overflow-hidden rounded bg-slate-100"
                    role="progressbar"
                    aria-valuemin={0}
                    aria-valuemax={total}
                    aria-valuenow={run.cursor}
                  >
                    <div
                      className="h-full bg-brand-500"
                      style={{ width: `${total ? (run.cursor / total) * 100 : 100}%` }}
                    />
                  </div>
                  <div className="mt-1 flex justify-between text-xs text-slate-500">
                    <span>
                      {t("progress", { done: format.number(run.cursor), total: format.number(total) })}
                      {run.failed > 0 ? ` · ${t("failures")}: ${format.number(run.failed)}` : ""}
                    </span>
                    <span>{format.dateTime(run.createdAt, { dateStyle: "short", timeStyle: "short" })}</span>
                  </div>
                  {failures.length > 0 ? (
                    <details className="mt-2 text-xs">
                      <summary className="cursor-pointer text-danger-700">
                        {t("failures")} ({format.number(run.failed)})
                      </summary>
                      <ul className="mt-1 max-h-40 overflow-auto">
                        {failures.slice(0, 100).map((failure, index) => {
                          const reason = FAILURE_REASONS.find((value) => value === failure.reason) ?? "other";
                          const reference = failure.complaintId ? references.get(failure.complaintId) : undefined;
                          return (
                            <li key={index}>
                              {reference ? (
                                <Link
                                  className="font-mono text-brand-700 hover:underline"
                                  href={`/complaints/${reference}`}
                                >
                                  {reference}
                                </Link>
                              ) : (
                                "—"
                              )}{" "}
                              · {tBoard(`failureReasons.${reason}`)}
                            </li>
                          );
                        })}
                      </ul>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

const EVENT_KINDS = [
  "declared",
  "report",
  "status_changed",
  "texts_changed",
  "excluded",
  "included",
  "report_overdue",
  "link_requested",
  "link_finished",
  "notify_requested",
  "notify_finished",
  "resolve_requested",
  "resolve_finished",
  "compensation_rules_changed",
  "compensate_requested",
  "compensate_finished",
  "compensation_approved",
  "scope_changed",
  "reviewed",
  "review_revised",
  // Contingency plan and data breach events (lib/incidents/plans.ts, lib/incidents/breach.ts).
  "plan_adopted",
  "plan_step_checked",
  "plan_step_unchecked",
  "affected_added",
  "affected_removed",
  "regulator_reported",
  "breach_notice",
  "regulator_due_soon",
  "regulator_overdue",
] as const;

export async function TimelineCard({ events }: { events: Events }) {
  const t = await getTranslations("incidents");
  // Timeline, run and failure names are read on the server only: their own namespace, outside the client payload.
  const tBoard = await getTranslations("incidentBoard");
  const format = await getFormatter();
  return (
    <Card data-testid="incident-timeline">
      <CardHeader>
        <CardTitle>{t("page.timeline")}</CardTitle>
      </CardHeader>
      <CardContent>
        <ol className="flex flex-col gap-3 text-sm">
          {events.map((event) => {
            const kind = EVENT_KINDS.find((value) => value === event.kind) ?? "other";
            const data = (event.data ?? {}) as Record<string, unknown>;
            const statusChange =
              event.kind === "status_changed" &&
              typeof data.to === "string" &&
              ["active", "recovered", "closed"].includes(data.to)
                ? ` → ${t(`statuses.${data.to as "active"}`)}`
                : "";
            return (
              <li
                key={event.id}
                className={
                  event.kind === "report_overdue" || event.kind === "regulator_overdue"
                    ? "text-danger-700"
                    : "text-slate-800"
                }
              >
                <div className="flex justify-between gap-2">
                  <span>
                    {tBoard(`events.${kind}`, { actor: event.actor?.name ?? tBoard("events.system") })}
                    {statusChange}
                  </span>
                  <time className="shrink-0 text-xs text-slate-500" dateTime={event.createdAt.toISOString()}>
                    {format.dateTime(event.createdAt, { dateStyle: "short", timeStyle: "short" })}
                  </time>
                </div>
                {event.body ? <p className="mt-0.5 whitespace-pre-wrap text-slate-600">{event.body}</p> : null}
              </li>
            );
          })}
        </ol>
      </CardContent>
    </Card>
  );
}

export async function LinkedComplaintsCard({
  id,
  rows,
  excluded,
  canManage,
}: {
  id: number;
  rows: Linked;
  excluded: number[];
  canManage: boolean;
}) {
  const t = await getTranslations("incidents.page");
  const tStatus = await getTranslations("status");
  const format = await getFormatter();
  return (
    <Card data-testid="incident-complaints">
      <CardHeader className="flex-col items-stretch gap-0">
        <CardTitle>{t("complaints")}</CardTitle>
        {canManage ? <CardDescription>{t("complaintsHint")}</CardDescription> : null}
      </CardHeader>
      {rows.length === 0 ? (
        <CardContent>
          <p className="text-sm text-slate-500">{t("noComplaints")}</p>
        </CardContent>
      ) : (
        <Table>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("reference")}</TableHead>
              <TableHead>{t("subject")}</TableHead>
              <TableHead>{t("flight")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead>{t("created")}</TableHead>
              {canManage ? <TableHead className="text-right" /> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => {
              const isExcluded = excluded.includes(row.id);
              return (
                <TableRow key={row.id} data-excluded={isExcluded || undefined}>
                  <TableCell className="whitespace-nowrap">
                    <Link
                      href={`/complaints/${row.reference}`}
                      className="font-mono text-xs text-brand-700 hover:underline"
                    >
                      {row.reference}
                    </Link>
                  </TableCell>
                  <TableCell className="max-w-48 truncate" title={row.subject}>
                    {row.subject}
                  </TableCell>
                  <TableCell className="font-mono text-xs">{row.flightNumber ?? ""}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    <Badge tone={row.slaBreached ? "danger" : "neutral"}>{tStatus(row.status)}</Badge>
                    {isExcluded ? (
                      <Badge tone="warning" className="ml-1">
                        {t("excluded")}
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-xs text-slate-500">
                    {format.dateTime(row.createdAt, {
                      month: "numeric",
                      day: "numeric",
                      hour: "2-digit",
                      minute: "2-digit",
                    })}
                  </TableCell>
                  {canManage ? (
                    <TableCell className="text-right">
                      <ExcludeButton id={id} complaintId={row.id} excluded={isExcluded} />
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
