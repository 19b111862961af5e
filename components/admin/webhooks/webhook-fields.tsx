"use client";
// The URL, events and active fields shared by the create dialog and the edit form.
import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/errors";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/event-names";

const URL_ERRORS = [
  "required",
  "too_long",
  "invalid_url",
  "scheme",
  "credentials",
  "link_local",
  "private_network",
] as const;

export type WebhookDraft = { url: string; events: WebhookEvent[]; active: boolean };

export function WebhookFields({
  draft,
  onChange,
  errors,
}: {
  draft: WebhookDraft;
  onChange: (next: WebhookDraft) => void;
  errors: FieldErrors;
}) {
  const t = useTranslations("adminWebhooks");
  const urlCode = errors.url?.[0];
  const urlError = urlCode
    ? (URL_ERRORS as readonly string[]).includes(urlCode)
      ? t(`errors.${urlCode as (typeof URL_ERRORS)[number]}`)
      : t("errors.invalid")
    : undefined;
  const eventsError = Object.keys(errors).some((key) => key === "events" || key.startsWith("events."))
    ? t("errors.event_required")
    : undefined;

  function toggle(event: WebhookEvent, checked: boolean) {
    const events = checked ? [...draft.events, event] : draft.events.filter((e) => e !== event);
    onChange({ ...draft, events: WEBHOOK_EVENTS.filter((e) => events.includes(e)) });
  }

  return (
    <div className="flex flex-col gap-4">
      <FormField label={t("form.url")} hint={t("form.urlHint")} error={urlError}>
        <Input
          name="url"
          type="url"
          value={draft.url}
          onChange={(e) => onChange({ ...draft, url: e.currentTarget.value })}
          placeholder="https://example.com/skyline-hook"
          autoComplete="off"
          maxLength={500}
        />
      </FormField>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("form.events")}</legend>
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex cursor-pointer items-start gap-2 rounded px-1.5 py-1 hover:bg-slate-50">
              <input
                type="checkbox"
                className="focus-ring mt-0.5 size-4 accent-brand-600"
                checked={draft.events.includes(event)}
                onChange={(e) => toggle(event, e.currentTarget.checked)}
              />
              <span className="flex flex-col">
                <span className="font-mono text-xs text-slate-900">{event}</span>
                <span className="text-xs text-slate-500">
                  {t(`events.${event.replace("complaint.", "") as "created" | "updated" | "escalated" | "resolved"}`)}
                </span>
              </span>
            </label>
          ))}
        </div>
        {eventsError ? <p className="mt-1 text-xs font-medium text-danger-700">{eventsError}</p> : null}
      </fieldset>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          className="focus-ring size-4 accent-brand-600"
          checked={draft.active}
          onChange={(e) => onChange({ ...draft, active: e.currentTarget.checked })}
        />
        {t("form.active")}
      </label>
    </div>
  );
}
