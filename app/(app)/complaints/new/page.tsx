import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { IntakeForm } from "@/components/complaints/intake/intake-form";
import { requirePermission } from "@/lib/auth/session";
import { getComplaintFormOptions } from "@/lib/complaints/workspace";
import { isAppLocale, localizedName } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("intake");
  return { title: t("title") };
}

// Agent intake: the options in the UI language; the form itself is a client component posting to a server action.
export default async function NewComplaintPage() {
  await requirePermission("complaint.create");
  const rawLocale = await getLocale();
  const locale = isAppLocale(rawLocale) ? rawLocale : "zh-CN";
  const [t, options] = await Promise.all([getTranslations("intake"), getComplaintFormOptions()]);
  const label = <T extends { id: number; nameZh: string; nameEn: string }>(row: T) => ({
    id: row.id,
    label: localizedName(locale, row),
  });
  const phone = options.channels.find((channel) => channel.kind === "phone");

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <IntakeForm
        locale={locale}
        defaultChannelId={phone ? String(phone.id) : ""}
        options={{
          channels: options.channels.map(label),
          categories: options.categories.filter((row) => row.parentId === null).map(label),
          subcategories: options.categories.flatMap((row) =>
            row.parentId === null ? [] : [{ ...label(row), parentId: row.parentId }],
          ),
          touchpoints: options.touchpoints.map(label),
          severities: options.severities.map((row) => ({ ...label(row), rank: row.rank })),
          tiers: options.tiers.map((row) => ({
            ...label(row),
            code: row.code,
            rank: row.rank,
            escalateOnCreate: row.escalateOnCreate,
          })),
        }}
      />
    </>
  );
}
