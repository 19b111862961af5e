"use client";
// Dashboard targets of the installed template and the reopen-rate window, edited by managers (optimistic version
// check).
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { Failure } from "@/lib/errors";
import { saveKpiSettingsAction } from "@/lib/kpi/actions";
import type { KpiDefinitions, KpiTargets } from "@/lib/kpi/settings";

type TargetKey = keyof KpiTargets;
type Props = { targets: KpiTargets; definitions: KpiDefinitions; version: string };

/** Fields in the order of the dashboard tiles, with their input limits (the server validates the same). */
const FIELDS: { key: TargetKey; min: number; max: number; step: string }[] = [
  { key: "frtHours", min: 0.1, max: 2000, step: "0.1" },
  { key: "resolutionHours", min: 0.1, max: 2000, step: "0.1" },
  { key: "slaResponse", min: 0, max: 100, step: "0.1" },
  { key: "slaResolution", min: 0, max: 100, step: "0.1" },
  { key: "fcr", min: 0, max: 100, step: "0.1" },
  { key: "reopenRate", min: 0, max: 100, step: "0.1" },
  { key: "escalationRate", min: 0, max: 100, step: "0.1" },
  { key: "csat", min: 0, max: 100, step: "0.1" },
  { key: "csatMean", min: 1, max: 5, step: "0.01" },
  { key: "nps", min: -100, max: 100, step: "1" },
  { key: "recommendation", min: 0, max: 100, step: "0.1" },
  { key: "ces", min: 1, max: 7, step: "0.01" },
  { key: "responseRate", min: 0, max: 100, step: "0.1" },
];

export function KpiSettingsForm({ targets, definitions, version }: Props) {
  const t = useTranslations("kpiAdmin");
  const { toast } = useToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [currentVersion, setCurrentVersion] = useState(version);

  const fieldError = (key: string) => {
    const code = failure?.fields?.[key]?.[0];
    if (!code) return undefined;
    return code === "required" ? t("errors.required") : t("errors.range");
  };
  const formError = failure
    ? failure.error === "conflict"
      ? t("errors.conflict")
      : failure.error === "invalid"
        ? t("errors.form")
        : t("errors.generic")
    : undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // An empty target field means "no target"; the window is required.
    const value = (key: string) => {
      const raw = form.get(key);
      return typeof raw === "string" && raw.trim() !== "" ? Number(raw) : null;
    };
    const input = {
      ...Object.fromEntries(FIELDS.map(({ key }) => [key, value(key)])),
      reopenWindowDays: value("reopenWindowDays"),
      version: currentVersion,
    };
    startTransition(async () => {
      const result = await saveKpiSettingsAction(input);
      if (!result.ok) {
        setFailure(result);
        return;
      }
      setFailure(null);
      setCurrentVersion(result.version);
      toast({ tone: "success", title: t("saved") });
      router.refresh();
    });
  };

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("targets.title")}</CardTitle>
          <CardDescription>{t("targets.description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate data-testid="kpi-settings-form">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {FIELDS.map(({ key, min, max, step }) => (
              <FormField key={key} label={t(`fields.${key}`)} hint={t(`hints.${key}`)} error={fieldError(key)}>
                <Input
                  name={key}
                  type="number"
                  inputMode="decimal"
                  min={min}
                  max={max}
                  step={step}
                  defaultValue={targets[key] ?? ""}
                  placeholder={t("noTarget")}
                />
              </FormField>
            ))}
          </div>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <FormField
              label={t("fields.reopenWindowDays")}
              hint={t("hints.reopenWindowDays")}
              error={fieldError("reopenWindowDays")}
            >
              <Input
                name="reopenWindowDays"
                type="number"
                inputMode="numeric"
                min={1}
                max={365}
                step="1"
                defaultValue={definitions.reopenWindowDays}
                required
              />
            </FormField>
          </div>
          {formError ? (
            <p role="alert" className="text-sm text-danger-700">
              {formError}
            </p>
          ) : null}
          <div>
            <Button type="submit" disabled={pending} data-testid="kpi-settings-save">
              {pending ? t("saving") : t("save")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
