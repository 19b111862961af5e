import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { DeclareIncidentForm } from "@/components/incidents/declare-form";
import { requirePermission } from "@/lib/auth/session";
import { incidentCategoryOptions, incidentOwners } from "@/lib/incidents/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("incidents");
  return { title: t("declareTitle") };
}

export default async function DeclareIncidentPage() {
  const user = await requirePermission("incident.manage");
  const [t, owners, categories] = await Promise.all([
    getTranslations("incidents"),
    incidentOwners(),
    incidentCategoryOptions(),
  ]);
  return (
    <>
      <PageHeader title={t("declareTitle")} description={t("declareDescription")} />
      <DeclareIncidentForm
        owners={owners}
        categories={categories}
        defaultOwnerId={owners.some((owner) => owner.id === user.id) ? user.id : null}
      />
    </>
  );
}
