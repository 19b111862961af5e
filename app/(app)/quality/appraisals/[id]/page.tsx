import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AcknowledgeButton, CommentForm, PrintButton } from "@/components/quality/appraisal-actions";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { INDICATORS } from "@/lib/quality/appraisal";
import { getAppraisal } from "@/lib/quality/appraisal-queries";
import { parseId } from "@/lib/validation";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quality");
  return { title: t("appraisalSheet") };
}

const UNITS = {
  frt: "minutes",
  sla: "percent",
  fcr: "percent",
  csat: "percent",
  reopen: "percent",
  volume: "count",
  qa: "points",
} as const;

// The printable appraisal sheet: figures, normalised scores and weights, total and rank, the 6-month trend, the
// supervisor's comment and the agent's acknowledgement.
export default async function AppraisalPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user, "quality.own") && !can(user, "quality.inspect")) forbidden();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const appraisal = await getAppraisal(user.actor, id);
  if (!appraisal) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("quality"), getFormatter(), getLocale()]);
  const team = appraisal.team ? (locale !== "en" ? appraisal.team.nameZh : appraisal.team.nameEn) : "—";
  const weightSum = INDICATORS.reduce((sum, indicator) => sum + (appraisal.weights[indicator] ?? 0), 0) || 1;
  const figure = (indicator: (typeof INDICATORS)[number]) => {
    const value = appraisal.figures[indicator];
    return value === null ? t("noData") : t(`units.${UNITS[indicator]}`, { value });
  };

  return (
    <div className="mx-auto max-w-4xl print:max-w-none" data-testid="appraisal-sheet">
      <PageHeader
        title={t("sheetTitle", { agent: appraisal.agentName, month: appraisal.month })}
        description={t("sheetSubtitle", { team })}
        actions={
          <div className="flex items-center gap-2 print:hidden">
            <Link
              href={`/quality/appraisals?month=${appraisal.month}`}
              className="focus-ring text-sm text-brand-700 underline"
            >
              {t("backToAppraisals")}
            </Link>
            <PrintButton />
          </div>
        }
      />
      <div className="mb-4 grid gap-4 sm:grid-cols-3">
        <Card className="p-4">
          <p className="text-[13px] text-slate-500">{t("columns.total")}</p>
          <p className="text-3xl font-semibold tabular-nums text-slate-900" data-testid="appraisal-total">
            {appraisal.total}
          </p>
        </Card>
        <Card className="p-4">
          <p className="text-[13px] text-slate-500">{t("columns.rank")}</p>
          <p className="text-3xl font-semibold tabular-nums text-slate-900">
            {t("rankOf", { rank: appraisal.rank, size: appraisal.teamSize })}
          </p>
        </Card>
        <Card className="p-4">
          <p className="text-[13px] text-slate-500">{t("columns.acknowledged")}</p>
          <p className="mt-2">
            {appraisal.acknowledgedAt ? (
              <Badge tone="success">
                {t("acknowledgedOn", { date: format.dateTime(appraisal.acknowledgedAt, { dateStyle: "medium" }) })}
              </Badge>
            ) : (
              <Badge tone="warning">{t("awaitingAcknowledgement")}</Badge>
            )}
          </p>
        </Card>
      </div>
      <Card className="mb-4">
        <CardHeader>
          <CardTitle>{t("indicatorsTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("indicator")}</TableHead>
                <TableHead className="text-right">{t("figure")}</TableHead>
                <TableHead className="text-right">{t("score")}</TableHead>
                <TableHead className="text-right">{t("form.weight")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {INDICATORS.map((indicator) => (
                <TableRow key={indicator}>
                  <TableCell>{t(`form.indicators.${indicator}`)}</TableCell>
                  <TableCell className="text-right tabular-nums">{figure(indicator)}</TableCell>
                  <TableCell className="text-right tabular-nums">{appraisal.scores[indicator] ?? "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {format.number((appraisal.weights[indicator] ?? 0) / weightSum, {
                      style: "percent",
                      maximumFractionDigits: 0,
                    })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <p className="mt-2 text-[13px] text-slate-500">{t("scoresNote")}</p>
        </CardContent>
      </Card>
      <Card className="mb-4" data-testid="appraisal-trend">
        <CardHeader>
          <CardTitle>{t("trendTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ol className="flex h-40 items-end gap-3" aria-label={t("trendTitle")}>
            {appraisal.trend.map((point) => (
              <li key={point.month} className="flex flex-1 flex-col items-center justify-end gap-1 text-[13px]">
                <span className="tabular-nums text-slate-700">{point.total ?? "—"}</span>
                <span
                  className="w-full rounded-t bg-brand-500"
                  style={{ height: `${Math.max(2, (point.total ?? 0) * 0.9)}px` }}
                  aria-hidden
                />
                <span className="text-slate-500">{point.month}</span>
                {point.rank ? (
                  <span className="text-slate-400">{t("rankOf", { rank: point.rank, size: point.teamSize ?? 0 })}</span>
                ) : null}
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>
      <Card className="mb-4">
        <CardHeader>
          <CardTitle>{t("form.supervisorComment")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-2 text-sm">
          {appraisal.supervisorComment ? (
            <p className="whitespace-pre-wrap text-slate-800" data-testid="appraisal-comment-text">
              {appraisal.supervisorComment}
            </p>
          ) : (
            <p className="text-slate-500">{t("noComment")}</p>
          )}
          {appraisal.commentedByName && appraisal.commentedAt ? (
            <p className="text-[13px] text-slate-500">
              {t("commentedBy", {
                name: appraisal.commentedByName,
                at: format.dateTime(appraisal.commentedAt, { dateStyle: "medium" }),
              })}
            </p>
          ) : null}
          {appraisal.can.comment ? (
            <CommentForm
              appraisalId={appraisal.id}
              version={appraisal.version}
              initial={appraisal.supervisorComment ?? ""}
            />
          ) : null}
          {appraisal.can.acknowledge ? (
            <AcknowledgeButton appraisalId={appraisal.id} version={appraisal.version} />
          ) : null}
        </CardContent>
      </Card>
      <div className="hidden grid-cols-2 gap-8 pt-8 text-sm print:grid">
        <p className="border-t border-slate-400 pt-1">{t("signatureAgent")}</p>
        <p className="border-t border-slate-400 pt-1">{t("signatureSupervisor")}</p>
      </div>
    </div>
  );
}
