import type { ReactNode } from "react";

type PageHeaderProps = { title: ReactNode; description?: ReactNode; meta?: ReactNode; actions?: ReactNode };

export function PageHeader({ title, description, meta, actions }: PageHeaderProps) {
  return (
    <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
      </div>
      {meta || actions ? (
        <div className="flex items-center gap-3">
          {meta ? <span className="text-[13px] text-slate-500">{meta}</span> : null}
          {actions}
        </div>
      ) : null}
    </div>
  );
}
