import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type StatusPageProps = {
  icon: LucideIcon;
  code?: string;
  title: ReactNode;
  description: ReactNode;
  actions?: ReactNode;
  tone?: "brand" | "danger";
  className?: string;
};

/** Full-panel message for 403 / 404 / errors, usable from server and client components. */
export function StatusPage({
  icon: Icon,
  code,
  title,
  description,
  actions,
  tone = "brand",
  className,
}: StatusPageProps) {
  return (
    <div className={cn("flex flex-col items-center justify-center px-6 py-20 text-center", className)}>
      <div
        className={cn(
          "mb-5 flex size-14 items-center justify-center rounded-2xl ring-8",
          tone === "danger"
            ? "bg-danger-50 text-danger-600 ring-danger-50/50"
            : "bg-brand-50 text-brand-600 ring-brand-50/50",
        )}
      >
        <Icon aria-hidden className="size-6" />
      </div>
      {code ? <p className="mb-1 font-mono text-xs font-medium tracking-widest text-slate-400">{code}</p> : null}
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-2 max-w-md text-sm text-slate-500">{description}</p>
      {actions ? <div className="mt-6 flex flex-wrap justify-center gap-2">{actions}</div> : null}
    </div>
  );
}
