"use client";
// Edit an incident's scope after declaring it (version-checked, audited); the answer says how many unlinked
// complaints the new scope matches, to link with the link panel.
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { incidentScopeAction } from "@/lib/incidents/actions";
import { useFieldError } from "@/components/incidents/field-error";
import { useIncidentAction } from "@/components/incidents/use-incident-action";

type Named = { id: number; nameZh: string; nameEn: string };
export type ScopeValues = {
  flightNumbers: string[];
  serviceDateFrom: string;
  serviceDateTo: string;
  airports: string[];
  products: string[];
  categoryIds: number[];
  keywords: string[];
  windowStart: string | null;
  windowEnd: string | null;
};

const split = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(/[\s,;，、]+/)
    .map((item) => item.trim())
    .filter(Boolean);
const instant = (value: FormDataEntryValue | null) => (value ? new Date(String(value)).toISOString() : undefined);
/** An instant as the reader's wall time for datetime-local. */
function wallTime(iso: string | null) {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function ScopeEditor({
  id,
  version,
  scope,
  categories,
}: {
  id: number;
  version: number;
  scope: ScopeValues;
  categories: Named[];
}) {
  const t = useTranslations("incidents");
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [proposed, setProposed] = useState<number | null>(null);
  const { run, errors, message, pending } = useIncidentAction();
  const err = useFieldError(errors);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      version,
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
    run(
      () => incidentScopeAction(id, input),
      t("scopeEdit.saved"),
      (result) => {
        setProposed(result.proposed);
        setOpen(false);
      },
    );
  }

  if (!open) {
    return (
      <div className="flex flex-col gap-1">
        <div>
          <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
            {t("scopeEdit.edit")}
          </Button>
        </div>
        {proposed !== null ? (
          <p className="text-sm text-slate-700" data-testid="scope-proposed">
            {t("scopeEdit.proposed", { count: proposed })}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" data-testid="incident-scope-form">
      <p className="text-xs text-slate-500">{t("scopeEdit.hint")}</p>
      <FormField label={t("fields.flightNumbers")} error={err("scope.flightNumbers")}>
        <Input name="flightNumbers" defaultValue={scope.flightNumbers.join(" ")} className="font-mono" />
      </FormField>
      <div className="grid grid-cols-2 gap-2">
        <FormField label={t("fields.serviceDateFrom")} error={err("scope.serviceDateFrom")}>
          <Input name="serviceDateFrom" type="date" defaultValue={scope.serviceDateFrom} />
        </FormField>
        <FormField label={t("fields.serviceDateTo")} error={err("scope.serviceDateTo")}>
          <Input name="serviceDateTo" type="date" defaultValue={scope.serviceDateTo} />
        </FormField>
      </div>
      <FormField label={t("fields.airports")} error={err("scope.airports")}>
        <Input name="airports" defaultValue={scope.airports.join(" ")} className="font-mono" />
      </FormField>
      <FormField label={t("fields.products")} error={err("scope.products")}>
        <Input name="products" defaultValue={scope.products.join(", ")} />
      </FormField>
      <FormField label={t("fields.keywords")} error={err("scope.keywords")}>
        <Input name="keywords" defaultValue={scope.keywords.join(", ")} />
      </FormField>
      <FormField label={t("fields.categories")} error={err("scope.categoryIds")}>
        {(control) => (
          <select
            {...control}
            name="categoryIds"
            multiple
            defaultValue={scope.categoryIds.map(String)}
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
      <FormField label={t("fields.windowStart")} error={err("scope.windowStart")}>
        <Input name="windowStart" type="datetime-local" defaultValue={wallTime(scope.windowStart)} />
      </FormField>
      <FormField label={t("fields.windowEnd")} error={err("scope.windowEnd")}>
        <Input name="windowEnd" type="datetime-local" defaultValue={wallTime(scope.windowEnd)} />
      </FormField>
      {message ? (
        <p role="alert" className="text-sm font-medium text-danger-700">
          {message}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(false)}>
          {t("scopeEdit.cancel")}
        </Button>
        <Button type="submit" size="sm" disabled={pending}>
          {t("scopeEdit.save")}
        </Button>
      </div>
    </form>
  );
}
