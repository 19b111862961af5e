import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { PlanForm } from "@/components/incidents/plans/plan-form";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { loadPlan, planOwners } from "@/lib/incidents/plan-queries";
import { parseId } from "@/lib/validation";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("incidentPlans");
  return { title: t("edit") };
}

export default async function EditPlanPage({ params }: Params) {
  const user = await requireUser();
  if (!can(user, "incident.manage")) forbidden();
  const id = parseId((await params).id);
  const plan = id ? await loadPlan(id) : null;
  if (!plan) notFound();
  const [t, owners] = await Promise.all([getTranslations("incidentPlans"), planOwners()]);
  const initial = { ...plan, ownerId: plan.owner?.id ?? null, nextReviewAt: "" };
  return (
    <>
      <Link
        href={`/incidents/plans/${plan.id}`}
        className="focus-ring mb-2 inline-flex items-center gap-1 rounded text-sm text-slate-500 hover:text-slate-800"
      >
        <ArrowLeft className="size-4" aria-hidden />
        {t("backToPlan")}
      </Link>
      <PageHeader title={t("edit")} meta={t("revisionN", { revision: plan.revision })} />
      <PlanForm planId={plan.id} revision={plan.revision} initial={initial} owners={owners} />
    </>
  );
}
