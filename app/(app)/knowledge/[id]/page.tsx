import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pencil } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { ArticleBody } from "@/components/knowledge/article-body";
import { HelpfulButton } from "@/components/knowledge/helpful-button";
import { KIND_TONE, STATUS_TONE } from "@/components/knowledge/labels";
import { VersionDiff } from "@/components/knowledge/version-diff";
import { WorkflowButtons } from "@/components/knowledge/workflow-buttons";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { requirePermission } from "@/lib/auth/session";
import { getArticle } from "@/lib/knowledge/queries";
import { todayUtc } from "@/lib/knowledge/search";
import { parseId } from "@/lib/validation";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ lang?: string; diff?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("knowledge");
  const { id } = await params;
  return { title: `${t("title")} #${parseId(id) ?? ""}` };
}

// One article: its text in either language, metadata, review steps, and versions with a diff to the previous one.
export default async function ArticlePage({ params, searchParams }: Props) {
  const user = await requirePermission("knowledge.read");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const article = await getArticle(user.actor, id);
  if (!article) notFound();
  const query = await searchParams;
  const [t, format, uiLocale] = await Promise.all([getTranslations("knowledge"), getFormatter(), getLocale()]);
  const lang = query.lang === "en" || query.lang === "zh" ? query.lang : uiLocale === "en" ? "en" : "zh";
  const { shown } = article;
  const zhUi = uiLocale !== "en";
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  const diffTo = query.diff ? parseId(query.diff) : null;
  const diffPair = diffTo
    ? [article.versions.find((row) => row.number === diffTo - 1), article.versions.find((row) => row.number === diffTo)]
    : null;
  const published = article.versions.find((row) => row.number === article.publishedNumber);
  const late = article.reviewDueOn !== null && article.reviewDueOn < todayUtc() && article.status !== "archived";

  return (
    <>
      <PageHeader
        title={lang === "en" ? shown.titleEn : shown.titleZh}
        description={lang === "en" ? shown.titleZh : shown.titleEn}
        actions={
          article.canEdit ? (
            <Link
              href={`/knowledge/${article.id}/edit`}
              className={buttonClasses("secondary")}
              data-testid="article-edit"
            >
              <Pencil aria-hidden />
              {t("edit")}
            </Link>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-6">
          {diffPair?.[0] && diffPair[1] ? (
            <VersionDiff articleId={article.id} before={diffPair[0]} after={diffPair[1]} />
          ) : null}
          <Card>
            <CardHeader className="flex flex-row items-center justify-between gap-2">
              <CardTitle>{t("versions.number", { number: shown.number })}</CardTitle>
              <nav aria-label={t("showIn")} className="flex gap-1">
                {(["zh", "en"] as const).map((value) => (
                  <Link
                    key={value}
                    href={`/knowledge/${article.id}?lang=${value}`}
                    aria-current={lang === value ? "page" : undefined}
                    data-testid={`article-lang-${value}`}
                    className={cn(
                      "focus-ring rounded-md px-2.5 py-1 text-[13px]",
                      lang === value ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100",
                    )}
                  >
                    {t(`languages.${value}`)}
                  </Link>
                ))}
              </nav>
            </CardHeader>
            <CardContent>
              <ArticleBody source={lang === "en" ? shown.bodyEn : shown.bodyZh} testId="article-body" />
            </CardContent>
          </Card>
        </div>
        <aside className="flex flex-col gap-6">
          <Card>
            <CardContent className="flex flex-col gap-3 pt-5 text-sm">
              <div className="flex flex-wrap gap-2">
                <Badge tone={KIND_TONE[article.kind]}>{t(`kinds.${article.kind}`)}</Badge>
                <Badge tone={STATUS_TONE[article.status]} dot data-testid="article-status">
                  {t(`statuses.${article.status}`)}
                </Badge>
                {article.isPublic ? <Badge tone="info">{t("publicBadge")}</Badge> : null}
              </div>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-[13px]">
                <dt className="text-slate-500">{t("meta.category")}</dt>
                <dd>
                  {article.category ? (zhUi ? article.category.nameZh : article.category.nameEn) : t("noCategory")}
                </dd>
                <dt className="text-slate-500">{t("meta.owner")}</dt>
                <dd>{article.owner.name}</dd>
                <dt className="text-slate-500">{t("meta.reviewDue")}</dt>
                <dd className={late ? "font-medium text-danger-700" : undefined}>
                  {article.reviewDueOn
                    ? format.dateTime(article.reviewDueOn, { dateStyle: "medium", timeZone: "UTC" })
                    : "—"}
                  {late ? ` · ${t("overdueBadge")}` : ""}
                </dd>
                <dt className="text-slate-500">{t("meta.published")}</dt>
                <dd data-testid="article-published">
                  {published ? (
                    <>
                      {t("versions.number", { number: published.number })}
                      {published.approvedBy && published.approvedAt ? (
                        <span className="block text-slate-500">
                          {t("meta.approvedBy", { name: published.approvedBy.name, date: date(published.approvedAt) })}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    t("meta.notPublished")
                  )}
                </dd>
                <dt className="text-slate-500">{t("meta.helpful")}</dt>
                <dd>{t("helpCount", { count: article.helpfulCount })}</dd>
              </dl>
              {article.publishedNumber !== null &&
              article.publishedNumber !== article.currentNumber &&
              article.versions.length > 1 ? (
                <p className="rounded-md bg-warning-50 p-2 text-[13px] text-warning-700">
                  {t("meta.newerDraft", { number: article.currentNumber, published: article.publishedNumber })}
                </p>
              ) : null}
              <WorkflowButtons articleId={article.id} version={article.version} steps={article.steps} />
              {article.publishedNumber !== null && article.status !== "archived" ? (
                <div>
                  <HelpfulButton articleId={article.id} complaintId={null} />
                </div>
              ) : null}
            </CardContent>
          </Card>
          {article.versions.length > 1 || article.steps.length ? (
            <Card>
              <CardHeader>
                <CardTitle>{t("versions.title")}</CardTitle>
              </CardHeader>
              <CardContent>
                <ol className="flex flex-col gap-3 text-[13px]" data-testid="article-versions">
                  {article.versions.map((row) => (
                    <li key={row.number} className="flex flex-col gap-0.5">
                      <span className="font-medium text-slate-800">
                        {t("versions.number", { number: row.number })}
                        {row.number === article.currentNumber ? (
                          <span className="ml-1 text-slate-500">({t("versions.current")})</span>
                        ) : null}
                      </span>
                      <span className="text-slate-500">
                        {t("versions.editedBy", { name: row.editedBy.name, date: date(row.createdAt) })}
                      </span>
                      {row.approvedBy ? (
                        <span className="text-success-700">
                          {t("versions.approved", { name: row.approvedBy.name })}
                        </span>
                      ) : null}
                      {row.changeNote ? (
                        <span className="text-slate-600">{t("versions.note", { note: row.changeNote })}</span>
                      ) : null}
                      {row.number > 1 ? (
                        <Link
                          href={`/knowledge/${article.id}?diff=${row.number}`}
                          className="focus-ring text-brand-700 underline"
                          data-testid={`article-diff-${row.number}`}
                        >
                          {t("versions.compare")}
                        </Link>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </CardContent>
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}
