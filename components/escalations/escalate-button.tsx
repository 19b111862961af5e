"use client";
// "Escalate" in the complaint workspace: an agent raises the complaint one level with a reason and a required note.
import { Siren } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { requestEscalationAction } from "@/lib/escalations/actions";
import { ConflictNotice } from "@/components/complaints/workspace/conflict-notice";
import { useEscalationAction } from "@/components/escalations/use-escalation-action";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { MANUAL_ESCALATION_REASONS } from "@/lib/escalations/reasons";

type Props = { reference: string; version: number; level: number; departments: { id: number; label: string }[] };

export function EscalateButton({ reference, version, level, departments }: Props) {
  const t = useTranslations("escalations");
  const tReason = useTranslations("escalationReason");
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const action = useEscalationAction();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reason = form.get("reason");
    const note = form.get("note");
    const department = Number(form.get("departmentId") ?? "");
    const input = {
      version,
      reason: typeof reason === "string" && reason ? reason : undefined,
      note: typeof note === "string" ? note.trim() : undefined,
      departmentId: Number.isInteger(department) && department > 0 ? department : null,
    };
    action.run(
      () => requestEscalationAction(reference, input),
      (result) => {
        setOpen(false);
        toast({ tone: "success", title: t("escalate.done", { level: result.level }) });
      },
    );
  };

  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        data-testid="escalate-button"
        onClick={() => {
          action.reset();
          setOpen(true);
        }}
      >
        <Siren aria-hidden />
        {t("escalate.button")}
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>{t("escalate.title", { reference })}</DialogTitle>
              <DialogDescription>{t("escalate.description", { level, higher: level + 1 })}</DialogDescription>
            </DialogHeader>
            <FormField label={t("escalate.reason")} error={action.fieldError("reason")}>
              <Select name="reason" defaultValue="" required>
                <option value="" disabled>
                  {t("escalate.chooseReason")}
                </option>
                {MANUAL_ESCALATION_REASONS.map((reason) => (
                  <option key={reason} value={reason}>
                    {tReason(reason)}
                  </option>
                ))}
              </Select>
            </FormField>
            {departments.length ? (
              <FormField
                label={t("escalate.department")}
                hint={t("escalate.departmentHint")}
                error={action.fieldError("departmentId")}
              >
                <Select name="departmentId" defaultValue="" data-testid="escalate-department">
                  <option value="">{t("escalate.levelOwner")}</option>
                  {departments.map((department) => (
                    <option key={department.id} value={department.id}>
                      {department.label}
                    </option>
                  ))}
                </Select>
              </FormField>
            ) : null}
            <FormField label={t("escalate.note")} error={action.fieldError("note")}>
              <Textarea name="note" rows={4} required maxLength={2000} placeholder={t("escalate.notePlaceholder")} />
            </FormField>
            {action.formError ? (
              <p role="alert" className="text-sm text-danger-700">
                {action.formError}
              </p>
            ) : null}
            <ConflictNotice failure={action.failure} onReload={() => setOpen(false)} />
            <DialogFooter>
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {t("dialog.cancel")}
              </Button>
              <Button type="submit" disabled={action.pending}>
                {action.pending ? t("dialog.saving") : t("escalate.submit")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
