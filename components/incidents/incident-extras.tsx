// Server sections of the incident page added with compensation by rule and the review: the compensation total and
// the customers' most frequent words (dashboard), and the written review with its figures and improvement actions.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { incidentCompensationTotals } from "@/lib/incidents/compensation";
import type { loadIncidentReview, ReviewFigures } from "@/lib/incidents/review";

type Totals = Awaited<ReturnType<typeof incidentCompensationTotals>>;
type Review = Awaited<ReturnType<typeof loadIncidentReview>>;

async function moneyFormatter() {
  const format = await getFormatter();
  return (rows: { amount: string; currency: string }[]) =>
    rows
      .map(
        (row) =>
          `${format.number(Number(row.amount), { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${row.currency}`,
      )
      .join(" + ");
}

export async function CompensationWordsCard({
  totals,
  words,
}: {
  totals: Totals;
  words: { term: string; count: number }[];
}) {
  const t = await getTranslations("incidentBoard");
  const format = await getFormatter();
  const money = await moneyFormatter();
  const byStatus = (["proposed", "approved", "issued"] as const)
    .map((status) => ({ status, rows: totals.filter((row) => row.status === status) }))
    .filter((group) => group.rows.length > 0);
  const label = { proposed: "totalProposed", approved: "totalApproved", issued: "totalIssued" } as const;
  const max = Math.max(1, ...words.map((word) => word.count));
  return (
    <Card data-testid="incident-dashboard-extra">
      <CardContent className="grid gap-5 pt-5 sm:grid-cols-2">
        <section data-testid="incident-compensation-total">
          <h3 className="mb-1 text-sm font-medium text-slate-800">{t("compensation.total")}</h3>
          {byStatus.length === 0 ? (
            <p className="text-sm text-slate-500">{t("compensation.none")}</p>
          ) : (
            <ul className="text-sm text-slate-700">
              {byStatus.map((group) => (
                <li key={group.status}>
                  {t(`compensation.${label[group.status]}`, { amount: money(group.rows) })} ·{" "}
                  {format.number(group.rows.reduce((sum, row) => sum + row.count, 0))}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section data-testid="incident-words">
          <h3 className="text-sm font-medium text-slate-800">{t("words.title")}</h3>
          <p className="mb-2 text-xs text-slate-500">{t("words.hint")}</p>
          {words.length === 0 ? (
            <p className="text-sm text-slate-500">{t("words.none")}</p>
          ) : (
            <ul className="flex flex-wrap gap-1.5">
              {words.map((word) => (
                <li
                  key={word.term}
                  className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-800"
                  style={{ fontSize: `${0.75 + (word.count / max) * 0.35}rem` }}
                >
                  {word.term} <span className="text-xs text-slate-500 tabular-nums">{format.number(word.count)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </CardContent>
    </Card>
  );
}

export async function ReviewCard({ review, children }: { review: Review; children?: React.ReactNode }) {
  const t = await getTranslations("incidentBoard.review");
  const tImprovements = await getTranslations("improvements");
  const format = await getFormatter();
  const money = await moneyFormatter();
  const written = review.review;
  const figures = (written?.figures ?? {}) as Partial<ReviewFigures>;
  const minutes = (value: number | null | undefined) =>
    typeof value === "number" ? t("minutes", { value: format.number(value) }) : t("unknown");
  const rows: [string, string][] = written
    ? [
        [t("linked"), format.number(figures.linked ?? 0)],
        [t("resolved"), format.number(figures.resolved ?? 0)],
        [t("breached"), format.number(figures.breached ?? 0)],
        [t("firstReport"), minutes(figures.firstReportMinutes)],
        [t("recovery"), minutes(figures.recoveryMinutes)],
        [t("missedReports"), format.number(figures.missedReports ?? 0)],
        [t("customerUpdates"), format.number(figures.customerUpdates ?? 0)],
        [
          t("compensation"),
          figures.compensation && figures.compensation.length > 0 ? money(figures.compensation) : t("unknown"),
        ],
      ]
    : [];
  return (
    <Card data-testid="incident-review">
      <CardHeader className="flex-col items-stretch gap-0">
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>
          {written
            ? t("by", {
                name: written.author.name,
                time: format.dateTime(written.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
              })
            : t("hint")}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        {written ? (
          <>
            <dl className="grid gap-3">
              <div>
                <dt className="font-medium text-slate-800">{t("summary")}</dt>
                <dd className="whitespace-pre-wrap text-slate-700">{written.summary}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-800">{t("wentWell")}</dt>
                <dd className="whitespace-pre-wrap text-slate-700">{written.wentWell}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-800">{t("wentBadly")}</dt>
                <dd className="whitespace-pre-wrap text-slate-700">{written.wentBadly}</dd>
              </div>
            </dl>
            <section>
              <h3 className="mb-1 font-medium text-slate-800">{t("figures")}</h3>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                {rows.map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt className="text-slate-500">{label}</dt>
                    <dd className="text-slate-900 tabular-nums">{value}</dd>
                  </div>
                ))}
              </dl>
            </section>
          </>
        ) : null}
        <section data-testid="incident-review-actions">
          <h3 className="mb-1 font-medium text-slate-800">{t("actions")}</h3>
          {review.actions.length === 0 ? (
            <p className="text-slate-500">{t("noActions")}</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {review.actions.map((action) => (
                <li key={action.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/improvements/${action.id}`} className="text-brand-700 hover:underline">
                    {action.title}
                  </Link>
                  <Badge tone="neutral">{tImprovements(`kinds.${action.kind}`)}</Badge>
                  <Badge tone={action.status === "done" ? "success" : "warning"}>
                    {tImprovements(`statuses.${action.status}`)}
                  </Badge>
                  {action.owner ? <span className="text-xs text-slate-500">{action.owner.name}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        {children}
      </CardContent>
    </Card>
  );
}
