// A GET filter form for the log viewers: works without JavaScript, the filters live in the URL (shareable).
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export type LogFilterField = {
  name: string;
  label: string;
  value?: string;
  type?: "text" | "date";
  placeholder?: string;
  options?: string[];
  optionLabels?: Record<string, string>;
};

export function LogFilters({
  fields,
  applyLabel,
  resetLabel,
  resetHref,
  children,
}: {
  fields: LogFilterField[];
  applyLabel: string;
  resetLabel: string;
  resetHref: string;
  children?: ReactNode;
}) {
  return (
    <Card className="mb-4 p-4">
      <form method="get" className="flex flex-wrap items-end gap-3" role="search">
        {fields.map((field) => (
          <div key={field.name} className="flex w-44 flex-col gap-1">
            <Label htmlFor={`filter-${field.name}`}>{field.label}</Label>
            {field.options ? (
              <select
                id={`filter-${field.name}`}
                name={field.name}
                defaultValue={field.value ?? ""}
                className="focus-ring h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
              >
                <option value="">—</option>
                {field.options.map((option) => (
                  <option key={option} value={option}>
                    {field.optionLabels?.[option] ?? option}
                  </option>
                ))}
              </select>
            ) : (
              <Input
                id={`filter-${field.name}`}
                name={field.name}
                type={field.type ?? "text"}
                defaultValue={field.value ?? ""}
                placeholder={field.placeholder}
                maxLength={100}
              />
            )}
          </div>
        ))}
        {children}
        <div className="flex gap-2">
          <button type="submit" className={buttonClasses("primary")}>
            {applyLabel}
          </button>
          <Link href={resetHref} className={buttonClasses("secondary")}>
            {resetLabel}
          </Link>
        </div>
      </form>
    </Card>
  );
}

/** "Newest" / "Older" links of a keyset-paged log, keeping the filters. */
export function LogPager({
  path,
  filters,
  before,
  nextBefore,
  newestLabel,
  olderLabel,
}: {
  path: string;
  filters: Record<string, string | undefined>;
  before?: number;
  nextBefore: number | null;
  newestLabel: string;
  olderLabel: string;
}) {
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(key, value);
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };
  if (!before && nextBefore === null) return null;
  return (
    <nav className="mt-4 flex justify-between" aria-label="pagination">
      {before ? (
        <Link href={query({})} className={buttonClasses("secondary", "sm")}>
          {newestLabel}
        </Link>
      ) : (
        <span />
      )}
      {nextBefore !== null ? (
        <Link
          href={query({ before: String(nextBefore) })}
          className={buttonClasses("secondary", "sm")}
          data-testid="log-older"
        >
          {olderLabel}
        </Link>
      ) : null}
    </nav>
  );
}
