import type { Metadata } from "next";
import Link from "next/link";
import { BookOpen, Plus } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { KIND_TONE, STATUS_TONE } from "@/components/knowledge/labels";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listArticles, overdueReviews } from "@/lib/knowledge/queries";
import { todayUtc } from "@/lib/knowledge/search";
import { KNOWLEDGE_KINDS, KNOWLEDGE_STATUSES } from "@/lib/knowledge/workflow";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("knowledge");
  return { title: t("title") };
}

type Search = { q?: string; kind?: string; status?: string; mine?: string; overdue?: string };
const one = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  list.find((candidate) => candidate === value);

// The knowledge base: search in Chinese or English, filters in the URL; editors see drafts and their overdue reviews.
export default async function KnowledgePage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission("knowledge.read");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  const kind = one(KNOWLEDGE_KINDS, params.kind);
  const status = one(KNOWLEDGE_STATUSES, params.status);
  const editor = can(user, "knowledge.manage") || can(user, "knowledge.approve");
  const [t, format, locale, rows, overdue] = await Promise.all([
    getTranslations("knowledge"),
    getFormatter(),
    getLocale(),
    listArticles(user.actor, { q, kind, status, mine: params.mine === "1", overdue: params.overdue === "1" }),
    editor ? overdueReviews(user.id) : Promise.resolve([]),
  ]);
  const zh = locale !== "en";
  const today = todayUtc();
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        meta={t("resultCount", { count: rows.length })}
        actions={
          can(user, "knowledge.manage") ? (
            <Link href="/knowledge/new" className={buttonClasses("primary")} data-testid="knowledge-new">
              <Plus aria-hidden />
              {t("newArticle")}
            </Link>
          ) : null
        }
      />
      {overdue.length ? (
        <Card className="mb-4 border-warning-100 bg-warning-50 p-4" data-testid="knowledge-overdue">
          <h2 className="text-sm font-semibold text-warning-700">{t("overdueTitle")}</h2>
          <p className="mt-1 text-[13px] text-warning-700">{t("overdueHint")}</p>
          <ul className="mt-2 flex flex-col gap-1 text-sm">
            {overdue.map((article) => (
              <li key={article.id}>
                <Link href={`/knowledge/${article.id}`} className="focus-ring text-brand-700 underline">
                  {zh ? article.versions[0]?.titleZh : article.versions[0]?.titleEn}
                </Link>
                <span className="ml-2 text-[13px] text-warning-700">
                  {t("dueOn", { date: date(article.reviewDueOn!) })}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2" aria-label={t("searchLabel")}>
        <Input
          name="q"
          defaultValue={q}
          placeholder={t("searchPlaceholder")}
          aria-label={t("searchLabel")}
          className="w-72"
          data-testid="knowledge-search"
        />
        <Select name="kind" defaultValue={kind ?? ""} aria-label={t("columns.kind")} className="w-36">
          <option value="">{t("allKinds")}</option>
          {KNOWLEDGE_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`kinds.${value}`)}
            </option>
          ))}
        </Select>
        {editor ? (
          <Select
            name="status"
            defaultValue={status ?? ""}
            aria-label={t("columns.status")}
            className="w-36"
            data-testid="knowledge-status-filter"
          >
            <option value="">{t("allStatuses")}</option>
            {KNOWLEDGE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`statuses.${value}`)}
              </option>
            ))}
          </Select>
        ) : null}
        {editor ? (
          <label className="flex h-9 items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="mine"
              value="1"
              defaultChecked={params.mine === "1"}
              className="size-4 accent-brand-600"
            />
            {t("mine")}
          </label>
        ) : null}
        <button type="submit" className={buttonClasses("secondary")} data-testid="knowledge-search-submit">
          {t("search")}
        </button>
      </form>
      <Card>
        {rows.length === 0 ? (
          <EmptyState icon={BookOpen} title={t("empty")} />
        ) : (
          <Table data-testid="knowledge-table">
            <TableCaption>{t("title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("columns.title")}</TableHead>
                <TableHead>{t("columns.kind")}</TableHead>
                {editor ? <TableHead>{t("columns.status")}</TableHead> : null}
                <TableHead>{t("columns.category")}</TableHead>
                <TableHead>{t("columns.owner")}</TableHead>
                <TableHead>{t("columns.reviewDue")}</TableHead>
                <TableHead className="text-right">{t("columns.helpful")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => {
                const late = row.reviewDueOn !== null && row.reviewDueOn < today && row.status !== "archived";
                return (
                  <TableRow key={row.id} data-testid="knowledge-row">
                    <TableCell className="max-w-md">
                      <Link
                        href={`/knowledge/${row.id}`}
                        className="focus-ring font-medium text-brand-700 hover:underline"
                      >
                        {zh ? row.titleZh : row.titleEn}
                      </Link>
                      {row.isPublic ? (
                        <Badge tone="info" className="ml-2">
                          {t("publicBadge")}
                        </Badge>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      <Badge tone={KIND_TONE[row.kind]}>{t(`kinds.${row.kind}`)}</Badge>
                    </TableCell>
                    {editor ? (
                      <TableCell>
                        <Badge tone={STATUS_TONE[row.status]} dot>
                          {t(`statuses.${row.status}`)}
                        </Badge>
                      </TableCell>
                    ) : null}
                    <TableCell className="text-slate-600">
                      {row.categoryZh ? (zh ? row.categoryZh : row.categoryEn) : t("noCategory")}
                    </TableCell>
                    <TableCell className="text-slate-600">{row.ownerName}</TableCell>
                    <TableCell className={late ? "font-medium text-danger-700" : "text-slate-600"}>
                      {row.reviewDueOn ? date(row.reviewDueOn) : "—"}
                      {late ? <span className="sr-only"> ({t("overdueBadge")})</span> : null}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{row.helpfulCount}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Card>
    </>
  );
}
