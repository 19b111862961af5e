"use client";
// Twelve month cells of one year; only changed cells are sent, each with the version it was loaded with.
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { cn } from "@/components/ui/cn";
import { savePassengerVolumesAction } from "@/lib/reference/actions";

type Cell = { month: string; passengers: number | null; version: string | null; editable: boolean };

export function VolumeGrid({ cells }: { cells: Cell[] }) {
  const t = useTranslations("adminPassengerVolumes");
  const format = useFormatter();
  const { toast } = useToast();
  const [values, setValues] = useState(() =>
    Object.fromEntries(cells.map((cell) => [cell.month, cell.passengers === null ? "" : String(cell.passengers)])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const changed = cells.filter(
    (cell) => values[cell.month] !== (cell.passengers === null ? "" : String(cell.passengers)),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local: Record<string, string> = {};
    const entries = changed.map((cell) => {
      const text = (values[cell.month] ?? "").replace(/[\s,，]/g, "");
      if (text !== "" && !/^\d+$/.test(text)) local[cell.month] = t("errors.integer");
      return { month: cell.month, passengers: text === "" ? null : Number(text), version: cell.version };
    });
    setErrors(local);
    if (Object.keys(local).length) return;
    if (entries.length === 0) return;
    startTransition(async () => {
      const result = await savePassengerVolumesAction({ entries });
      if (result.ok) {
        setFormError(null);
        toast({ tone: "success", title: t("saved", { count: result.saved }) });
        return;
      }
      const fieldErrors: Record<string, string> = {};
      for (const [key, codes] of Object.entries(result.fields ?? {})) {
        const index = Number(key.split(".")[1]);
        const month = entries[index]?.month;
        if (month)
          fieldErrors[month] = t(
            `errors.${(["integer", "negative", "too_large", "too_far_ahead"] as const).find((code) => code === codes[0]) ?? "invalid"}`,
          );
      }
      setErrors(fieldErrors);
      setFormError(
        result.error === "conflict"
          ? t("errors.conflict")
          : Object.keys(fieldErrors).length
            ? null
            : t("errors.failed"),
      );
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="grid gap-3 p-5 sm:grid-cols-3 lg:grid-cols-4">
        {cells.map((cell) => {
          const id = `volume-${cell.month}`;
          const error = errors[cell.month];
          return (
            <div key={cell.month} className="flex flex-col gap-1">
              <label htmlFor={id} className="text-sm font-medium text-slate-700">
                {format.dateTime(new Date(`${cell.month}-01T00:00:00Z`), {
                  year: "numeric",
                  month: "long",
                  timeZone: "UTC",
                })}
              </label>
              <Input
                id={id}
                inputMode="numeric"
                value={values[cell.month] ?? ""}
                disabled={!cell.editable}
                placeholder={cell.editable ? t("placeholder") : t("tooFar")}
                onChange={(e) => setValues({ ...values, [cell.month]: e.currentTarget.value })}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                className={cn(
                  "text-right tabular-nums",
                  changed.some((c) => c.month === cell.month) && "border-brand-400 bg-brand-50/40",
                )}
              />
              {error ? (
                <p id={`${id}-error`} className="text-xs font-medium text-danger-700">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="flex items-center justify-end gap-3 border-t border-slate-100 px-5 py-3">
        {formError ? (
          <p role="alert" className="mr-auto text-sm font-medium text-danger-700">
            {formError}
          </p>
        ) : null}
        <span className="text-xs text-slate-500">{t("changed", { count: changed.length })}</span>
        <Button type="submit" disabled={pending || changed.length === 0}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
