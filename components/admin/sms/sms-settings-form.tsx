"use client";
// The "sms" setting: sender signature, quiet hours and the default time zone (optimistic version check).
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { saveSmsSettingsAction } from "@/lib/sms/actions";
import type { Failure } from "@/lib/errors";
import type { SmsSettings } from "@/lib/sms/settings";

const FIELD_CODES = ["required", "too_long", "no_brackets", "invalid_time_zone"] as const;

export function SmsSettingsForm({ settings, version }: { settings: SmsSettings; version: string }) {
  const t = useTranslations("adminSms.settings");
  const { toast } = useToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [currentVersion, setCurrentVersion] = useState(version);
  const [signature, setSignature] = useState(settings.signature);

  const fieldError = (key: string) => {
    const code = failure?.fields?.[key]?.[0];
    if (!code) return undefined;
    const known = FIELD_CODES.find((candidate) => candidate === code);
    return known ? t(`errors.${known}`) : t("errors.invalid");
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const hour = (key: string) => {
      const value = String(form.get(key) ?? "");
      return value.trim() === "" ? Number.NaN : Number(value);
    };
    const input = {
      signature: String(form.get("signature") ?? ""),
      quietStartHour: hour("quietStartHour"),
      quietEndHour: hour("quietEndHour"),
      defaultTimeZone: String(form.get("defaultTimeZone") ?? ""),
      version: currentVersion,
    };
    startTransition(async () => {
      const result = await saveSmsSettingsAction(input);
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

  const formError = failure
    ? failure.error === "conflict"
      ? t("errors.conflict")
      : failure.error === "invalid"
        ? t("errors.form")
        : t("errors.generic")
    : null;
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate data-testid="sms-settings-form">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <FormField
              label={t("signature")}
              hint={t("signatureHint", { preview: `【${signature || "…"}】` })}
              error={fieldError("signature")}
            >
              <Input
                name="signature"
                value={signature}
                onChange={(event) => setSignature(event.currentTarget.value)}
                maxLength={20}
                required
              />
            </FormField>
            <FormField label={t("quietStartHour")} hint={t("hourHint")} error={fieldError("quietStartHour")}>
              <Input
                name="quietStartHour"
                type="number"
                inputMode="numeric"
                min={0}
                max={23}
                defaultValue={settings.quietStartHour}
                required
              />
            </FormField>
            <FormField label={t("quietEndHour")} hint={t("hourHint")} error={fieldError("quietEndHour")}>
              <Input
                name="quietEndHour"
                type="number"
                inputMode="numeric"
                min={0}
                max={23}
                defaultValue={settings.quietEndHour}
                required
              />
            </FormField>
            <FormField label={t("defaultTimeZone")} hint={t("timeZoneHint")} error={fieldError("defaultTimeZone")}>
              <Input name="defaultTimeZone" defaultValue={settings.defaultTimeZone} required className="font-mono" />
            </FormField>
          </div>
          {formError ? (
            <p role="alert" className="text-sm text-danger-700">
              {formError}
            </p>
          ) : null}
          <div>
            <Button type="submit" disabled={pending} data-testid="sms-settings-save">
              {pending ? t("saving") : t("save")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
