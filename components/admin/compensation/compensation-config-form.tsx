"use client";
// Kinds agents may propose, approval limits per role (CNY) and the miles/points rate, saved together.
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useFieldErrorText } from "@/components/ui/field-error-text";
import type { FieldErrors } from "@/lib/errors";
import { COMPENSATION_KINDS } from "@/lib/compensation/kinds";
import { saveCompensationConfigAction } from "@/lib/compensation/actions";

type Role = "agent" | "supervisor" | "manager" | "admin";
type Config = { enabledKinds: string[]; limits: Record<Role, string>; pointsPerCny: number; version: string };
const ROLE_ORDER: Role[] = ["agent", "supervisor", "manager", "admin"];

export function CompensationConfigForm({ config }: { config: Config }) {
  const t = useTranslations("adminCompensation");
  const fieldText = useFieldErrorText(t);
  const tKinds = useTranslations("compensation.kinds");
  const tRoles = useTranslations("roles");
  const { toast } = useToast();
  const [kinds, setKinds] = useState(new Set(config.enabledKinds));
  const [limits, setLimits] = useState(config.limits);
  const [rate, setRate] = useState(String(config.pointsPerCny));
  const [version, setVersion] = useState(config.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const err = (field: string) => {
    const code = errors[field]?.[0];
    if (!code) return undefined;
    return fieldText(code);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveCompensationConfigAction({
        enabledKinds: [...kinds],
        limits,
        pointsPerCny: Number(rate),
        version,
      });
      if (result.ok) {
        setVersion(result.version);
        setErrors({});
        setFormError(null);
        toast({ tone: "success", title: t("saved") });
        return;
      }
      setErrors(result.fields ?? {});
      setFormError(result.error === "conflict" ? t("errors.conflict") : result.fields ? null : t("errors.failed"));
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <Card>
        <CardHeader>
          <CardTitle>{t("kindsTitle")}</CardTitle>
        </CardHeader>
        <fieldset className="grid gap-2 p-5 sm:grid-cols-3">
          <legend className="sr-only">{t("kindsTitle")}</legend>
          {COMPENSATION_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                className="focus-ring size-4 accent-brand-600"
                checked={kinds.has(kind)}
                onChange={(e) => {
                  const next = new Set(kinds);
                  if (e.currentTarget.checked) next.add(kind);
                  else next.delete(kind);
                  setKinds(next);
                }}
              />
              {tKinds(kind)}
            </label>
          ))}
          {err("enabledKinds") ? (
            <p className="text-xs font-medium text-danger-700 sm:col-span-3">{err("enabledKinds")}</p>
          ) : null}
        </fieldset>
      </Card>
      <Card>
        <CardHeader>
          <div>
            <CardTitle>{t("limitsTitle")}</CardTitle>
            <p className="mt-0.5 text-sm text-slate-500">{t("limitsHint")}</p>
          </div>
        </CardHeader>
        <div className="grid gap-4 p-5 sm:grid-cols-4">
          {ROLE_ORDER.map((role) => (
            <FormField key={role} label={`${tRoles(role)} (CNY)`} error={err(`limits.${role}`)}>
              <Input
                inputMode="decimal"
                value={limits[role]}
                className="text-right tabular-nums"
                onChange={(e) => setLimits({ ...limits, [role]: e.currentTarget.value })}
              />
            </FormField>
          ))}
        </div>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("pointsTitle")}</CardTitle>
        </CardHeader>
        <div className="p-5">
          <FormField
            label={t("pointsLabel")}
            hint={t("pointsHint", { rate: Number(rate) || 0 })}
            error={err("pointsPerCny")}
          >
            <Input
              inputMode="numeric"
              value={rate}
              className="w-40 text-right tabular-nums"
              onChange={(e) => setRate(e.currentTarget.value)}
            />
          </FormField>
        </div>
      </Card>
      <div className="flex items-center justify-end gap-3">
        {formError ? (
          <p role="alert" className="mr-auto text-sm font-medium text-danger-700">
            {formError}
          </p>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
