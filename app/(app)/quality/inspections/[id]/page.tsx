import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { INSPECTION_STATUSES, REASON_TONE, SAMPLE_REASONS, STATUS_TONE, known } from "@/components/quality/labels";
import { ScoreForm } from "@/components/quality/score-form";
import { AppealForm, CalibrationToggle, DecideAppealForm } from "@/components/quality/appeal-forms";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { gradeOf } from "@/lib/quality/scoring";
import { getInspection } from "@/lib/quality/queries";
import { parseId } from "@/lib/validation";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("quality");
  return { title: `${t("inspection")} #${parseId((await params).id) ?? ""}` };
}

const EVENT_KINDS = [
  "created",
  "reply",
  "customer_message",
  "call",
  "note",
  "status_changed",
  "escalated",
  "compensation_proposed",
] as const;

// One inspection: the scorecard (scoring form, result per criterion, calibration scores and their spread), the appeal,
// and beside it the complaint and excerpts of its timeline.
export default async function InspectionPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user, "quality.own") && !can(user, "quality.inspect")) forbidden();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const inspection = await getInspection(user.actor, id);
  if (!inspection) notFound();
  const [t, tEvents, format, locale] = await Promise.all([
    getTranslations("quality"),
    getTranslations("quality.events"),
    getFormatter(),
    getLocale(),
  ]);
  const zh = locale !== "en";
  const criteria = inspection.criteria.map((criterion) => ({
    code: criterion.code,
    label: zh ? criterion.labelZh : criterion.labelEn,
    weight: criterion.weight,
    maxPoints: criterion.maxPoints,
    critical: criterion.critical,
  }));
  const labelOf = new Map(criteria.map((criterion) => [criterion.code, criterion]));
  const when = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  const primary = inspection.scores.find((score) => score.kind === "primary");
  const appealScore = inspection.scores.find((score) => score.kind === "appeal");
  const shown = appealScore ?? primary;

  return (
    <>
      <PageHeader
        title={`${t("inspection")} · ${inspection.complaint.reference}`}
        description={`${inspection.scorecardVersion.scorecard[zh ? "nameZh" : "nameEn"]} · ${t("scorecardVersion", { number: inspection.scorecardVersion.number })}`}
        meta={
          <Link href="/quality" className="focus-ring text-brand-700 underline">
            {t("backToList")}
          </Link>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm" data-testid="inspection-summary">
        <Badge tone={STATUS_TONE[inspection.status] ?? "neutral"} data-testid="inspection-status">
          {t(`statuses.${known(INSPECTION_STATUSES, inspection.status)}`)}
        </Badge>
        <Badge tone={REASON_TONE[inspection.reason] ?? "neutral"}>
          {t(`reasons.${known(SAMPLE_REASONS, inspection.reason)}`)}
        </Badge>
        <span className="text-slate-600">
          {t("agentLine", { agent: inspection.agentName, month: inspection.month })}
        </span>
        {inspection.total !== null ? (
          <span className="font-semibold text-slate-900" data-testid="inspection-total">
            {t("totalLine", { total: inspection.total, grade: t(`grades.${gradeOf(inspection.total)}`) })}
          </span>
        ) : null}
        {inspection.can.toggleCalibration ? (
          <CalibrationToggle inspectionId={inspection.id} version={inspection.version} open={inspection.calibration} />
        ) : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-4">
          {inspection.can.score ? (
            <Card>
              <CardHeader>
                <CardTitle>{t("scoreTitle")}</CardTitle>
              </CardHeader>
              <CardContent>
                <ScoreForm
                  inspectionId={inspection.id}
                  version={inspection.version}
                  kind="primary"
                  criteria={criteria}
                />
              </CardContent>
            </Card>
          ) : null}
          {shown ? (
            <Card data-testid="inspection-result">
              <CardHeader>
                <CardTitle>{appealScore ? t("resultAfterAppeal") : t("result")}</CardTitle>
              </CardHeader>
              <CardContent>
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t("form.criterion")}</TableHead>
                      <TableHead className="text-right">{t("form.points")}</TableHead>
                      <TableHead>{t("form.criterionComment")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {shown.points.map((row) => (
                      <TableRow key={row.code}>
                        <TableCell>
                          {labelOf.get(row.code)?.label ?? row.code}
                          {labelOf.get(row.code)?.critical ? (
                            <Badge tone="danger" className="ml-1">
                              {t("form.critical")}
                            </Badge>
                          ) : null}
                        </TableCell>
                        <TableCell className="text-right tabular-nums">
                          {row.points} / {labelOf.get(row.code)?.maxPoints ?? "—"}
                        </TableCell>
                        <TableCell className="text-[13px] text-slate-600">{row.comment || "—"}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                {shown.comment ? (
                  <p className="mt-3 text-sm text-slate-700">{t("overallCommentLine", { comment: shown.comment })}</p>
                ) : null}
                <p className="mt-2 text-[13px] text-slate-500">
                  {t("scoredBy", { name: shown.inspectorName, at: when(shown.createdAt) })}
                </p>
              </CardContent>
            </Card>
          ) : null}
          {inspection.appealedAt ? (
            <Card data-testid="appeal-box">
              <CardHeader>
                <CardTitle>{t("appealTitle")}</CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-2 text-sm">
                <p className="whitespace-pre-wrap text-slate-800">{inspection.appealReason}</p>
                <p className="text-[13px] text-slate-500">{t("appealedAt", { at: when(inspection.appealedAt) })}</p>
                {inspection.appealDecision ? (
                  <p className="font-medium" data-testid="appeal-decision">
                    {t(`decisionLine.${inspection.appealDecision === "upheld" ? "upheld" : "rejected"}`, {
                      name: inspection.deciderName ?? "—",
                      comment: inspection.appealComment ?? "",
                    })}
                  </p>
                ) : (
                  <p className="text-slate-600">{t("appealPending")}</p>
                )}
                {inspection.can.decide ? (
                  <DecideAppealForm inspectionId={inspection.id} version={inspection.version} criteria={criteria} />
                ) : null}
              </CardContent>
            </Card>
          ) : null}
          {inspection.can.appeal ? (
            <Card>
              <CardHeader>
                <CardTitle>{t("appealTitle")}</CardTitle>
              </CardHeader>
              <CardContent>
                <AppealForm inspectionId={inspection.id} version={inspection.version} />
              </CardContent>
            </Card>
          ) : null}
          {inspection.calibration || inspection.spread ? (
            <Card data-testid="calibration-box">
              <CardHeader>
                <CardTitle>{t("calibrationTitle")}</CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-3 text-sm">
                <ul className="flex flex-col gap-1">
                  {inspection.scores
                    .filter((score) => score.kind !== "appeal")
                    .map((score) => (
                      <li key={score.id} className="flex justify-between">
                        <span>
                          {score.inspectorName} ·{" "}
                          {t(`scoreKinds.${score.kind === "primary" ? "primary" : "calibration"}`)}
                        </span>
                        <span className="tabular-nums">{score.total}</span>
                      </li>
                    ))}
                </ul>
                {inspection.spread ? (
                  <p data-testid="calibration-spread">
                    {t("spread", {
                      min: inspection.spread.min,
                      max: inspection.spread.max,
                      range: inspection.spread.range,
                      mean: inspection.spread.mean,
                      stdDev: inspection.spread.stdDev,
                    })}
                  </p>
                ) : (
                  <p className="text-slate-500">{t("spreadNeedsTwo")}</p>
                )}
                {inspection.can.calibrate ? (
                  <ScoreForm
                    inspectionId={inspection.id}
                    version={inspection.version}
                    kind="calibration"
                    criteria={criteria}
                  />
                ) : null}
              </CardContent>
            </Card>
          ) : null}
        </div>
        <aside className="flex flex-col gap-4">
          <Card>
            <CardHeader>
              <CardTitle>{t("complaintTitle")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-1 text-sm">
              <Link
                href={`/complaints/${inspection.complaint.reference}`}
                className="focus-ring font-medium text-brand-700 underline"
              >
                {inspection.complaint.reference}
              </Link>
              <p className="font-medium text-slate-900">{inspection.complaint.subject}</p>
              <p className="line-clamp-4 whitespace-pre-wrap text-slate-600">{inspection.complaint.description}</p>
              {inspection.complaint.resolutionSummary ? (
                <p className="text-slate-700">
                  {t("resolutionLine", { summary: inspection.complaint.resolutionSummary })}
                </p>
              ) : null}
            </CardContent>
          </Card>
          <Card data-testid="timeline-excerpts">
            <CardHeader>
              <CardTitle>{t("timelineTitle")}</CardTitle>
            </CardHeader>
            <CardContent>
              {inspection.events.length === 0 ? (
                <p className="text-sm text-slate-500">{t("noEvents")}</p>
              ) : (
                <ol className="flex flex-col gap-3">
                  {inspection.events.map((event) => (
                    <li key={event.id} className="border-l-2 border-slate-200 pl-3 text-sm">
                      <div className="flex flex-wrap gap-2 text-[13px] text-slate-500">
                        <span className="font-medium text-slate-700">{tEvents(known(EVENT_KINDS, event.kind))}</span>
                        <span>
                          {event.actor?.name ??
                            t(`actorTypes.${event.actorType === "customer" ? "customer" : "system"}`)}
                        </span>
                        <time dateTime={event.createdAt.toISOString()}>{when(event.createdAt)}</time>
                      </div>
                      {event.body ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{event.body}</p> : null}
                    </li>
                  ))}
                </ol>
              )}
            </CardContent>
          </Card>
        </aside>
      </div>
    </>
  );
}
