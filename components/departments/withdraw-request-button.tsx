"use client";
// "Withdraw request" on a department request still waiting: the agent gives a reason; the department's liaisons are
// told.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
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
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { cancelInvestigationAction } from "@/lib/departments/actions";

export function WithdrawRequestButton({
  reference,
  requestId,
  version,
  departmentName,
}: {
  reference: string;
  requestId: number;
  version: number;
  departmentName: string;
}) {
  const t = useTranslations("departments.panel");
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = () =>
    startTransition(async () => {
      const result = await cancelInvestigationAction(reference, requestId, { version, reason });
      if (!result.ok) {
        setError(
          result.error === "conflict"
            ? t("errors.conflict")
            : result.fields?.reason
              ? t("errors.reason")
              : t("errors.failed"),
        );
        return;
      }
      setOpen(false);
      toast({ tone: "success", title: t("withdrawnToast") });
      router.refresh();
    });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost" data-testid={`withdraw-request-${requestId}`}>
          {t("withdraw")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("withdrawTitle", { department: departmentName })}</DialogTitle>
          <DialogDescription>{t("withdrawDescription")}</DialogDescription>
        </DialogHeader>
        <FormField label={t("withdrawReason")} error={error ?? undefined}>
          <Textarea
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            rows={3}
            maxLength={2000}
            data-testid="withdraw-reason"
          />
        </FormField>
        <DialogFooter>
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button onClick={submit} disabled={pending} data-testid="withdraw-confirm">
            {t("withdrawConfirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
