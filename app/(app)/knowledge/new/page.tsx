import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { ArticleForm } from "@/components/knowledge/article-form";
import { requirePermission } from "@/lib/auth/session";
import { getComplaintFormOptions } from "@/lib/complaints/workspace";
import { categoryChoices } from "@/lib/knowledge/category-choices";
import { isAppLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("knowledge.form");
  return { title: t("createTitle") };
}

export default async function NewArticlePage() {
  await requirePermission("knowledge.manage");
  const [t, options, locale] = await Promise.all([
    getTranslations("knowledge.form"),
    getComplaintFormOptions(),
    getLocale(),
  ]);
  return (
    <>
      <PageHeader title={t("createTitle")} />
      <ArticleForm
        id={null}
        version={1}
        initial={{
          kind: "sop",
          categoryId: null,
          isPublic: false,
          reviewDueOn: "",
          titleZh: "",
          titleEn: "",
          bodyZh: "",
          bodyEn: "",
        }}
        categories={categoryChoices(options.categories, isAppLocale(locale) ? locale : "zh-CN")}
      />
    </>
  );
}
