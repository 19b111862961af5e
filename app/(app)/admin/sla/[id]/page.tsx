import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PolicyForm } from "@/components/admin/sla/policy-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getPolicyForEdit, getPolicyFormOptions } from "@/lib/sla/admin/queries";
import { parseId } from "@/lib/validation";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminSla");
  return { title: t("editTitle") };
}

export default async function EditSlaPolicyPage({ params }: Props) {
  await requirePermission("admin.config");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const [t, locale, policy, options] = await Promise.all([
    getTranslations("adminSla"),
    getLocale(),
    getPolicyForEdit(id),
    getPolicyFormOptions(),
  ]);
  if (!policy) notFound();
  return (
    <>
      <PageHeader title={locale === "zh-CN" ? policy.nameZh : policy.nameEn} description={t("formDescription")} />
      <PolicyForm key={policy.updatedAt} policy={policy} options={options} />
    </>
  );
}
