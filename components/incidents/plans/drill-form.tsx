"use client";
// Records a drill of a plan: date, scenario, participants, minutes each step took, findings and follow-up actions.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useIncidentAction } from "@/components/incidents/use-incident-action";
import { usePlanFieldError } from "@/components/incidents/plans/plan-errors";
import { recordDrillAction } from "@/lib/incidents/actions";

export function DrillForm({
  planId,
  steps,
}: {
  planId: number;
  steps: { label: string; targetMinutes: number | null }[];
}) {
  const t = useTranslations("incidentPlans");
  const { run, errors, message, pending } = useIncidentAction();
  const err = usePlanFieldError(errors);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("recordDrill")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-col gap-3"
          data-testid="drill-form"
          onSubmit={(event) => {
            event.preventDefault();
            const element = event.currentTarget;
            const form = new FormData(element);
            const value = (key: string) => String(form.get(key) ?? "");
            const timings = steps.flatMap((_step, index) =>
              value(`timing${index}`).trim() === ""
                ? []
                : [{ step: index, achievedMinutes: Number(value(`timing${index}`)) }],
            );
            const input = {
              heldAt: value("heldAt"),
              scenario: value("scenario"),
              participants: value("participants")
                .split(/[,，、]/)
                .map((name) => name.trim())
                .filter(Boolean),
              timings,
              findings: value("findings"),
              followUps: value("followUps")
                .split("\n")
                .map((line) => line.trim())
                .filter(Boolean),
            };
            run(
              () => recordDrillAction(planId, input),
              t("drillForm.saved"),
              () => element.reset(),
            );
          }}
        >
          <FormField label={t("drillForm.heldAt")} error={err("heldAt")}>
            <Input type="date" name="heldAt" />
          </FormField>
          <FormField label={t("drillForm.scenario")} error={err("scenario")}>
            <Textarea name="scenario" rows={2} maxLength={2000} />
          </FormField>
          <FormField
            label={t("drillForm.participants")}
            hint={t("drillForm.participantsHint")}
            error={err("participants")}
          >
            <Input name="participants" maxLength={2000} />
          </FormField>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-slate-700">{t("drillForm.timings")}</legend>
            {steps.map((step, index) => (
              <label key={index} className="grid grid-cols-[1fr_6rem] items-center gap-2 text-sm text-slate-700">
                <span>
                  {index + 1}. {step.label}
                  {step.targetMinutes !== null ? (
                    <span className="text-slate-500"> · {t("stepTarget", { minutes: step.targetMinutes })}</span>
                  ) : null}
                </span>
                <Input
                  name={`timing${index}`}
                  inputMode="numeric"
                  aria-invalid={Boolean(errors[`timings.${index}.achievedMinutes`])}
                />
              </label>
            ))}
            {err("timings") ? <p className="text-sm text-danger-700">{err("timings")}</p> : null}
          </fieldset>
          <FormField label={t("drillForm.findings")} error={err("findings")}>
            <Textarea name="findings" rows={3} maxLength={4000} />
          </FormField>
          <FormField label={t("drillForm.followUps")} hint={t("drillForm.followUpsHint")} error={err("followUps")}>
            <Textarea name="followUps" rows={2} />
          </FormField>
          {message ? (
            <p role="alert" className="text-sm font-medium text-danger-700">
              {message}
            </p>
          ) : null}
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>
              {t("drillForm.save")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
