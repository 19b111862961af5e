"use client";
// "New customer" part of the intake form, with possible-duplicate warnings while the agent types.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { AlertTriangle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { CustomerSummary } from "@/components/complaints/intake/customer-summary";
import { useFieldError } from "@/components/complaints/intake/use-field-error";
import type { IntakeFormValues } from "@/components/complaints/intake/intake-values";
import { findDuplicatesAction } from "@/lib/complaints/actions";
import type { CustomerSearchHit, PossibleDuplicate } from "@/lib/customers/queries";
import { LOCALES } from "@/lib/i18n/locales";
import { CONTACT_CHANNELS } from "@/lib/customers/contact-channels";

const DEBOUNCE_MS = 300;

type Option = { value: string; label: string };

export function NewCustomerFields({ tiers, onUse }: { tiers: Option[]; onUse: (hit: CustomerSearchHit) => void }) {
  const t = useTranslations("intake.customer");
  const { register, control } = useFormContext<IntakeFormValues>();
  const errorOf = useFieldError();
  const [name, phone, email, membershipNumber] = useWatch({
    control,
    name: ["customer.name", "customer.phone", "customer.email", "customer.membershipNumber"],
  });
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[]>([]);

  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(async () => {
      const probe = {
        name: name.trim(),
        phone: phone.trim(),
        email: email.trim(),
        membershipNumber: membershipNumber.trim(),
      };
      const enough =
        probe.name.length >= 2 ||
        probe.phone.replace(/\D/g, "").length >= 5 ||
        probe.email.includes("@") ||
        probe.membershipNumber.length >= 3;
      const found = enough ? await findDuplicatesAction(probe) : [];
      if (!cancelled) setDuplicates(found);
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [name, phone, email, membershipNumber]);

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("name")} error={errorOf("customer.name")}>
          <Input autoComplete="off" autoFocus {...register("customer.name")} data-testid="new-customer-name" />
        </FormField>
        <FormField label={t("phone")} error={errorOf("customer.phone")} hint={t("contactHint")}>
          <Input type="tel" autoComplete="off" {...register("customer.phone")} />
        </FormField>
        <FormField label={t("email")} error={errorOf("customer.email")}>
          <Input type="email" autoComplete="off" {...register("customer.email")} />
        </FormField>
        <FormField label={t("membershipNumber")} error={errorOf("customer.membershipNumber")}>
          <Input autoComplete="off" {...register("customer.membershipNumber")} />
        </FormField>
        <FormField label={t("locale")} error={errorOf("customer.locale")}>
          <Select {...register("customer.locale")}>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {t(`locales.${locale}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField
          label={t("preferredChannel")}
          error={errorOf("customer.preferredChannel")}
          hint={t("preferredChannelHint")}
        >
          <Select {...register("customer.preferredChannel")} data-testid="new-customer-channel">
            <option value="">{t("preferredChannelAuto")}</option>
            {CONTACT_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channels.${channel}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("tier")} error={errorOf("customer.tierId")}>
          <Select {...register("customer.tierId")}>
            <option value="">{t("noTier")}</option>
            {tiers.map((tier) => (
              <option key={tier.value} value={tier.value}>
                {tier.label}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      {duplicates.length > 0 ? (
        <section
          aria-live="polite"
          data-testid="possible-duplicates"
          className="rounded-lg border border-warning-100 bg-warning-50/60 p-3"
        >
          <h3 className="flex items-center gap-2 text-sm font-semibold text-warning-700">
            <AlertTriangle aria-hidden className="size-4" />
            {t("duplicatesTitle")}
          </h3>
          <p className="mt-0.5 text-xs text-slate-600">{t("duplicatesHint")}</p>
          <ul className="mt-2 flex flex-col gap-2">
            {duplicates.map((duplicate) => (
              <li
                key={duplicate.id}
                className="flex items-center justify-between gap-3 rounded-md bg-white px-3 py-2 ring-1 ring-slate-200"
              >
                <div className="min-w-0">
                  <CustomerSummary hit={duplicate} />
                  <p className="mt-1 flex flex-wrap gap-1">
                    <Badge tone={duplicate.strength === "strong" ? "danger" : "warning"}>{t(duplicate.strength)}</Badge>
                    {duplicate.reasons.map((reason) => (
                      <Badge key={reason}>{t(`reasons.${reason}`)}</Badge>
                    ))}
                  </p>
                </div>
                <Button size="sm" variant="secondary" onClick={() => onUse(duplicate)}>
                  {t("useThis")}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
