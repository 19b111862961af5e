import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CompensationConfigForm } from "@/components/admin/compensation/compensation-config-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/lib/auth/session";
import { compensationConfig } from "@/lib/compensation/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminCompensation");
  return { title: t("title") };
}

export default async function AdminCompensationPage() {
  await requirePermission("admin.config");
  const [t, config] = await Promise.all([getTranslations("adminCompensation"), compensationConfig()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <CompensationConfigForm config={config} />
    </>
  );
}
