"use client";
// Target inputs, one row per SLA clock: hours + minutes; both empty = the policy does not run that clock.
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import type { SlaClockKind } from "@/lib/generated/prisma/enums";
import { CLOCK_KINDS } from "@/lib/sla/admin/schema";
import type { TargetDraft } from "./policy-draft";

type Props = {
  targets: Record<SlaClockKind, TargetDraft>;
  onChange: (targets: Record<SlaClockKind, TargetDraft>) => void;
  errorText: (field: string) => string | undefined;
};

export function PolicyTargets({ targets, onChange, errorText }: Props) {
  const t = useTranslations("adminSla");
  const update = (clock: SlaClockKind, part: keyof TargetDraft, value: string) =>
    onChange({ ...targets, [clock]: { ...targets[clock], [part]: value } });
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{t("form.targets")}</legend>
      <p className="mt-0.5 text-xs text-slate-500">{t("form.targetsHint")}</p>
      <div className="mt-3 flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200">
        {CLOCK_KINDS.map((clock) => {
          const error = errorText(`targets.${clock}`);
          const errorId = `target-${clock}-error`;
          return (
            <div
              key={clock}
              className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2"
              data-testid={`target-${clock}`}
            >
              <span id={`target-${clock}-label`} className="w-44 text-sm text-slate-700">
                {t(`clocks.${clock}`)}
              </span>
              <label className="flex items-center gap-1.5 text-[13px] text-slate-500">
                <Input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  className="w-20"
                  value={targets[clock].hours}
                  onChange={(e) => update(clock, "hours", e.currentTarget.value)}
                  aria-label={t("form.targetHours", { clock: t(`clocks.${clock}`) })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                />
                {t("form.hoursUnit")}
              </label>
              <label className="flex items-center gap-1.5 text-[13px] text-slate-500">
                <Input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={59}
                  className="w-20"
                  value={targets[clock].minutes}
                  onChange={(e) => update(clock, "minutes", e.currentTarget.value)}
                  aria-label={t("form.targetMinutes", { clock: t(`clocks.${clock}`) })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                />
                {t("form.minutesUnit")}
              </label>
              {error ? (
                <p id={errorId} className="w-full text-xs font-medium text-danger-700">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
