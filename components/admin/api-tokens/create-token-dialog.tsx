"use client";
// Create an API token: name, permissions, optional expiry; then the token is shown once with a copy button.
import { KeyRound, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SecretShownOnce } from "@/components/ui/copy-field";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useFieldErrorText } from "@/components/ui/field-error-text";
import { TOKEN_PERMISSIONS, TOKEN_RATE_LIMIT, type TokenPermission } from "@/lib/api-tokens/schema";
import { useLimitErrorText } from "@/components/api-tokens/token-limit-dialog";
import type { FieldErrors } from "@/lib/errors";
import { createApiTokenAction } from "@/lib/api-tokens/actions";
import { permissionHintKey } from "@/components/admin/api-tokens/permission-key";

export function CreateTokenDialog() {
  const t = useTranslations("apiTokens");
  const fieldText = useFieldErrorText(t);
  const tLimits = useTranslations("apiTokenLimits");
  const limitErrorText = useLimitErrorText();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [selected, setSelected] = useState<ReadonlySet<TokenPermission>>(new Set());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [token, setToken] = useState<string | null>(null);

  function errorText(field: string) {
    const code =
      errors[field]?.[0] ??
      (field === "permissions"
        ? Object.entries(errors).find(([key]) => key.startsWith("permissions."))?.[1][0]
        : undefined);
    if (!code) return undefined;
    return fieldText(code);
  }

  function reset(next: boolean) {
    setOpen(next);
    if (!next) {
      setSelected(new Set());
      setErrors({});
      setFormError(null);
      setToken(null);
    }
  }

  function toggle(permission: TokenPermission, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(permission);
    else next.delete(permission);
    setSelected(next);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      expiresOn: String(form.get("expiresOn") ?? ""),
      rateLimitPerMinute: String(form.get("rateLimitPerMinute") ?? ""),
      permissions: [...selected],
    };
    startTransition(async () => {
      const result = await createApiTokenAction(input);
      if (result.ok) {
        setToken(result.token);
        setErrors({});
        setFormError(null);
      } else {
        setErrors(result.fields ?? {});
        setFormError(result.fields ? null : t("errors.failed"));
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          {t("create")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-xl">
        {token ? (
          <SecretShownOnce
            icon={<KeyRound aria-hidden className="size-4 text-brand-600" />}
            title={t("created.title")}
            description={t("created.description")}
            value={token}
            label={t("created.tokenLabel")}
            texts={{ copy: t("created.copy"), copied: t("created.copied") }}
            testId="new-api-token"
            done={t("created.done")}
            onDone={() => reset(false)}
          />
        ) : (
          <form onSubmit={submit} noValidate>
            <DialogHeader>
              <DialogTitle>{t("form.title")}</DialogTitle>
              <DialogDescription>{t("form.description")}</DialogDescription>
            </DialogHeader>
            <div className="flex flex-col gap-4">
              <FormField label={t("form.name")} hint={t("form.nameHint")} error={errorText("name")}>
                <Input name="name" maxLength={80} required autoComplete="off" />
              </FormField>
              <fieldset aria-describedby="token-permissions-hint">
                <legend className="text-sm font-medium text-slate-800">{t("form.permissions")}</legend>
                <p id="token-permissions-hint" className="mt-0.5 text-xs text-slate-500">
                  {t("form.permissionsHint")}
                </p>
                <div className="mt-2 grid max-h-64 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
                  {TOKEN_PERMISSIONS.map((permission) => (
                    <label
                      key={permission}
                      className="flex cursor-pointer items-start gap-2 rounded px-1.5 py-1 hover:bg-slate-50"
                    >
                      <input
                        type="checkbox"
                        className="focus-ring mt-0.5 size-4 accent-brand-600"
                        checked={selected.has(permission)}
                        onChange={(event) => toggle(permission, event.currentTarget.checked)}
                      />
                      <span className="flex flex-col">
                        <span className="font-mono text-xs text-slate-900">{permission}</span>
                        <span className="text-xs text-slate-500">{t(permissionHintKey(permission))}</span>
                      </span>
                    </label>
                  ))}
                </div>
                {errorText("permissions") ? (
                  <p className="mt-1 text-xs font-medium text-danger-700">{errorText("permissions")}</p>
                ) : null}
              </fieldset>
              <FormField label={t("form.expiresOn")} hint={t("form.expiresOnHint")} error={errorText("expiresOn")}>
                <Input name="expiresOn" type="date" className="w-48" />
              </FormField>
              <FormField
                label={tLimits("field")}
                hint={tLimits("createHint", {
                  min: TOKEN_RATE_LIMIT.min,
                  max: TOKEN_RATE_LIMIT.max,
                  default: TOKEN_RATE_LIMIT.default,
                })}
                error={limitErrorText(errors.rateLimitPerMinute?.[0])}
              >
                <Input
                  name="rateLimitPerMinute"
                  type="number"
                  inputMode="numeric"
                  min={TOKEN_RATE_LIMIT.min}
                  max={TOKEN_RATE_LIMIT.max}
                  step={1}
                  placeholder={String(TOKEN_RATE_LIMIT.default)}
                  className="w-40"
                />
              </FormField>
              {formError ? (
                <p role="alert" className="text-sm font-medium text-danger-700">
                  {formError}
                </p>
              ) : null}
            </div>
            <DialogFooter>
              <Button variant="secondary" onClick={() => reset(false)} disabled={pending}>
                {t("form.cancel")}
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? t("form.creating") : t("form.submit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
