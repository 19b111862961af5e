import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { PlanForm } from "@/components/incidents/plans/plan-form";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { planOwners } from "@/lib/incidents/plan-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("incidentPlans");
  return { title: t("new") };
}

export default async function NewPlanPage() {
  const user = await requireUser();
  if (!can(user, "incident.manage")) forbidden();
  const [t, owners] = await Promise.all([getTranslations("incidentPlans"), planOwners()]);
  const initial = {
    type: "flight_disruption",
    level: null,
    titleZh: "",
    titleEn: "",
    ownerId: user.id,
    nextReviewAt: "",
    steps: [],
    contacts: [],
    scriptZh: "",
    scriptEn: "",
    compensationRules: [],
    active: true,
  };
  return (
    <>
      <Link
        href="/incidents/plans"
        className="focus-ring mb-2 inline-flex items-center gap-1 rounded text-sm text-slate-500 hover:text-slate-800"
      >
        <ArrowLeft className="size-4" aria-hidden />
        {t("back")}
      </Link>
      <PageHeader title={t("new")} description={t("description")} />
      <PlanForm initial={initial} owners={owners} />
    </>
  );
}
