import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { KpiSettingsForm } from "@/components/admin/kpi/kpi-settings-form";
import { requirePermission } from "@/lib/auth/session";
import { getKpiSettingsForAdmin } from "@/lib/kpi/admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kpiAdmin");
  return { title: t("title") };
}

// Managers: the dashboard targets (from the installed industry template until changed here) and the reopen window.
export default async function AdminKpiPage() {
  await requirePermission("dashboard.view");
  const [t, { targets, definitions, version }] = await Promise.all([
    getTranslations("kpiAdmin"),
    getKpiSettingsForAdmin(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <KpiSettingsForm targets={targets} definitions={definitions} version={version} />
    </>
  );
}
