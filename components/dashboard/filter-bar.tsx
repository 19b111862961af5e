"use client";
// Dashboard filters: every change rewrites the URL (shareable), the server re-renders the page with the new figures.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { PRESETS, type DimensionKey } from "@/lib/kpi/filters";

type Option = { value: string; label: string };
type FilterBarProps = {
  params: Record<string, string>;
  options: Partial<Record<DimensionKey, Option[]>>;
  period: { fromDay: string; toDay: string };
};

export function FilterBar({ params, options, period }: FilterBarProps) {
  const t = useTranslations("dashboard.filters");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const preset = params.preset ?? "30d";

  // Start from the URL as it is now (not the last rendered props), so quick successive changes all stick.
  const navigate = (overrides: Record<string, string | undefined>) => {
    const search = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(overrides)) {
      if (value) search.set(key, value);
      else search.delete(key);
    }
    const query = search.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname));
  };

  return (
    <form
      aria-label={t("label")}
      aria-busy={pending}
      onSubmit={(event) => event.preventDefault()}
      className="mb-6 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-card print:hidden"
      data-testid="dashboard-filters"
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="dashboard-preset">{t("preset")}</Label>
        <Select
          id="dashboard-preset"
          value={preset}
          onChange={(event) => {
            const value = event.target.value;
            navigate(
              value === "custom"
                ? { preset: value, from: period.fromDay, to: period.toDay }
                : { preset: value === "30d" ? undefined : value, from: undefined, to: undefined },
            );
          }}
        >
          {PRESETS.map((value) => (
            <option key={value} value={value}>
              {t(`presets.${value}`)}
            </option>
          ))}
        </Select>
      </div>
      {preset === "custom" ? (
        <>
          <div className="flex flex-col gap-1">
            <Label htmlFor="dashboard-from">{t("from")}</Label>
            <Input
              id="dashboard-from"
              type="date"
              className="h-9"
              defaultValue={params.from ?? period.fromDay}
              max={params.to}
              onChange={(event) => event.target.value && navigate({ from: event.target.value })}
            />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="dashboard-to">{t("to")}</Label>
            <Input
              id="dashboard-to"
              type="date"
              className="h-9"
              defaultValue={params.to ?? period.toDay}
              min={params.from}
              onChange={(event) => event.target.value && navigate({ to: event.target.value })}
            />
          </div>
        </>
      ) : null}
      {(Object.keys(options) as DimensionKey[]).map((key) => (
        <div key={key} className="flex flex-col gap-1">
          <Label htmlFor={`dashboard-${key}`}>{t(key)}</Label>
          <Select
            id={`dashboard-${key}`}
            value={params[key] ?? ""}
            onChange={(event) => navigate({ [key]: event.target.value || undefined })}
            data-testid={`dashboard-filter-${key}`}
          >
            <option value="">{t("all")}</option>
            {params[key] && !options[key]?.some((option) => option.value === params[key]) ? (
              <option value={params[key]}>{params[key]}</option>
            ) : null}
            {options[key]?.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </div>
      ))}
      {Object.keys(params).length ? (
        <Button type="button" variant="ghost" size="sm" onClick={() => startTransition(() => router.push(pathname))}>
          <RotateCcw aria-hidden />
          {t("reset")}
        </Button>
      ) : null}
    </form>
  );
}
