"use client";
// One customer as the intake form lists them: name, tier, masked contact, membership number, open complaints.
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { tagName } from "@/components/customers/tag-name";
import type { CustomerSearchHit } from "@/lib/customers/queries";

export function CustomerSummary({ hit }: { hit: CustomerSearchHit }) {
  const t = useTranslations("intake.customer");
  const tTag = useTranslations("customerTagNames");
  const locale = useLocale();
  const contact = [hit.phone, hit.email, hit.membershipNumber].filter(Boolean).join(" · ");
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <span className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
        {hit.name}
        {hit.tier ? <Badge tone="violet">{locale === "en" ? hit.tier.nameEn : hit.tier.nameZh}</Badge> : null}
        {hit.tags.map((tag) => (
          <Badge key={tag}>{tagName(tag, tTag)}</Badge>
        ))}
      </span>
      <span className="truncate text-xs text-slate-500 tabular-nums">{contact}</span>
      <span className={hit.openComplaintCount > 0 ? "text-xs font-medium text-warning-700" : "text-xs text-slate-500"}>
        {t("openComplaints", { count: hit.openComplaintCount })}
      </span>
    </div>
  );
}
