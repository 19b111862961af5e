import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Copy } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { CustomerFilters } from "@/components/customers/customer-filters";
import { CustomerTable } from "@/components/customers/customer-table";
import { CustomerTableSkeleton } from "@/components/customers/customer-table-skeleton";
import type { CustomerListParams } from "@/components/customers/list-params";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type CurrentUser } from "@/lib/auth/session";
import {
  customerListFilterSchema,
  listCustomers,
  listCustomerTags,
  listCustomerTiers,
  type CustomerListFilter,
} from "@/lib/customers/directory";
import { isAppLocale, localizedName, type AppLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customers");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function CustomersPage({ searchParams }: PageProps) {
  const user = await requirePermission("customer.read");
  const raw = await searchParams;
  const filter = customerListFilterSchema.parse({
    q: first(raw.q),
    tier: first(raw.tier),
    tag: first(raw.tag),
    page: first(raw.page),
  });
  const params: CustomerListParams = {
    q: filter.q || undefined,
    tier: filter.tier ? String(filter.tier) : undefined,
    tag: filter.tag || undefined,
    page: filter.page && filter.page > 1 ? String(filter.page) : undefined,
  };
  const rawLocale = await getLocale();
  const locale: AppLocale = isAppLocale(rawLocale) ? rawLocale : "zh-CN";
  const [t, tiers, tags] = await Promise.all([getTranslations("customers"), listCustomerTiers(), listCustomerTags()]);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(user, "customer.merge") ? (
            <Button variant="secondary" asChild>
              <Link href="/customers/duplicates">
                <Copy aria-hidden />
                {t("reviewDuplicates")}
              </Link>
            </Button>
          ) : null
        }
      />
      <CustomerFilters
        params={params}
        tiers={tiers.map((tier) => ({ value: String(tier.id), label: localizedName(locale, tier) }))}
        tags={tags}
      />
      <Suspense key={JSON.stringify(params)} fallback={<CustomerTableSkeleton />}>
        <Results user={user} filter={filter} params={params} locale={locale} />
      </Suspense>
    </>
  );
}

async function Results({
  user,
  filter,
  params,
  locale,
}: {
  user: CurrentUser;
  filter: CustomerListFilter;
  params: CustomerListParams;
  locale: AppLocale;
}) {
  const result = await listCustomers(user.actor, filter);
  return (
    <CustomerTable
      result={result}
      params={params}
      locale={locale}
      filtered={Boolean(filter.q || filter.tier || filter.tag)}
    />
  );
}
