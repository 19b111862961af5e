// A row of large tappable choices backed by native radio inputs: arrow keys move within the group, Tab leaves it,
// and the form still posts without JavaScript.
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type ScaleOption = { value: string; label: ReactNode; description?: string };

type ScaleGroupProps = {
  name: string;
  legend: string;
  options: ScaleOption[];
  /** Controlled value (with onChange) or the initial one. */
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  lowLabel?: string;
  highLabel?: string;
  error?: string;
  hint?: string;
  className?: string;
  itemClassName?: string;
  size?: "lg" | "md";
};

export function ScaleGroup({
  name,
  legend,
  options,
  value,
  defaultValue,
  onChange,
  lowLabel,
  highLabel,
  error,
  hint,
  className,
  itemClassName,
  size = "md",
}: ScaleGroupProps) {
  const errorId = error ? `${name}-error` : undefined;
  return (
    <fieldset className="flex flex-col gap-2" data-testid={`${name}-group`} aria-describedby={errorId}>
      <legend className="mb-2 text-[15px] font-semibold text-slate-900">
        {legend}
        {hint ? <span className="ml-1.5 text-xs font-normal text-slate-500">({hint})</span> : null}
      </legend>
      <div className={cn("grid gap-1.5", className)}>
        {options.map((option) => (
          <label key={option.value} className="relative block cursor-pointer">
            <input
              type="radio"
              name={name}
              value={option.value}
              className="peer sr-only"
              data-testid={`${name}-${option.value}`}
              aria-describedby={errorId}
              {...(value !== undefined
                ? { checked: value === option.value, onChange: () => onChange?.(option.value) }
                : { defaultChecked: defaultValue === option.value })}
            />
            <span
              className={cn(
                "flex items-center justify-center rounded-lg border border-slate-300 bg-white font-semibold text-slate-800 transition-colors select-none",
                "hover:border-brand-400 hover:bg-brand-50 peer-checked:border-brand-600 peer-checked:bg-brand-600 peer-checked:text-white",
                "peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500 peer-focus-visible:ring-offset-2",
                size === "lg" ? "h-14 text-xl" : "h-11 text-base",
                error && "border-danger-400",
                itemClassName,
              )}
            >
              {option.label}
              {option.description ? <span className="sr-only"> {option.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {lowLabel || highLabel ? (
        <div aria-hidden className="flex justify-between gap-4 text-xs text-slate-500">
          <span>{lowLabel}</span>
          <span className="text-right">{highLabel}</span>
        </div>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-[13px] text-danger-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
