"use client";
// Rates the value-score factors (0–100 each); the server recomputes and stores the score.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { updateValueFactorsAction } from "@/lib/customers/actions";
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

type Factor = { key: string; label: string; weight: number; rating: number | null };

export function ValueFactorsDialog({
  customerId,
  version,
  factors,
}: {
  customerId: number;
  version: number;
  factors: Factor[];
}) {
  const t = useTranslations("customers.value");
  const tEdit = useTranslations("customers.edit");
  const { toast } = useToast();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const initial = () =>
    Object.fromEntries(factors.map((factor) => [factor.key, factor.rating === null ? "" : String(factor.rating)]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const { errorFor, setErrors, clear } = useFieldErrors();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ratings: Record<string, number | null> = {};
    const local: Record<string, string[]> = {};
    for (const factor of factors) {
      const text = (values[factor.key] ?? "").trim();
      const number = Number(text);
      if (text === "") ratings[factor.key] = null;
      else if (!Number.isInteger(number) || number < 0 || number > 100) local[`factors.${factor.key}`] = ["range"];
      else ratings[factor.key] = number;
    }
    if (Object.keys(local).length > 0) return setErrors(local);
    startTransition(async () => {
      const result = await updateValueFactorsAction(customerId, { version, factors: ratings });
      if (result.ok) {
        setOpen(false);
        toast({ tone: "success", title: t("saved", { score: result.score }) });
        router.refresh();
      } else if (result.error === "conflict") {
        setOpen(false);
        toast({ tone: "error", title: tEdit("conflict") });
        router.refresh();
      } else {
        setErrors(result.fields ?? {});
        if (!result.fields) toast({ tone: "error", title: tEdit("failed", { message: result.message }) });
      }
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setValues(initial());
          clear();
        }
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm">
          {t("rate")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("rateTitle")}</DialogTitle>
          <DialogDescription>{t("rateDescription")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          {factors.map((factor) => (
            <FormField
              key={factor.key}
              label={`${factor.label} (${factor.weight} %)`}
              error={errorFor(`factors.${factor.key}`)}
            >
              <Input
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                step={1}
                value={values[factor.key] ?? ""}
                onChange={(event) => setValues((current) => ({ ...current, [factor.key]: event.target.value }))}
                placeholder={t("notRated")}
              />
            </FormField>
          ))}
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {tEdit("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? tEdit("saving") : t("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
