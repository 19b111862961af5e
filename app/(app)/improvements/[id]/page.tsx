import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BeforeAfterChart } from "@/components/improvements/before-after-chart";
import { ImprovementForm } from "@/components/improvements/improvement-form";
import { LinkedComplaints } from "@/components/improvements/linked-complaints";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { beforeAfter, getImprovement, improvementFormChoices } from "@/lib/improvements/queries";
import { canReadImprovements } from "@/lib/improvements/service";
import { IMPROVEMENT_STATUS_TONE } from "@/components/improvements/status-tone";
import { parseId } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("improvements");
  return { title: t("detailTitle") };
}

const WEEKS = 8;

export default async function ImprovementPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (!canReadImprovements(user)) forbidden();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const action = await getImprovement(user.actor, id);
  if (!action) notFound();
  const canEdit = can(user, "improvement.manage");
  const [t, tStatus, format, locale, choices, numbers] = await Promise.all([
    getTranslations("improvements"),
    getTranslations("status"),
    getFormatter(),
    getLocale(),
    improvementFormChoices(),
    action.rootCauseId
      ? beforeAfter(
          action.rootCauseId,
          action.completedAt ?? action.createdAt,
          action.completedAt ? "completed" : "created",
          WEEKS,
        )
      : null,
  ]);
  const statusLabels = Object.fromEntries(
    [
      "new",
      "acknowledged",
      "in_progress",
      "pending_customer",
      "resolved",
      "closed",
      "reopened",
      "rejected",
      "duplicate",
    ].map((s) => [s, tStatus(s as "new")]),
  );
  const number = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const initial = {
    title: action.title,
    description: action.description ?? "",
    kind: action.kind,
    status: action.status,
    rootCauseId: action.rootCauseId,
    ownerId: action.ownerId,
    dueOn: action.dueAt ? action.dueAt.toISOString().slice(0, 10) : "",
  };

  return (
    <>
      <PageHeader
        title={action.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={IMPROVEMENT_STATUS_TONE[action.status]} dot>
              {t(`statuses.${action.status}`)}
            </Badge>
            {t(`kinds.${action.kind}`)}
            {action.owner ? ` · ${action.owner.name}` : ""}
          </span>
        }
        actions={
          <Link href="/improvements" className={buttonClasses("secondary")}>
            <ArrowLeft aria-hidden />
            {t("back")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="flex flex-col gap-6">
          {canEdit ? (
            <ImprovementForm id={action.id} initial={initial} version={action.version} choices={choices} />
          ) : (
            <Card className="p-5 text-sm">
              <dl className="grid grid-cols-[8rem_1fr] gap-y-2">
                <dt className="text-slate-500">{t("fields.rootCause")}</dt>
                <dd>
                  {action.rootCause
                    ? `${action.rootCause.code} · ${locale === "en" ? action.rootCause.nameEn : action.rootCause.nameZh}`
                    : "—"}
                </dd>
                <dt className="text-slate-500">{t("fields.dueOn")}</dt>
                <dd>{action.dueAt ? format.dateTime(action.dueAt, { dateStyle: "medium", timeZone: "UTC" }) : "—"}</dd>
                <dt className="text-slate-500">{t("fields.description")}</dt>
                <dd className="whitespace-pre-wrap">{action.description ?? "—"}</dd>
              </dl>
            </Card>
          )}
          <Card>
            <CardHeader>
              <CardTitle>{t("linkedTitle", { count: action.complaints.length })}</CardTitle>
            </CardHeader>
            <LinkedComplaints
              actionId={action.id}
              canEdit={canEdit}
              statusLabels={statusLabels}
              complaints={action.complaints.map((c) => ({
                id: c.id,
                reference: c.reference,
                subject: c.subject,
                status: c.status,
                createdAt: c.createdAt.toISOString(),
              }))}
            />
            {action.hiddenComplaints > 0 ? (
              <p className="px-5 pb-3 text-xs text-slate-500">
                {t("hiddenComplaints", { count: action.hiddenComplaints })}
              </p>
            ) : null}
          </Card>
        </div>
        <Card data-testid="before-after">
          <CardHeader>
            <div>
              <CardTitle>{t("beforeAfter.title")}</CardTitle>
              <p className="mt-0.5 text-sm text-slate-500">
                {numbers
                  ? t(
                      numbers.anchorKind === "completed" ? "beforeAfter.anchorCompleted" : "beforeAfter.anchorCreated",
                      { date: format.dateTime(new Date(numbers.anchor), { dateStyle: "medium" }), weeks: WEEKS },
                    )
                  : t("beforeAfter.noRootCause")}
              </p>
            </div>
          </CardHeader>
          {numbers ? (
            <div className="flex flex-col gap-4 p-5">
              <dl className="grid grid-cols-3 gap-3 text-center">
                <div className="rounded-md bg-slate-50 p-3">
                  <dt className="text-xs text-slate-500">{t("beforeAfter.before")}</dt>
                  <dd className="text-xl font-semibold tabular-nums" data-testid="before-per-week">
                    {number(numbers.before.perWeek)}
                  </dd>
                  <dd className="text-xs text-slate-500">{t("beforeAfter.total", { count: numbers.before.total })}</dd>
                </div>
                <div className="rounded-md bg-slate-50 p-3">
                  <dt className="text-xs text-slate-500">{t("beforeAfter.after")}</dt>
                  <dd className="text-xl font-semibold tabular-nums" data-testid="after-per-week">
                    {numbers.after.perWeek === null ? "—" : number(numbers.after.perWeek)}
                  </dd>
                  <dd className="text-xs text-slate-500">
                    {t("beforeAfter.totalWeeks", { count: numbers.after.total, weeks: numbers.after.weeksElapsed })}
                  </dd>
                </div>
                <div className="rounded-md bg-slate-50 p-3">
                  <dt className="text-xs text-slate-500">{t("beforeAfter.change")}</dt>
                  <dd
                    className={`text-xl font-semibold tabular-nums ${numbers.change !== null && numbers.change < 0 ? "text-success-700" : numbers.change ? "text-danger-700" : ""}`}
                  >
                    {numbers.change === null
                      ? "—"
                      : format.number(numbers.change, {
                          style: "percent",
                          signDisplay: "exceptZero",
                          maximumFractionDigits: 0,
                        })}
                  </dd>
                  <dd className="text-xs text-slate-500">{t("beforeAfter.perWeek")}</dd>
                </div>
              </dl>
              <BeforeAfterChart series={numbers.series} />
              <table className="w-full text-center text-xs tabular-nums">
                <caption className="sr-only">{t("beforeAfter.tableCaption")}</caption>
                <thead>
                  <tr className="text-slate-500">
                    <th scope="row" className="text-left font-normal">
                      {t("beforeAfter.week")}
                    </th>
                    {numbers.series.map((p) => (
                      <th key={p.week} scope="col" className="font-normal">
                        {p.week < 0 ? p.week : `+${p.week}`}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row" className="text-left font-normal text-slate-500">
                      {t("beforeAfter.complaints")}
                    </th>
                    {numbers.series.map((p) => (
                      <td key={p.week}>{p.count ?? "·"}</td>
                    ))}
                  </tr>
                </tbody>
              </table>
              <p className="text-xs text-slate-500">{t("beforeAfter.note")}</p>
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
