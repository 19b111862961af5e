import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { ArticleForm } from "@/components/knowledge/article-form";
import { requirePermission } from "@/lib/auth/session";
import { getComplaintFormOptions } from "@/lib/complaints/workspace";
import { categoryChoices } from "@/lib/knowledge/category-choices";
import { getArticle } from "@/lib/knowledge/queries";
import { isAppLocale } from "@/lib/i18n/locales";
import { parseId } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("knowledge.form");
  return { title: t("editTitle") };
}

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("knowledge.manage");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const article = await getArticle(user.actor, id);
  if (!article || !article.canEdit) notFound();
  const [t, options, locale] = await Promise.all([
    getTranslations("knowledge.form"),
    getComplaintFormOptions(),
    getLocale(),
  ]);
  const { shown } = article;
  return (
    <>
      <PageHeader title={t("editTitle")} description={locale === "en" ? shown.titleEn : shown.titleZh} />
      <ArticleForm
        id={article.id}
        version={article.version}
        initial={{
          kind: article.kind,
          categoryId: article.categoryId,
          isPublic: article.isPublic,
          reviewDueOn: article.reviewDueOn ? article.reviewDueOn.toISOString().slice(0, 10) : "",
          titleZh: shown.titleZh,
          titleEn: shown.titleEn,
          bodyZh: shown.bodyZh,
          bodyEn: shown.bodyEn,
        }}
        categories={categoryChoices(options.categories, isAppLocale(locale) ? locale : "zh-CN")}
      />
    </>
  );
}
