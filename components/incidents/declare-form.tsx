"use client";
// Declare an incident: level (with the handbook's meaning), type, scope, impact, expected recovery, owner, script.
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import type { FieldErrors } from "@/lib/errors";
import { INCIDENT_LEVELS, INCIDENT_TYPES } from "@/lib/incidents/schema";
import { declareIncidentAction } from "@/lib/incidents/actions";
import { useFieldError } from "@/components/incidents/field-error";

type Named = { id: number; nameZh: string; nameEn: string };

const split = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(/[\s,;，、]+/)
    .map((item) => item.trim())
    .filter(Boolean);
/** datetime-local is the reader's wall time; the server gets an instant. */
const instant = (value: FormDataEntryValue | null) => (value ? new Date(String(value)).toISOString() : undefined);

export function DeclareIncidentForm({
  owners,
  categories,
  defaultOwnerId,
}: {
  owners: { id: number; name: string }[];
  categories: Named[];
  defaultOwnerId: number | null;
}) {
  const t = useTranslations("incidents");
  const locale = useLocale();
  const router = useRouter();
  const { toast } = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [level, setLevel] = useState<(typeof INCIDENT_LEVELS)[number]>("L2");
  const [pending, startTransition] = useTransition();
  const err = useFieldError(errors);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const affected = String(form.get("affectedEstimate") ?? "").trim();
    const input = {
      type: String(form.get("type") ?? ""),
      level: String(form.get("level") ?? ""),
      title: String(form.get("title") ?? ""),
      description: String(form.get("description") ?? ""),
      impactEstimate: String(form.get("impactEstimate") ?? ""),
      affectedEstimate: affected ? Number(affected) : null,
      expectedRecoveryAt: instant(form.get("expectedRecoveryAt")) ?? null,
      ownerId: Number(form.get("ownerId") ?? 0),
      customerScript: String(form.get("customerScript") ?? ""),
      scope: {
        flightNumbers: split(form.get("flightNumbers")),
        serviceDateFrom: String(form.get("serviceDateFrom") ?? ""),
        serviceDateTo: String(form.get("serviceDateTo") ?? ""),
        airports: split(form.get("airports")),
        products: split(form.get("products")),
        categoryIds: form.getAll("categoryIds").map(Number),
        keywords: split(form.get("keywords")),
        windowStart: instant(form.get("windowStart")),
        windowEnd: instant(form.get("windowEnd")),
      },
    };
    startTransition(async () => {
      const result = await declareIncidentAction(input);
      if (result.ok) {
        toast({ tone: "success", title: t("declared") });
        router.push(`/incidents/${result.id}`);
        return;
      }
      setErrors(result.fields ?? {});
      setFormError(result.fields ? null : t("errors.failed"));
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6" data-testid="declare-incident">
      <Card>
        <CardContent className="grid gap-4 pt-5 sm:grid-cols-2">
          <FormField label={t("fields.level")} error={err("level")} hint={t(`levelMeaning.${level}`)}>
            <Select name="level" value={level} onChange={(event) => setLevel(event.target.value as typeof level)}>
              {INCIDENT_LEVELS.map((value) => (
                <option key={value} value={value}>
                  {t(`levels.${value}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("fields.type")} error={err("type")}>
            <Select name="type" defaultValue="flight_disruption">
              {INCIDENT_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`types.${value}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("fields.title")} error={err("title")} className="sm:col-span-2">
            <Input name="title" maxLength={200} />
          </FormField>
          <FormField label={t("fields.impactEstimate")} error={err("impactEstimate")} className="sm:col-span-2">
            <Textarea name="impactEstimate" rows={2} maxLength={2000} />
          </FormField>
          <FormField label={t("fields.affectedEstimate")} error={err("affectedEstimate")}>
            <Input name="affectedEstimate" type="number" min={0} inputMode="numeric" className="w-40" />
          </FormField>
          <FormField label={t("fields.expectedRecoveryAt")} error={err("expectedRecoveryAt")}>
            <Input name="expectedRecoveryAt" type="datetime-local" className="w-60" />
          </FormField>
          <FormField label={t("fields.owner")} error={err("ownerId")}>
            <Select name="ownerId" defaultValue={defaultOwnerId ?? ""}>
              <option value="">{t("fields.none")}</option>
              {owners.map((owner) => (
                <option key={owner.id} value={owner.id}>
                  {owner.name}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("fields.description")} error={err("description")} className="sm:col-span-2">
            <Textarea name="description" rows={2} maxLength={4000} />
          </FormField>
          <FormField label={t("fields.customerScript")} error={err("customerScript")} className="sm:col-span-2">
            <Textarea name="customerScript" rows={3} maxLength={4000} />
          </FormField>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("fields.scope")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <FormField
            label={t("fields.flightNumbers")}
            hint={t("fields.flightNumbersHint")}
            error={err("scope.flightNumbers")}
            className="sm:col-span-2"
          >
            <Input name="flightNumbers" className="font-mono" />
          </FormField>
          <FormField label={t("fields.serviceDateFrom")} error={err("scope.serviceDateFrom")}>
            <Input name="serviceDateFrom" type="date" className="w-48" />
          </FormField>
          <FormField label={t("fields.serviceDateTo")} error={err("scope.serviceDateTo")}>
            <Input name="serviceDateTo" type="date" className="w-48" />
          </FormField>
          <FormField label={t("fields.airports")} hint={t("fields.airportsHint")} error={err("scope.airports")}>
            <Input name="airports" className="font-mono" />
          </FormField>
          <FormField label={t("fields.products")} hint={t("fields.productsHint")} error={err("scope.products")}>
            <Input name="products" />
          </FormField>
          <FormField label={t("fields.keywords")} hint={t("fields.keywordsHint")} error={err("scope.keywords")}>
            <Input name="keywords" />
          </FormField>
          <FormField label={t("fields.categories")} error={err("scope.categoryIds")}>
            {(control) => (
              <select
                {...control}
                name="categoryIds"
                multiple
                size={Math.min(5, Math.max(2, categories.length))}
                className="focus-ring w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
              >
                {categories.map((category) => (
                  <option key={category.id} value={category.id}>
                    {locale === "en" ? category.nameEn : category.nameZh}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t("fields.windowStart")} hint={t("fields.windowHint")} error={err("scope.windowStart")}>
            <Input name="windowStart" type="datetime-local" className="w-60" />
          </FormField>
          <FormField label={t("fields.windowEnd")} error={err("scope.windowEnd")}>
            <Input name="windowEnd" type="datetime-local" className="w-60" />
          </FormField>
        </CardContent>
      </Card>
      {formError ? (
        <p role="alert" className="text-sm font-medium text-danger-700">
          {formError}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("create")}
        </Button>
      </div>
    </form>
  );
}
