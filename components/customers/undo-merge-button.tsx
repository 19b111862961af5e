"use client";
// Undo of a customer merge (administrators, within 30 days), after confirmation.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { undoMergeAction } from "@/lib/customers/actions";
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
import { useAction } from "@/components/ui/use-action";

export function UndoMergeButton({ mergeId, name }: { mergeId: number; name: string }) {
  const t = useTranslations("customers.merges");
  const { toast } = useToast();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { pending, run } = useAction();
  function undo() {
    run(() => undoMergeAction(mergeId), {
      onSuccess: () => {
        setOpen(false);
        toast({ tone: "success", title: t("undone") });
        router.refresh();
      },
      onFailure: (failure) => {
        setOpen(false);
        toast({ tone: "error", title: t("failed", { message: failure.message }) });
      },
    });
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          {t("undo")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("undoTitle")}</DialogTitle>
          <DialogDescription>{t("undoDescription", { name })}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button variant="destructive" onClick={undo} disabled={pending}>
            {pending ? t("undoing") : t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
