"use client";
// Search and filters of the customer list; every control writes to the URL and starts at page one.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { tagName } from "@/components/customers/tag-name";
import { useState, useTransition, type FormEvent } from "react";
import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { customerListHref, type CustomerListParams } from "@/components/customers/list-params";

type Option = { value: string; label: string };

export function CustomerFilters({
  params,
  tiers,
  tags,
}: {
  params: CustomerListParams;
  tiers: Option[];
  tags: string[];
}) {
  const t = useTranslations("customers.filters");
  const tTag = useTranslations("customerTagNames");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(params.q ?? "");
  const navigate = (next: CustomerListParams) =>
    startTransition(() => router.push(customerListHref({ ...params, ...next, page: undefined })));
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate({ q: q.trim() || undefined });
  };
  const hasFilters = Boolean(params.q || params.tier || params.tag);

  return (
    <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:items-end" aria-busy={pending}>
      <form role="search" onSubmit={onSearch} className="flex flex-1 items-end gap-2">
        <div className="flex flex-1 flex-col gap-1.5">
          <Label htmlFor="customer-search">{t("search")}</Label>
          <div className="relative">
            <Search
              aria-hidden
              className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
            />
            <Input
              id="customer-search"
              type="search"
              name="q"
              value={q}
              onChange={(event) => setQ(event.target.value)}
              placeholder={t("searchPlaceholder")}
              maxLength={120}
              className="pl-9"
            />
          </div>
        </div>
        <Button type="submit" variant="secondary">
          {t("searchButton")}
        </Button>
      </form>
      <div className="flex flex-col gap-1.5 lg:w-44">
        <Label htmlFor="customer-tier">{t("tier")}</Label>
        <Select
          id="customer-tier"
          value={params.tier ?? ""}
          onChange={(event) => navigate({ tier: event.target.value || undefined })}
        >
          <option value="">{t("any")}</option>
          {tiers.map((tier) => (
            <option key={tier.value} value={tier.value}>
              {tier.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1.5 lg:w-44">
        <Label htmlFor="customer-tag">{t("tag")}</Label>
        <Select
          id="customer-tag"
          value={params.tag ?? ""}
          onChange={(event) => navigate({ tag: event.target.value || undefined })}
        >
          <option value="">{t("any")}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tagName(tag, tTag)}
            </option>
          ))}
        </Select>
      </div>
      {hasFilters ? (
        <Button
          variant="ghost"
          onClick={() => {
            setQ("");
            startTransition(() => router.push("/customers"));
          }}
        >
          {t("clear")}
        </Button>
      ) : null}
    </div>
  );
}
