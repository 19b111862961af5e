"use client";
// The contingency plan an incident follows, as a checklist: each tick is a server action (audited, on the timeline).
// Without a plan (none for its type), or to switch, a manager picks one.
import Link from "next/link";
import { useLocale, useTranslations, useFormatter } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { useIncidentAction } from "@/components/incidents/use-incident-action";
import { adoptPlanAction, checkPlanStepAction } from "@/lib/incidents/actions";

type Step = {
  index: number;
  zh: string;
  en: string;
  role: string;
  targetMinutes: number | null;
  checkedAt: Date | null;
  checkedBy: string | null;
};
type Checklist = {
  planId: number;
  revision: number;
  newerRevision: boolean;
  titleZh: string;
  titleEn: string;
  steps: Step[];
} | null;

export function PlanChecklist({
  incidentId,
  checklist,
  choices,
  canManage,
}: {
  incidentId: number;
  checklist: Checklist;
  choices: { id: number; titleZh: string; titleEn: string }[];
  canManage: boolean;
}) {
  const t = useTranslations("incidentPlans");
  const format = useFormatter();
  const en = useLocale() === "en";
  const { run, message, pending } = useIncidentAction();
  const done = checklist?.steps.filter((step) => step.checkedAt).length ?? 0;
  return (
    <Card data-testid="incident-plan">
      <CardHeader className="flex-col items-stretch gap-0">
        <CardTitle>
          {t("checklist")}
          {checklist ? (
            <span className="ml-2 text-sm font-normal text-slate-500 tabular-nums">
              {done}/{checklist.steps.length}
            </span>
          ) : null}
        </CardTitle>
        <CardDescription>
          {checklist ? (
            <Link
              href={`/incidents/plans/${checklist.planId}`}
              className="focus-ring rounded text-brand-700 hover:underline"
            >
              {en ? checklist.titleEn : checklist.titleZh}
            </Link>
          ) : (
            t("noPlan")
          )}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {checklist?.newerRevision ? (
          <p className="text-xs text-warning-700">{t("newerRevision", { revision: checklist.revision })}</p>
        ) : null}
        {checklist ? (
          <ul className="flex flex-col gap-2 text-sm">
            {checklist.steps.map((step) => (
              <li key={step.index}>
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    className="focus-ring mt-0.5 size-4"
                    checked={step.checkedAt !== null}
                    disabled={!canManage || pending}
                    onChange={(event) =>
                      run(
                        () => checkPlanStepAction(incidentId, { step: step.index, checked: event.target.checked }),
                        t("stepChecked"),
                      )
                    }
                  />
                  <span className={step.checkedAt ? "text-slate-500 line-through" : "text-slate-800"}>
                    {en ? step.en : step.zh}
                    <span className="block text-xs text-slate-500 no-underline">
                      {t(`roles.${step.role as "other"}`)}
                      {step.targetMinutes !== null ? ` · ${t("stepTarget", { minutes: step.targetMinutes })}` : ""}
                      {step.checkedAt
                        ? ` · ${t("checkedBy", { name: step.checkedBy ?? "—", time: format.dateTime(step.checkedAt, { dateStyle: "short", timeStyle: "short" }) })}`
                        : ""}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        {canManage && choices.length > 0 ? (
          <form
            className="flex gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              const planId = Number(new FormData(event.currentTarget).get("planId"));
              run(() => adoptPlanAction(incidentId, { planId }), t("adopted"));
            }}
          >
            <Select name="planId" defaultValue={checklist?.planId ?? choices[0]?.id} aria-label={t("choose")}>
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {en ? choice.titleEn : choice.titleZh}
                </option>
              ))}
            </Select>
            <Button type="submit" variant="secondary" size="sm" disabled={pending}>
              {t("choose")}
            </Button>
          </form>
        ) : null}
        {message ? (
          <p role="alert" className="text-sm font-medium text-danger-700">
            {message}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
