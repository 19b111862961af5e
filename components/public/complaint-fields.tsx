"use client";
// The two fieldsets of the public complaint form: who you are, and what happened. Uncontrolled inputs refilled
// from the last submission, so nothing typed is lost when the server finds a mistake. React resets a form after its
// action: inputs fall back to their (updated) defaultValue, but a <select> falls back to the option selected when it
// mounted, so each select is keyed by the submitted value to remount with it.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { knownFieldCode } from "@/components/public/form-state";
import { COMPLAINT_TYPES } from "@/lib/complaints/constants";
import { LOCALES, LOCALE_NATIVE_NAMES, type AppLocale } from "@/lib/i18n/locales";
import type { FieldErrors } from "@/lib/errors";

export type PublicCategoryOption = { id: number; name: string };

type FieldsetProps = { values: Record<string, string>; fields: FieldErrors };

function useFieldError({ values, fields }: FieldsetProps) {
  const t = useTranslations("public.complaint.errors");
  return (name: string) => {
    const code = knownFieldCode(fields[name]?.[0]);
    if (!code) return undefined;
    if (code === "not_in_category") return t("unknown");
    // "Too short" reads oddly for a field left empty.
    if (code === "too_short" && !values[name]?.trim()) return t("required");
    return t(code);
  };
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-3">
        <span className="text-base font-semibold text-slate-900">{title}</span>
        {hint ? <span className="mt-0.5 block text-[13px] text-slate-500">{hint}</span> : null}
      </legend>
      {children}
    </fieldset>
  );
}

function Optional() {
  const t = useTranslations("public.complaint");
  return <span className="font-normal text-slate-400"> · {t("optional")}</span>;
}

export function ContactFields({ values, fields, locale }: FieldsetProps & { locale: AppLocale }) {
  const t = useTranslations("public.complaint");
  const error = useFieldError({ values, fields });
  return (
    <Section title={t("sectionYou")} hint={t("sectionYouHint")}>
      <FormField label={t("name")} error={error("name")}>
        <Input id="name" name="name" autoComplete="name" required maxLength={120} defaultValue={values.name} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("email")} error={error("email")}>
          <Input
            id="email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            maxLength={254}
            defaultValue={values.email}
          />
        </FormField>
        <FormField label={t("phone")} error={error("phone")}>
          <Input
            id="phone"
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={40}
            defaultValue={values.phone}
          />
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {/* Keyed by the default too: switching the page's language also switches the default reply language. */}
        <FormField label={t("locale")} error={error("locale")}>
          <Select key={values.locale ?? locale} id="locale" name="locale" defaultValue={values.locale ?? locale}>
            {LOCALES.map((option) => (
              <option key={option} value={option} lang={option}>
                {LOCALE_NATIVE_NAMES[option]}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField
          label={
            <>
              {t("membershipNumber")}
              <Optional />
            </>
          }
          hint={t("membershipHint")}
          error={error("membershipNumber")}
        >
          <Input id="membershipNumber" name="membershipNumber" maxLength={40} defaultValue={values.membershipNumber} />
        </FormField>
      </div>
    </Section>
  );
}

export function ComplaintFields({
  values,
  fields,
  categories,
  today,
}: FieldsetProps & { categories: PublicCategoryOption[]; today: string }) {
  const t = useTranslations("public.complaint");
  const error = useFieldError({ values, fields });
  const label = (text: string) => (
    <>
      {text}
      <Optional />
    </>
  );
  return (
    <Section title={t("sectionWhat")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("type")} error={error("type")}>
          <Select key={values.type ?? "complaint"} id="type" name="type" defaultValue={values.type ?? "complaint"}>
            {COMPLAINT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={label(t("category"))} error={error("categoryId")}>
          <Select
            key={values.categoryId ?? ""}
            id="categoryId"
            name="categoryId"
            defaultValue={values.categoryId ?? ""}
          >
            <option value="">{t("categoryPlaceholder")}</option>
            {categories.map((category) => (
              <option key={category.id} value={String(category.id)}>
                {category.name}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label={label(t("flightNumber"))} error={error("flightNumber")}>
          <Input
            id="flightNumber"
            name="flightNumber"
            maxLength={12}
            autoCapitalize="characters"
            placeholder={t("flightPlaceholder")}
            defaultValue={values.flightNumber}
          />
        </FormField>
        <FormField label={label(t("bookingReference"))} error={error("bookingReference")}>
          <Input
            id="bookingReference"
            name="bookingReference"
            maxLength={40}
            autoCapitalize="characters"
            defaultValue={values.bookingReference}
          />
        </FormField>
        <FormField label={label(t("serviceDate"))} error={error("serviceDate")}>
          <Input id="serviceDate" name="serviceDate" type="date" max={today} defaultValue={values.serviceDate} />
        </FormField>
      </div>
      <FormField label={t("subject")} error={error("subject")}>
        <Input
          id="subject"
          name="subject"
          required
          minLength={3}
          maxLength={200}
          placeholder={t("subjectPlaceholder")}
          defaultValue={values.subject}
        />
      </FormField>
      <FormField label={t("description")} hint={t("descriptionHint")} error={error("description")}>
        <Textarea
          id="description"
          name="description"
          required
          minLength={10}
          maxLength={10_000}
          rows={6}
          defaultValue={values.description}
        />
      </FormField>
    </Section>
  );
}
