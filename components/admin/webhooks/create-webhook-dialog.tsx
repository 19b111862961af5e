"use client";
// Create a webhook; on success the signing secret is shown once with a copy button.
import { Plus, Webhook } from "lucide-react";
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
import type { FieldErrors } from "@/lib/errors";
import { createWebhookAction } from "@/lib/webhooks/actions";
import { WebhookFields, type WebhookDraft } from "@/components/admin/webhooks/webhook-fields";

const EMPTY: WebhookDraft = {
  url: "",
  events: ["complaint.created", "complaint.updated", "complaint.escalated", "complaint.resolved"],
  active: true,
};

export function CreateWebhookDialog() {
  const t = useTranslations("adminWebhooks");
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [draft, setDraft] = useState<WebhookDraft>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  function reset(next: boolean) {
    setOpen(next);
    if (!next) {
      setDraft(EMPTY);
      setErrors({});
      setFormError(null);
      setSecret(null);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await createWebhookAction(draft);
      if (result.ok) {
        setSecret(result.secret);
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
        {secret ? (
          <SecretShownOnce
            icon={<Webhook aria-hidden className="size-4 text-brand-600" />}
            title={t("created.title")}
            description={t("created.description")}
            value={secret}
            label={t("created.secretLabel")}
            texts={{ copy: t("created.copy"), copied: t("created.copied") }}
            testId="new-webhook-secret"
            done={t("created.done")}
            onDone={() => reset(false)}
          />
        ) : (
          <form onSubmit={submit} noValidate>
            <DialogHeader>
              <DialogTitle>{t("form.title")}</DialogTitle>
              <DialogDescription>{t("form.description")}</DialogDescription>
            </DialogHeader>
            <WebhookFields draft={draft} onChange={setDraft} errors={errors} />
            {formError ? (
              <p role="alert" className="mt-3 text-sm font-medium text-danger-700">
                {formError}
              </p>
            ) : null}
            <DialogFooter>
              <Button variant="secondary" onClick={() => reset(false)} disabled={pending}>
                {t("form.cancel")}
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? t("form.saving") : t("form.submit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
