"use client";
// The service hotline customers see on the tracking page and in the result notice (Setting "service.contact").
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { Failure } from "@/lib/errors";
import { saveServiceContactAction } from "@/lib/public/actions";

const FIELD_CODES = ["too_long", "invalid_phone"] as const;

export function ServiceContactForm({ hotline, version }: { hotline: string | null; version: string }) {
  const t = useTranslations("adminSetup.contact");
  const router = useRouter();
  const { toast } = useToast();
  const [value, setValue] = useState(hotline ?? "");
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();
  const code = failure?.fields?.hotline?.[0];
  const fieldError = code
    ? t(
        `errors.${(FIELD_CODES as readonly string[]).includes(code) ? (code as (typeof FIELD_CODES)[number]) : "invalid_phone"}`,
      )
    : undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveServiceContactAction({ hotline: value, version });
      if (result.ok) {
        setFailure(null);
        toast({ tone: "success", title: t("saved") });
        router.refresh();
      } else {
        setFailure(result);
      }
    });
  };

  return (
    <Card className="mt-6" data-testid="service-contact">
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
          <div className="sm:w-72">
            <FormField label={t("hotline")} error={fieldError}>
              <Input
                name="hotline"
                value={value}
                onChange={(event) => setValue(event.currentTarget.value)}
                maxLength={40}
                inputMode="tel"
                placeholder="95539"
              />
            </FormField>
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </Button>
        </form>
        {failure?.error === "conflict" ? (
          <p role="alert" className="mt-2 text-sm text-warning-700">
            {t("conflict")}
          </p>
        ) : null}
        {failure && failure.error !== "conflict" && !failure.fields ? (
          <p role="alert" className="mt-2 text-sm text-danger-700">
            {failure.message}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
