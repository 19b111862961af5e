import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export const controlClasses = cn(
  "w-full rounded-md border border-slate-300 bg-white text-sm text-slate-900 shadow-xs transition-colors",
  "placeholder:text-slate-400 hover:border-slate-400",
  "focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-500/30",
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500",
  "aria-invalid:border-danger-500 aria-invalid:focus-visible:outline-danger-500/25",
);

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(controlClasses, "h-9 px-3", className)} {...props} />;
}
