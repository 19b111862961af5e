import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ArrowLeft, Pencil } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { LEVEL_TONE } from "@/components/incidents/tones";
import { DRILL_TONE, REVIEW_TONE } from "@/components/incidents/plans/tones";
import { DrillForm } from "@/components/incidents/plans/drill-form";
import { DrillsCard, PlanBodyCards, RevisionsCard } from "@/components/incidents/plans/plan-sections";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { canReadIncidents } from "@/lib/incidents/queries";
import { loadPlan } from "@/lib/incidents/plan-queries";
import { INCIDENT_TYPES, type IncidentType } from "@/lib/incidents/schema";
import { parseId } from "@/lib/validation";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations("incidentPlans");
  const id = parseId((await params).id);
  const plan = id ? await loadPlan(id) : null;
  const locale = await getLocale();
  return { title: plan ? (locale === "en" ? plan.titleEn : plan.titleZh) : t("title") };
}

export default async function PlanPage({ params }: Params) {
  const user = await requireUser();
  if (!canReadIncidents(user)) forbidden();
  const id = parseId((await params).id);
  const plan = id ? await loadPlan(id) : null;
  if (!plan) notFound();
  const t = await getTranslations("incidents");
  const tp = await getTranslations("incidentPlans");
  const [format, locale] = await Promise.all([getFormatter(), getLocale()]);
  const en = locale === "en";
  const typeLabel = (INCIDENT_TYPES as readonly string[]).includes(plan.type)
    ? t(`types.${plan.type as IncidentType}`)
    : t("types.other");
  const manage = can(user, "incident.manage");
  return (
    <div className="flex flex-col gap-6" data-testid="plan-page">
      <div>
        <Link
          href="/incidents/plans"
          className="focus-ring mb-2 inline-flex items-center gap-1 rounded text-sm text-slate-500 hover:text-slate-800"
        >
          <ArrowLeft className="size-4" aria-hidden />
          {tp("back")}
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="neutral">{typeLabel}</Badge>
          {plan.level ? (
            <Badge tone={LEVEL_TONE[plan.level]}>{t(`levels.${plan.level}`)}</Badge>
          ) : (
            <Badge tone="neutral">{tp("anyLevel")}</Badge>
          )}
          <Badge tone={REVIEW_TONE[plan.review]} data-testid="plan-review">
            {tp(`review.${plan.review}`)}
          </Badge>
          <Badge tone={DRILL_TONE[plan.drill]} data-testid="plan-drill">
            {plan.lastDrillAt
              ? `${tp(`drillState.${plan.drill}`)} · ${tp("lastDrill", { date: format.dateTime(plan.lastDrillAt, { dateStyle: "medium" }) })}`
              : tp(`drillState.${plan.drill}`)}
          </Badge>
          {plan.active ? null : <Badge tone="neutral">{tp("inactive")}</Badge>}
        </div>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{en ? plan.titleEn : plan.titleZh}</h1>
          {manage ? (
            <Link href={`/incidents/plans/${plan.id}/edit`} className={buttonClasses("secondary")}>
              <Pencil aria-hidden />
              {tp("edit")}
            </Link>
          ) : null}
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {[
            tp("revisionN", { revision: plan.revision }),
            tp("revisedOn", { date: format.dateTime(plan.revisedAt, { dateStyle: "medium" }) }),
            plan.owner ? tp("ownerIs", { name: plan.owner.name }) : null,
            `${tp("columns.nextReview")} ${format.dateTime(plan.nextReviewAt, { dateStyle: "medium" })}`,
            tp("usedBy", { count: plan._count.incidents }),
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <PlanBodyCards plan={plan} />
          <DrillsCard plan={plan} />
        </div>
        <aside className="flex flex-col gap-6">
          {manage ? (
            <DrillForm
              planId={plan.id}
              steps={plan.steps.map((step) => ({ label: en ? step.en : step.zh, targetMinutes: step.targetMinutes }))}
            />
          ) : null}
          <RevisionsCard plan={plan} />
        </aside>
      </div>
    </div>
  );
}
