"use client";
// Apply one industry template after confirmation.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
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
import { useToast } from "@/components/ui/toast";
import { applyIndustryTemplateAction } from "@/lib/setup/actions";

export function ApplyTemplateButton({ code, name, disabled }: { code: string; name: string; disabled: boolean }) {
  const t = useTranslations("adminSetup");
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function apply() {
    startTransition(async () => {
      const result = await applyIndustryTemplateAction(code);
      if (result.ok) {
        setOpen(false);
        toast({ tone: "success", title: t("applied", { name }) });
        return;
      }
      setError(result.error === "unprocessable" ? t("refused") : t("failed"));
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button disabled={disabled}>{t("apply")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("confirmTitle", { name })}</DialogTitle>
          <DialogDescription>{t("confirmDescription")}</DialogDescription>
        </DialogHeader>
        {error ? (
          <p role="alert" className="text-sm font-medium text-danger-700">
            {error}
          </p>
        ) : null}
        <DialogFooter>
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button onClick={apply} disabled={pending}>
            {pending ? t("applying") : t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
