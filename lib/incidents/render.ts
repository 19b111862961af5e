// The bilingual customer update with its placeholders filled for one customer. Pure: the preview and the fan-out
// job use the same function, so what the supervisor previews is what the customer gets.
import type { AppLocale } from "@/lib/i18n/locales";
import type { IncidentUpdateInput } from "@/lib/incidents/schema";
import { BUSINESS_TIME_ZONE } from "@/lib/time/zone";

export const PLACEHOLDERS = ["name", "reference", "flight", "incident", "recovery"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type UpdateLocale = AppLocale;

export type UpdateValues = {
  name: string;
  reference: string;
  flight: string | null;
  incident: string;
  recoveryAt: Date | null;
};

/** The customer name the preview shows in each language (sample data, not a person). */
export const SAMPLE_NAMES: Record<UpdateLocale, string> = { "zh-CN": "李女士", en: "Ms Li" };

const NOT_KNOWN = { "zh-CN": "待定", en: "to be announced" } as const;

function formatRecovery(locale: UpdateLocale, at: Date | null): string {
  if (!at) return NOT_KNOWN[locale];
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: BUSINESS_TIME_ZONE,
  }).format(at);
}

export function fillPlaceholders(template: string, locale: UpdateLocale, values: UpdateValues): string {
  const table: Record<Placeholder, string> = {
    name: values.name,
    reference: values.reference,
    flight: values.flight ?? "—",
    incident: values.incident,
    recovery: formatRecovery(locale, values.recoveryAt),
  };
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    (PLACEHOLDERS as readonly string[]).includes(key) ? table[key as Placeholder] : whole,
  );
}

/** Placeholders the template names that do not exist (a typo such as {nmae} would reach the customer verbatim). */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)]
    .map((match) => match[1] ?? "")
    .filter((key) => !(PLACEHOLDERS as readonly string[]).includes(key));
}

export function renderUpdate(
  update: IncidentUpdateInput,
  locale: UpdateLocale,
  values: UpdateValues,
): { subject: string; body: string } {
  const zh = locale === "zh-CN";
  return {
    subject: fillPlaceholders(zh ? update.subjectZh : update.subjectEn, locale, values),
    body: fillPlaceholders(zh ? update.bodyZh : update.bodyEn, locale, values),
  };
}
