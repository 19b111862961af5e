import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PolicyForm } from "@/components/admin/sla/policy-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getPolicyFormOptions } from "@/lib/sla/admin/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminSla");
  return { title: t("createTitle") };
}

export default async function NewSlaPolicyPage() {
  await requirePermission("admin.config");
  const [t, options] = await Promise.all([getTranslations("adminSla"), getPolicyFormOptions()]);
  return (
    <>
      <PageHeader title={t("createTitle")} description={t("formDescription")} />
      <PolicyForm policy={null} options={options} />
    </>
  );
}
