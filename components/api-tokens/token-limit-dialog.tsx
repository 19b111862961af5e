"use client";
// A token's requests per minute on the API tokens page, with a dialog to change it (issue 20).
import { Gauge } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
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
import { useToast } from "@/components/ui/toast";
import { TOKEN_RATE_LIMIT } from "@/lib/api-tokens/schema";
import { updateApiTokenLimitAction } from "@/lib/api-tokens/actions";

const KNOWN_ERRORS = ["limit_invalid", "limit_whole", "limit_too_low", "limit_too_high", "revoked"] as const;
type KnownError = (typeof KNOWN_ERRORS)[number];

/** The message for a limit field error code (shared with the create dialog). */
export function useLimitErrorText() {
  const t = useTranslations("apiTokenLimits");
  const format = useFormatter();
  return (code: string | undefined) => {
    if (!code) return undefined;
    if (!(KNOWN_ERRORS as readonly string[]).includes(code))
      return t("errors.limit_invalid", {
        min: format.number(TOKEN_RATE_LIMIT.min),
        max: format.number(TOKEN_RATE_LIMIT.max),
      });
    return t(`errors.${code as KnownError}`, {
      min: format.number(TOKEN_RATE_LIMIT.min),
      max: format.number(TOKEN_RATE_LIMIT.max),
    });
  };
}

export function TokenLimitDialog({
  id,
  name,
  limit,
  editable,
}: {
  id: number;
  name: string;
  limit: number;
  editable: boolean;
}) {
  const t = useTranslations("apiTokenLimits");
  const format = useFormatter();
  const { toast } = useToast();
  const errorText = useLimitErrorText();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);

  function reset(next: boolean) {
    setOpen(next);
    if (!next) {
      setError(undefined);
      setFormError(null);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("rateLimitPerMinute") ?? "");
    startTransition(async () => {
      const result = await updateApiTokenLimitAction({
        id,
        rateLimitPerMinute: value,
        expectedRateLimitPerMinute: limit,
      });
      if (result.ok) {
        reset(false);
        toast({ tone: "success", title: t("saved", { name, limit: format.number(result.rateLimitPerMinute) }) });
        return;
      }
      const code = result.fields?.rateLimitPerMinute?.[0];
      setError(code ? errorText(code) : undefined);
      setFormError(code ? null : result.error === "conflict" ? t("errors.conflict") : t("errors.failed"));
    });
  }

  const shown = t("perMinute", { limit: format.number(limit) });
  if (!editable) return <span className="text-[13px] whitespace-nowrap text-slate-500">{shown}</span>;
  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        <Button
          variant="ghost"
          size="sm"
          className="whitespace-nowrap"
          aria-label={t("editLabel", { name, limit: format.number(limit) })}
          data-testid={`token-limit-${id}`}
        >
          <Gauge aria-hidden />
          {shown}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>{t("title", { name })}</DialogTitle>
            <DialogDescription>{t("description")}</DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-4">
            <FormField
              label={t("field")}
              hint={t("hint", {
                min: format.number(TOKEN_RATE_LIMIT.min),
                max: format.number(TOKEN_RATE_LIMIT.max),
                default: format.number(TOKEN_RATE_LIMIT.default),
              })}
              error={error}
            >
              <Input
                name="rateLimitPerMinute"
                type="number"
                inputMode="numeric"
                min={TOKEN_RATE_LIMIT.min}
                max={TOKEN_RATE_LIMIT.max}
                step={1}
                defaultValue={limit}
                className="w-40"
                required
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
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("saving") : t("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
