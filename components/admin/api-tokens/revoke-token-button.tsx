"use client";
// Revoke an API token after confirmation: integrations using it stop working at once.
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
import { revokeApiTokenAction } from "@/lib/api-tokens/actions";

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("apiTokens.revoke");
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  function revoke() {
    startTransition(async () => {
      const result = await revokeApiTokenAction(id);
      if (result.ok) {
        setOpen(false);
        toast({ tone: "success", title: t("done", { name }) });
      } else {
        toast({ tone: "error", title: t("failed") });
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-danger-700 hover:text-danger-800">
          {t("action")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("title", { name })}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button variant="destructive" onClick={revoke} disabled={pending}>
            {pending ? t("revoking") : t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
