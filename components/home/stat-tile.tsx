import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const ACCENTS = {
  brand: "bg-brand-50 text-brand-600",
  info: "bg-info-50 text-info-600",
  success: "bg-success-50 text-success-600",
  warning: "bg-warning-50 text-warning-600",
  danger: "bg-danger-50 text-danger-600",
  neutral: "bg-slate-100 text-slate-600",
} as const;

export type StatAccent = keyof typeof ACCENTS;

type StatTileProps = {
  label: string;
  value: ReactNode;
  icon: LucideIcon;
  accent?: StatAccent;
  hint?: ReactNode;
  footer?: ReactNode;
  /** Highlight the tile when its number needs attention (e.g. overdue > 0). */
  alert?: boolean;
  testId?: string;
};

export function StatTile({
  label,
  value,
  icon: Icon,
  accent = "brand",
  hint,
  footer,
  alert = false,
  testId,
}: StatTileProps) {
  return (
    <div
      data-testid={testId}
      className={cn(
        "flex flex-col rounded-xl border bg-white p-4 shadow-card",
        alert ? "border-danger-100 ring-1 ring-danger-100" : "border-slate-200",
      )}
    >
      <div className="flex items-start justify-between gap-3">
        <p className="text-[13px] font-medium text-slate-600">{label}</p>
        <span
          aria-hidden
          className={cn("flex size-8 shrink-0 items-center justify-center rounded-lg", ACCENTS[accent])}
        >
          <Icon className="size-4" />
        </span>
      </div>
      <p
        className={cn(
          "mt-1 text-2xl leading-8 sm:text-[28px] sm:leading-9 font-semibold tracking-tight tabular-nums",
          alert ? "text-danger-700" : "text-slate-900",
        )}
      >
        {value}
      </p>
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {footer ? <div className="mt-3 border-t border-slate-100 pt-2.5 text-xs">{footer}</div> : null}
    </div>
  );
}

export function StatGrid({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn("grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4", className)}>{children}</div>;
}
