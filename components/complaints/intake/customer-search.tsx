"use client";
// Search-as-you-type for the intake form (WAI-ARIA combobox): name, phone, e-mail or membership number. Arrow keys
// move through the matches and Enter picks one; Enter never submits the form from here.
import { useTranslations } from "next-intl";
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/components/ui/cn";
import { CustomerSummary } from "@/components/complaints/intake/customer-summary";
import { searchCustomersAction } from "@/lib/complaints/actions";
import type { CustomerSearchHit } from "@/lib/customers/queries";

const DEBOUNCE_MS = 250;

/** One Chinese character is a surname worth searching for; Latin text needs two characters. */
export function searchable(q: string): boolean {
  return q.length >= 2 || /[\u3400-\u9fff]/.test(q);
}

type CustomerSearchProps = { onPick: (hit: CustomerSearchHit) => void; error?: string };

export function CustomerSearch({ onPick, error }: CustomerSearchProps) {
  const t = useTranslations("intake.customer");
  const id = useId();
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<CustomerSearchHit[]>([]);
  const [searched, setSearched] = useState("");
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (!searchable(q)) return;
    let cancelled = false;
    const timer = window.setTimeout(async () => {
      setLoading(true);
      const found = await searchCustomersAction(q);
      if (cancelled) return;
      setHits(found);
      setSearched(q);
      setActive(0);
      setLoading(false);
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [query]);

  const open = searchable(query.trim()) && searched === query.trim();
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && hits.length > 0) {
      event.preventDefault();
      setActive((index) => (index + 1) % hits.length);
    } else if (event.key === "ArrowUp" && hits.length > 0) {
      event.preventDefault();
      setActive((index) => (index - 1 + hits.length) % hits.length);
    } else if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const hit = open ? hits[active] : undefined;
      if (hit) onPick(hit);
    } else if (event.key === "Escape") {
      setQuery("");
    }
  };

  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={`${id}-input`}>{t("search")}</Label>
      <div className="relative">
        <Search
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
        />
        <Input
          id={`${id}-input`}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && hits.length > 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          autoFocus
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t("searchPlaceholder")}
          className="pl-9"
          data-testid="customer-search"
        />
      </div>
      <p id={`${id}-hint`} className={cn("text-xs", error ? "font-medium text-danger-700" : "text-slate-500")}>
        {error ?? t("searchHint")}
      </p>
      <p aria-live="polite" className="sr-only">
        {loading ? t("searching") : open && hits.length === 0 ? t("noMatches") : ""}
      </p>
      {open ? (
        hits.length > 0 ? (
          <ul
            id={listId}
            role="listbox"
            className="max-h-72 overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 shadow-card"
          >
            {hits.map((hit, index) => (
              <li
                key={hit.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onPick(hit)}
                onMouseEnter={() => setActive(index)}
                className={cn(
                  "cursor-pointer rounded-md px-3 py-2",
                  index === active ? "bg-brand-50" : "hover:bg-slate-50",
                )}
              >
                <CustomerSummary hit={hit} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 px-3 py-2 text-[13px] text-slate-500">
            {t("noMatches")}
          </p>
        )
      ) : null}
    </div>
  );
}
