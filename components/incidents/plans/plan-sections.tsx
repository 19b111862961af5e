// Read-only sections of a contingency plan's page: steps, contacts, scripts, compensation rules, drills, revisions.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { timingVerdicts } from "@/lib/incidents/plan-review";
import type { PlanDetail } from "@/lib/incidents/plan-queries";

export async function PlanBodyCards({ plan }: { plan: PlanDetail }) {
  const t = await getTranslations("incidentPlans");
  const format = await getFormatter();
  const en = (await getLocale()) === "en";
  return (
    <>
      <Card data-testid="plan-steps">
        <CardHeader>
          <CardTitle>{t("steps")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ol className="flex list-decimal flex-col gap-2 pl-5 text-sm text-slate-800">
            {plan.steps.map((step, index) => (
              <li key={index}>
                <span>{en ? step.en : step.zh}</span>
                <span className="ml-2 text-xs text-slate-500">
                  {t(`roles.${step.role}`)}
                  {step.targetMinutes !== null ? ` · ${t("stepTarget", { minutes: step.targetMinutes })}` : ""}
                </span>
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("contacts")}</CardTitle>
        </CardHeader>
        <CardContent>
          {plan.contacts.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noContacts")}</p>
          ) : (
            <ul className="grid gap-2 text-sm sm:grid-cols-2">
              {plan.contacts.map((contact, index) => (
                <li key={index} className="rounded-md bg-slate-50 px-3 py-2">
                  <div className="font-medium text-slate-800">{contact.role}</div>
                  <div className="text-slate-600">
                    {contact.name}
                    {contact.phone ? ` · ${contact.phone}` : ""}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("scripts")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 text-sm md:grid-cols-2">
          <div>
            <div className="mb-1 text-xs font-medium text-slate-500">{t("scriptZh")}</div>
            <p className="whitespace-pre-wrap text-slate-800" lang="zh-CN">
              {plan.scriptZh}
            </p>
          </div>
          <div>
            <div className="mb-1 text-xs font-medium text-slate-500">{t("scriptEn")}</div>
            <p className="whitespace-pre-wrap text-slate-800" lang="en">
              {plan.scriptEn}
            </p>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("rules")}</CardTitle>
        </CardHeader>
        <CardContent>
          {plan.compensationRules.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noRules")}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm text-slate-800">
              {plan.compensationRules.map((rule, index) => (
                <li key={index}>
                  {t(`conditions.${rule.condition}`, { hours: rule.thresholdHours ?? 0 })} → {t(`kinds.${rule.kind}`)}{" "}
                  {rule.amount > 0 ? format.number(rule.amount, { style: "currency", currency: rule.currency }) : ""}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </>
  );
}

export async function DrillsCard({ plan }: { plan: PlanDetail }) {
  const t = await getTranslations("incidentPlans");
  const format = await getFormatter();
  const en = (await getLocale()) === "en";
  return (
    <Card data-testid="plan-drills">
      <CardHeader>
        <CardTitle>{t("drills")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        {plan.drills.length === 0 ? <p className="text-sm text-slate-500">{t("noDrills")}</p> : null}
        {plan.drills.map((drill) => (
          <article
            key={drill.id}
            className="flex flex-col gap-2 border-b border-slate-100 pb-4 text-sm last:border-0 last:pb-0"
          >
            <h3 className="font-medium text-slate-900">
              {t("drillOf", {
                date: format.dateTime(drill.heldAt, { dateStyle: "medium" }),
                revision: drill.planRevision,
              })}
            </h3>
            <p className="whitespace-pre-wrap text-slate-700">{drill.scenario}</p>
            <p className="text-slate-600">
              <span className="font-medium">{t("participants")}：</span>
              {drill.participants.join(en ? ", " : "、")}
            </p>
            {drill.timings.length > 0 ? (
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="text-xs text-slate-500">
                    <th className="py-1 font-medium">{t("steps")}</th>
                    <th className="py-1 font-medium">{t("target")}</th>
                    <th className="py-1 font-medium">{t("achieved")}</th>
                  </tr>
                </thead>
                <tbody>
                  {timingVerdicts(drill.timings).map((timing) => {
                    const step = plan.steps[timing.step];
                    return (
                      <tr key={timing.step} className="border-t border-slate-100">
                        <td className="py-1 pr-2">
                          {timing.step + 1}. {step ? (en ? step.en : step.zh) : "—"}
                        </td>
                        <td className="py-1 tabular-nums">{timing.targetMinutes ?? "—"}</td>
                        <td className="py-1 tabular-nums">
                          {timing.achievedMinutes}
                          {timing.over ? (
                            <Badge tone="danger" className="ml-2">
                              {t("over")}
                            </Badge>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : null}
            {drill.findings ? (
              <p className="whitespace-pre-wrap text-slate-700">
                <span className="font-medium">{t("findings")}：</span>
                {drill.findings}
              </p>
            ) : null}
            {drill.actions.length > 0 ? (
              <div>
                <span className="font-medium text-slate-700">{t("followUps")}：</span>
                <ul className="mt-1 flex flex-col gap-1">
                  {drill.actions.map((action) => (
                    <li key={action.id}>
                      <Link
                        href={`/improvements/${action.id}`}
                        className="focus-ring rounded text-brand-700 hover:underline"
                      >
                        {action.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </article>
        ))}
      </CardContent>
    </Card>
  );
}

export async function RevisionsCard({ plan }: { plan: PlanDetail }) {
  const t = await getTranslations("incidentPlans");
  const format = await getFormatter();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("revisions")}</CardTitle>
      </CardHeader>
      <CardContent>
        <ol className="flex flex-col gap-2 text-sm">
          {plan.revisions.map((revision) => (
            <li key={revision.revision}>
              <div className="flex justify-between gap-2">
                <span className="text-slate-800">
                  {t("revisionBy", { revision: revision.revision, name: revision.by ?? "—" })}
                </span>
                <time className="text-xs text-slate-500">
                  {format.dateTime(revision.createdAt, { dateStyle: "medium" })}
                </time>
              </div>
              {revision.changeNote ? <p className="text-slate-600">{revision.changeNote}</p> : null}
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
