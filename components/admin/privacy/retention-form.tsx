"use client";
// Retention months (saved, audited) and "run now" with the number of customers anonymised.
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { runRetentionAction, saveRetentionAction } from "@/lib/customers/actions";
import { useFieldErrors } from "@/components/customers/use-field-errors";
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from "@/lib/customers/retention-limits";
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

export function RetentionForm({ months }: { months: number }) {
  const t = useTranslations("privacy.retention");
  const { toast } = useToast();
  const [value, setValue] = useState(String(months));
  const [saving, startSaving] = useTransition();
  const [running, startRunning] = useTransition();
  const [open, setOpen] = useState(false);
  const [lastRun, setLastRun] = useState<number | null>(null);
  const { errorFor, setErrors, clear } = useFieldErrors();

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    startSaving(async () => {
      const result = await saveRetentionAction({ months: value });
      if (result.ok) toast({ tone: "success", title: t("saved", { months: result.months }) });
      else {
        setErrors(result.fields ?? { months: ["invalid_number"] });
      }
    });
  }

  function run() {
    startRunning(async () => {
      const result = await runRetentionAction();
      setOpen(false);
      if (result.ok) {
        setLastRun(result.anonymised);
        toast({ tone: "success", title: t("ran", { count: result.anonymised }) });
      } else toast({ tone: "error", title: t("failed", { message: result.message }) });
    });
  }

  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <form onSubmit={save} className="flex items-end gap-2" noValidate>
        <FormField label={t("months")} error={errorFor("months")} hint={t("monthsHint", { min: MIN_RETENTION_MONTHS })}>
          <Input
            name="months"
            type="number"
            inputMode="numeric"
            min={MIN_RETENTION_MONTHS}
            max={MAX_RETENTION_MONTHS}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            className="w-32"
          />
        </FormField>
        <Button type="submit" variant="secondary" disabled={saving}>
          {saving ? t("saving") : t("save")}
        </Button>
      </form>
      <div className="flex items-center gap-3">
        {lastRun !== null ? (
          <p role="status" className="text-sm text-slate-700" data-testid="retention-result">
            {t("ran", { count: lastRun })}
          </p>
        ) : null}
        <Dialog open={open} onOpenChange={setOpen}>
          <DialogTrigger asChild>
            <Button disabled={running}>{running ? t("running") : t("runNow")}</Button>
          </DialogTrigger>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>{t("runTitle")}</DialogTitle>
              <DialogDescription>{t("runDescription", { months })}</DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <Button variant="secondary" onClick={() => setOpen(false)} disabled={running}>
                {t("cancel")}
              </Button>
              <Button variant="destructive" onClick={run} disabled={running}>
                {running ? t("running") : t("confirm")}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      </div>
    </div>
  );
}
