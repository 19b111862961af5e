import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ArrowLeft, ClipboardList, Plus } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LEVEL_TONE } from "@/components/incidents/tones";
import { DRILL_TONE, REVIEW_TONE } from "@/components/incidents/plans/tones";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { canReadIncidents } from "@/lib/incidents/queries";
import { listPlans } from "@/lib/incidents/plan-queries";
import { INCIDENT_TYPES, type IncidentType } from "@/lib/incidents/schema";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("incidentPlans");
  return { title: t("title") };
}

export default async function PlanLibraryPage() {
  const user = await requireUser();
  if (!canReadIncidents(user)) forbidden();
  const t = await getTranslations("incidents");
  const tp = await getTranslations("incidentPlans");
  const [format, locale, plans] = await Promise.all([getFormatter(), getLocale(), listPlans()]);
  const title = (plan: { titleZh: string; titleEn: string }) => (locale === "en" ? plan.titleEn : plan.titleZh);
  const typeLabel = (type: string) =>
    (INCIDENT_TYPES as readonly string[]).includes(type) ? t(`types.${type as IncidentType}`) : t("types.other");
  const mine = plans.filter((plan) => plan.owner?.id === user.id && plan.active && plan.review !== "current");
  const sections = [
    { key: "mineDue", rows: mine },
    { key: "library", rows: plans },
  ] as const;
  return (
    <>
      <Link
        href="/incidents"
        className="focus-ring mb-2 inline-flex items-center gap-1 rounded text-sm text-slate-500 hover:text-slate-800"
      >
        <ArrowLeft className="size-4" aria-hidden />
        {t("title")}
      </Link>
      <PageHeader
        title={tp("title")}
        description={tp("description")}
        meta={tp("count", { count: plans.length })}
        actions={
          can(user, "incident.manage") ? (
            <Link href="/incidents/plans/new" className={buttonClasses("primary")}>
              <Plus aria-hidden />
              {tp("new")}
            </Link>
          ) : null
        }
      />
      {plans.length === 0 ? (
        <Card>
          <EmptyState icon={ClipboardList} title={tp("empty")} description={tp("description")} />
        </Card>
      ) : (
        sections
          .filter((section) => section.rows.length > 0)
          .map((section) => (
            <Card key={section.key} className="mb-6">
              <Table data-testid={`plans-${section.key}`}>
                <TableCaption>{tp(`${section.key}`)}</TableCaption>
                <TableHeader>
                  <TableRow className="hover:bg-transparent">
                    <TableHead>{tp("columns.plan")}</TableHead>
                    <TableHead>{tp("columns.level")}</TableHead>
                    <TableHead>{tp("columns.revision")}</TableHead>
                    <TableHead>{tp("columns.owner")}</TableHead>
                    <TableHead>{tp("columns.nextReview")}</TableHead>
                    <TableHead>{tp("columns.lastDrill")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {section.rows.map((plan) => (
                    <TableRow key={plan.id} className={plan.active ? undefined : "opacity-60"}>
                      <TableCell>
                        <Link
                          href={`/incidents/plans/${plan.id}`}
                          className="focus-ring rounded font-medium text-brand-700 hover:underline"
                        >
                          {title(plan)}
                        </Link>
                        <div className="text-xs text-slate-500">
                          {typeLabel(plan.type)}
                          {plan.active ? "" : ` · ${tp("inactive")}`}
                        </div>
                      </TableCell>
                      <TableCell>
                        {plan.level ? (
                          <Badge tone={LEVEL_TONE[plan.level]}>{t(`levels.${plan.level}`)}</Badge>
                        ) : (
                          <span className="text-sm text-slate-500">{tp("anyLevel")}</span>
                        )}
                      </TableCell>
                      <TableCell className="whitespace-nowrap text-slate-600">
                        {tp("revisionN", { revision: plan.revision })}
                      </TableCell>
                      <TableCell className="text-slate-600">{plan.owner?.name ?? t("fields.none")}</TableCell>
                      <TableCell>
                        <div className="whitespace-nowrap text-slate-600">
                          {format.dateTime(plan.nextReviewAt, { dateStyle: "medium" })}
                        </div>
                        <Badge tone={REVIEW_TONE[plan.review]}>{tp(`review.${plan.review}`)}</Badge>
                      </TableCell>
                      <TableCell>
                        {plan.lastDrillAt ? (
                          <div className="whitespace-nowrap text-slate-600">
                            {format.dateTime(plan.lastDrillAt, { dateStyle: "medium" })}
                          </div>
                        ) : null}
                        <Badge tone={DRILL_TONE[plan.drill]}>{tp(`drillState.${plan.drill}`)}</Badge>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Card>
          ))
      )}
    </>
  );
}
