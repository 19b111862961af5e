import type { ReactNode } from "react";

type BarListItem = { key: string | number; label: ReactNode; value: number; display: string };

/** Labelled horizontal bars scaled to the largest value: a compact, accessible breakdown (values are text). */
export function BarList({ items }: { items: BarListItem[] }) {
  const max = Math.max(1, ...items.map((item) => item.value));
  return (
    <ul className="flex flex-col gap-3.5">
      {items.map((item) => (
        <li key={item.key}>
          <div className="mb-1.5 flex items-center justify-between gap-3 text-sm">
            <span className="min-w-0 truncate text-slate-700">{item.label}</span>
            <span className="font-semibold tabular-nums text-slate-900">{item.display}</span>
          </div>
          <div aria-hidden className="h-1.5 overflow-hidden rounded-full bg-slate-100">
            <div className="h-full rounded-full bg-brand-500" style={{ width: `${(item.value / max) * 100}%` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
