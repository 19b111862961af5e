"use client";
// Erasure on request: anonymises a customer now, after the customer number is typed again.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { eraseCustomerAction } from "@/lib/customers/actions";
import { useFieldErrors } from "@/components/customers/use-field-errors";
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

export function EraseButton({ customerId, name }: { customerId: number; name: string }) {
  const t = useTranslations("privacy.requests");
  const { toast } = useToast();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [confirmation, setConfirmation] = useState("");
  const [pending, startTransition] = useTransition();
  const { errorFor, setErrors, clear } = useFieldErrors();

  function erase(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmation.trim() !== String(customerId)) return setErrors({ confirmation: ["mismatch"] });
    startTransition(async () => {
      const result = await eraseCustomerAction({ customerId, confirmation: confirmation.trim() });
      if (result.ok) {
        setOpen(false);
        toast({ tone: "success", title: t("erased") });
        router.refresh();
      } else {
        setErrors(result.fields ?? {});
        if (!result.fields) toast({ tone: "error", title: t("failed", { message: result.message }) });
      }
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setConfirmation("");
          clear();
        }
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-danger-700 hover:text-danger-800">
          {t("erase")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("eraseTitle", { name })}</DialogTitle>
          <DialogDescription>{t("eraseDescription")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={erase} className="flex flex-col gap-4" noValidate>
          <FormField label={t("confirmLabel", { id: customerId })} error={errorFor("confirmation")}>
            <Input
              name="confirmation"
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
              autoComplete="off"
              inputMode="numeric"
            />
          </FormField>
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button type="submit" variant="destructive" disabled={pending}>
              {pending ? t("erasing") : t("confirm")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
