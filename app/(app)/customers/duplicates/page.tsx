import type { Metadata } from "next";
import Link from "next/link";
import { CopyCheck } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { PiiValue } from "@/components/customers/pii-value";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/session";
import { listDuplicatePairs, type DuplicatePair } from "@/lib/customers/duplicates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customerMerge");
  return { title: t("duplicatesTitle") };
}

export default async function DuplicatesPage() {
  const user = await requirePermission("customer.merge");
  const [t, tReasons, format, pairs] = await Promise.all([
    getTranslations("customerMerge"),
    getTranslations("customers.duplicates.reasons"),
    getFormatter(),
    listDuplicatePairs(user.actor),
  ]);
  const side = (customer: DuplicatePair["a"]) => (
    <div className="min-w-0 flex-1">
      <Link href={`/customers/${customer.id}`} className="font-medium text-brand-700 hover:underline">
        {customer.name} <span className="text-slate-400">#{customer.id}</span>
      </Link>
      <p className="flex flex-wrap gap-x-3 text-xs text-slate-500">
        <PiiValue customerId={customer.id} field="phone" value={customer.phone} />
        <PiiValue customerId={customer.id} field="email" value={customer.email} />
        <span>{t("complaintsCount", { count: customer.complaintCount })}</span>
      </p>
    </div>
  );
  return (
    <>
      <PageHeader title={t("duplicatesTitle")} description={t("duplicatesDescription")} />
      <Card>
        {pairs.length === 0 ? (
          <EmptyState icon={CopyCheck} title={t("emptyTitle")} description={t("emptyDescription")} />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="duplicate-pairs">
            {pairs.map((pair) => (
              <li
                key={`${pair.a.id}-${pair.b.id}`}
                className="flex flex-col gap-3 px-5 py-4 lg:flex-row lg:items-center"
              >
                {side(pair.a)}
                {side(pair.b)}
                <div className="flex flex-wrap items-center gap-1.5 lg:w-64">
                  {pair.reasons.map((reason) => (
                    <Badge key={reason} tone={reason === "similar_name" ? "neutral" : "warning"}>
                      {tReasons(reason)}
                    </Badge>
                  ))}
                  {pair.similarity !== null ? (
                    <span className="text-xs text-slate-500">
                      {t("similarity", { value: format.number(pair.similarity, { maximumFractionDigits: 2 }) })}
                    </span>
                  ) : null}
                </div>
                <Button variant="secondary" size="sm" asChild>
                  <Link href={`/customers/merge?survivor=${pair.a.id}&merged=${pair.b.id}`}>{t("compare")}</Link>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
