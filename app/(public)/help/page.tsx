import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { buttonClasses } from "@/components/ui/button";
import { ArticleBody } from "@/components/knowledge/article-body";
import { listPublicArticles } from "@/lib/knowledge/public";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("helpCenter");
  return { title: t("title") };
}

// The public help centre: published articles flagged public, in the visitor's language, searchable in both.
export default async function HelpCentrePage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const raw = (await searchParams).q;
  const q = typeof raw === "string" ? raw.slice(0, 200) : "";
  const [t, locale, articles] = await Promise.all([getTranslations("helpCenter"), getLocale(), listPublicArticles(q)]);
  const en = locale === "en";
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 max-w-2xl text-sm text-slate-600">{t("subtitle")}</p>
      </div>
      <form method="get" role="search" className="flex gap-2" aria-label={t("searchLabel")}>
        <Input
          name="q"
          defaultValue={q}
          placeholder={t("searchPlaceholder")}
          aria-label={t("searchLabel")}
          className="flex-1"
          data-testid="help-search"
        />
        <button type="submit" className={buttonClasses("secondary")}>
          {t("search")}
        </button>
      </form>
      {articles.length === 0 ? (
        <Card className="p-6 text-sm text-slate-600">{t("empty")}</Card>
      ) : (
        <div className="flex flex-col gap-3" data-testid="help-articles">
          {articles.map((article) => (
            <Card key={article.id} className="p-0">
              <details className="group" data-testid="help-article">
                <summary className="focus-ring flex cursor-pointer list-none items-center justify-between gap-3 rounded-xl px-5 py-4 text-[15px] font-medium text-slate-900">
                  <span>{en ? article.titleEn : article.titleZh}</span>
                  <span aria-hidden className="text-slate-400 transition group-open:rotate-90">
                    ›
                  </span>
                </summary>
                <div className="border-t border-slate-100 px-5 py-4">
                  {article.categoryZh ? (
                    <p className="mb-2 text-xs text-slate-500">
                      {en ? article.categoryEn : article.categoryZh} · {t(`kinds.${article.kind}`)}
                    </p>
                  ) : null}
                  <ArticleBody source={en ? article.bodyEn : article.bodyZh} />
                </div>
              </details>
            </Card>
          ))}
        </div>
      )}
      <p className="text-center text-sm text-slate-600">
        <Link
          href="/complaint"
          className="focus-ring font-medium text-brand-700 underline"
          data-testid="help-file-complaint"
        >
          {t("fileComplaint")}
        </Link>
      </p>
    </div>
  );
}
