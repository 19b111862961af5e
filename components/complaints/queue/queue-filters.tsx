"use client";
// The filter bar: every control writes to the URL (the queue's single source of truth), starting at page one.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Search, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import {
  activeFilterCount,
  queueHref,
  type FilterKey,
  type QueueParams,
} from "@/components/complaints/queue/queue-params";
import { PRIORITIES, REFERENCE_PATTERN, SLA_STATES, STATUSES } from "@/lib/complaints/constants";
import { complaintToOpenAction } from "@/lib/complaints/actions";

type Option = { value: string; label: string };
type DynamicKey = "severity" | "category" | "channel" | "team" | "assignee" | "tier";

type QueueFiltersProps = { params: QueueParams; options: Record<DynamicKey, Option[]> };

const SELECT_KEYS = [
  "status",
  "severity",
  "priority",
  "category",
  "channel",
  "team",
  "assignee",
  "tier",
  "sla",
] as const;

export function QueueFilters({ params, options }: QueueFiltersProps) {
  const t = useTranslations("queue");
  const tStatus = useTranslations("status");
  const tPriority = useTranslations("priority");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(params.q ?? "");

  const navigate = (overrides: QueueParams) => {
    startTransition(() => router.push(queueHref(params, { ...overrides, cursor: undefined })));
  };

  const optionsFor = (key: (typeof SELECT_KEYS)[number]): Option[] => {
    switch (key) {
      case "status":
        return STATUSES.map((status) => ({ value: status, label: tStatus(status) }));
      case "priority":
        return PRIORITIES.map((priority) => ({ value: priority, label: tPriority(priority) }));
      case "sla":
        return SLA_STATES.map((state) => ({ value: state, label: t(`sla.${state}`) }));
      default:
        return options[key];
    }
  };

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = q.trim();
    // A complaint's full reference opens it directly (when the reader may see it); anything else searches.
    if (REFERENCE_PATTERN.test(text.toUpperCase())) {
      startTransition(async () => {
        const reference = await complaintToOpenAction(text);
        router.push(reference ? `/complaints/${reference}` : queueHref(params, { q: text, cursor: undefined }));
      });
      return;
    }
    navigate({ q: text || undefined });
  };

  const active = activeFilterCount(params);

  return (
    <div className="mb-4 flex flex-col gap-3" aria-busy={pending}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <form role="search" onSubmit={onSearch} className="flex flex-1 items-end gap-2">
          <div className="flex flex-1 flex-col gap-1.5">
            <Label htmlFor="queue-search">{t("filters.search")}</Label>
            <div className="relative">
              <Search
                aria-hidden
                className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
              />
              <Input
                id="queue-search"
                type="search"
                name="q"
                value={q}
                onChange={(event) => setQ(event.target.value)}
                placeholder={t("filters.searchPlaceholder")}
                maxLength={100}
                className="pl-9"
              />
            </div>
          </div>
          <Button type="submit" variant="secondary">
            {t("filters.searchButton")}
          </Button>
        </form>
        <div className="flex flex-col gap-1.5 sm:w-48">
          <Label htmlFor="queue-sort">{t("filters.sort")}</Label>
          <Select
            id="queue-sort"
            value={params.sort ?? "due"}
            onChange={(event) => navigate({ sort: event.target.value === "due" ? undefined : event.target.value })}
          >
            {(["due", "newest", "oldest", "relevance"] as const).map((sort) => (
              <option key={sort} value={sort}>
                {t(`filters.sortOptions.${sort}`)}
              </option>
            ))}
          </Select>
        </div>
      </div>

      <fieldset className="grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-card sm:grid-cols-3 lg:grid-cols-6">
        <legend className="sr-only">{t("filters.title")}</legend>
        {SELECT_KEYS.map((key) => (
          <FilterSelect
            key={key}
            name={key}
            label={t(`filters.${key}`)}
            value={params[key]}
            options={optionsFor(key)}
            onChange={(value) => navigate({ [key]: value })}
          />
        ))}
        {(["from", "to"] as const).map((key) => (
          <div key={key} className="flex flex-col gap-1.5">
            <Label htmlFor={`queue-filter-${key}`}>{t(`filters.${key}`)}</Label>
            <Input
              id={`queue-filter-${key}`}
              type="date"
              value={params[key] ?? ""}
              onChange={(event) => navigate({ [key]: event.target.value || undefined })}
            />
          </div>
        ))}
        <div className="col-span-full flex items-center justify-between gap-3 pt-1">
          <p className="text-[13px] text-slate-500" aria-live="polite">
            {active > 0 ? t("filters.active", { count: active }) : null}
          </p>
          {active > 0 || params.q ? (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                setQ("");
                startTransition(() => router.push(queueHref({ queue: params.queue, sort: params.sort })));
              }}
            >
              <X aria-hidden />
              {t("filters.reset")}
            </Button>
          ) : null}
        </div>
      </fieldset>
    </div>
  );
}

type FilterSelectProps = {
  name: FilterKey;
  label: string;
  value: string | undefined;
  options: Option[];
  onChange: (value: string | undefined) => void;
};

/** One value per control; a comma list from a shared link (several values) is kept as its own "n selected" option. */
function FilterSelect({ name, label, value, options, onChange }: FilterSelectProps) {
  const t = useTranslations("queue.filters");
  const several = value?.includes(",") ? value : undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={`queue-filter-${name}`}>{label}</Label>
      <Select
        id={`queue-filter-${name}`}
        name={name}
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{t("any")}</option>
        {several ? <option value={several}>{t("multiple", { count: several.split(",").length })}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
