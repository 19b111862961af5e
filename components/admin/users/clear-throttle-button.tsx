"use client";
// Clears one sign-in throttle after a confirmation (audited on the server).
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
import { clearSignInThrottleAction } from "@/lib/auth/actions";

export function ClearThrottleButton({ throttleKey, label }: { throttleKey: string; label: string }) {
  const t = useTranslations("signInThrottles");
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function clear() {
    startTransition(async () => {
      const result = await clearSignInThrottleAction({ key: throttleKey });
      if (result.ok || result.error === "not_found") {
        setOpen(false);
        toast({ tone: "success", title: t("cleared", { label }) });
      } else setError(t("failed"));
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
        <Button variant="ghost" size="sm" aria-label={t("clearLabel", { label })}>
          {t("clear")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>{t("confirmTitle")}</DialogTitle>
          <DialogDescription>{t("confirm", { label })}</DialogDescription>
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
          <Button onClick={clear} disabled={pending}>
            {t("clear")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
