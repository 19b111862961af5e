import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ComplaintForm } from "@/components/public/complaint-form";
import { localizedName } from "@/lib/i18n/locales";
import { publicCategories } from "@/lib/public/reference-data";
import { BUSINESS_TIME_ZONE, zonedDay } from "@/lib/time/zone";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public.complaint");
  return { title: t("metaTitle") };
}

/** Today in the service centre's time zone, the latest selectable travel date. */
function todayInShanghai(): string {
  return zonedDay(new Date(), BUSINESS_TIME_ZONE);
}

export default async function PublicComplaintPage() {
  const [t, tHelp, locale, categories] = await Promise.all([
    getTranslations("public.complaint"),
    getTranslations("helpCenter"),
    getLocale(),
    publicCategories(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-[13px] font-medium text-brand-700">{t("eyebrow")}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-balance text-slate-900 sm:text-3xl">
          {t("title")}
        </h1>
        <p className="mt-2 max-w-2xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      <p
        className="rounded-lg border border-info-100 bg-info-50 px-4 py-3 text-sm text-info-700"
        data-testid="complaint-help-link"
      >
        {tHelp("beforeFiling")}{" "}
        <Link href="/help" className="focus-ring font-medium underline">
          {tHelp("openHelp")}
        </Link>
      </p>
      <Card className="px-4 py-6 sm:px-8 sm:py-8">
        <ComplaintForm
          categories={categories.map((category) => ({ id: category.id, name: localizedName(locale, category) }))}
          locale={locale}
          today={todayInShanghai()}
        />
      </Card>
    </div>
  );
}
