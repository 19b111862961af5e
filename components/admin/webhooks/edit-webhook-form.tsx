"use client";
// Edit a webhook (optimistic locking on updatedAt) or delete it after confirmation.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { FieldErrors } from "@/lib/errors";
import { deleteWebhookAction, updateWebhookAction } from "@/lib/webhooks/actions";
import { WebhookFields, type WebhookDraft } from "@/components/admin/webhooks/webhook-fields";

export function EditWebhookForm({
  id,
  initial,
  version: loadedVersion,
}: {
  id: number;
  initial: WebhookDraft;
  version: string;
}) {
  const t = useTranslations("adminWebhooks");
  const { toast } = useToast();
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [version, setVersion] = useState(loadedVersion);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [confirmOpen, setConfirmOpen] = useState(false);

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateWebhookAction(id, { ...draft, version });
      if (result.ok) {
        setVersion(result.version);
        setErrors({});
        setFormError(null);
        toast({ tone: "success", title: t("saved") });
      } else {
        setErrors(result.fields ?? {});
        setFormError(result.error === "conflict" ? t("errors.conflict") : result.fields ? null : t("errors.failed"));
      }
    });
  }

  function remove() {
    startTransition(async () => {
      const result = await deleteWebhookAction(id);
      if (result.ok) {
        toast({ tone: "success", title: t("deleted") });
        router.push("/admin/webhooks");
      } else toast({ tone: "error", title: t("errors.failed") });
    });
  }

  return (
    <Card className="p-5">
      <form onSubmit={save} noValidate className="flex flex-col gap-4">
        <WebhookFields draft={draft} onChange={setDraft} errors={errors} />
        {formError ? (
          <p role="alert" className="text-sm font-medium text-danger-700">
            {formError}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-between gap-2">
          <Dialog open={confirmOpen} onOpenChange={setConfirmOpen}>
            <DialogTrigger asChild>
              <Button type="button" variant="ghost" className="text-danger-700 hover:text-danger-800">
                {t("delete.action")}
              </Button>
            </DialogTrigger>
            <DialogContent>
              <DialogHeader>
                <DialogTitle>{t("delete.title")}</DialogTitle>
                <DialogDescription>{t("delete.description")}</DialogDescription>
              </DialogHeader>
              <DialogFooter>
                <Button variant="secondary" onClick={() => setConfirmOpen(false)} disabled={pending}>
                  {t("form.cancel")}
                </Button>
                <Button variant="destructive" onClick={remove} disabled={pending}>
                  {t("delete.confirm")}
                </Button>
              </DialogFooter>
            </DialogContent>
          </Dialog>
          <Button type="submit" disabled={pending}>
            {pending ? t("form.saving") : t("form.save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
