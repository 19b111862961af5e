// The customer beside the complaint: who they are, how they are treated, and what they complained about before.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { knownTag } from "@/lib/customers/tag-label";
import { tagName } from "@/components/customers/tag-name";
import { StatusBadge } from "@/components/complaints/status-badge";
import { Badge } from "@/components/ui/badge";
import { RevealPii } from "@/components/privacy/reveal-pii";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CustomerPanel as CustomerPanelData } from "@/lib/customers/queries";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";

type Props = {
  customer: CustomerPanelData | null;
  currentComplaintId: number;
  locale: AppLocale;
  canRevealPii: boolean;
  context: string;
};

export function CustomerPanel({ customer, currentComplaintId, locale, canRevealPii, context }: Props) {
  const t = useTranslations("workspace.customer");
  const tTag = useTranslations("customerTagNames");
  const format = useFormatter();
  if (!customer) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>{t("title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <p className="text-sm text-slate-500">{t("unavailable")}</p>
        </CardContent>
      </Card>
    );
  }
  const previous = customer.recentComplaints.filter((complaint) => complaint.id !== currentComplaintId);
  return (
    <Card data-testid="customer-panel">
      <CardHeader>
        <div className="min-w-0">
          <CardTitle className="truncate">{customer.name}</CardTitle>
          <p className="mt-0.5 text-[13px] text-slate-500">
            {customer.tier ? localizedName(locale, customer.tier) : t("noTier")}
            {customer.company ? ` · ${customer.company}` : ""}
          </p>
        </div>
        <Badge tone="neutral">{customer.locale === "en" ? "English" : "中文"}</Badge>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
          <dt className="text-slate-500">{t("phone")}</dt>
          <dd className="min-w-0 tabular-nums">
            <RevealPii
              customerId={customer.id}
              field="phone"
              masked={customer.phone}
              canReveal={canRevealPii}
              context={context}
              emptyLabel={t("none")}
            />
          </dd>
          <dt className="text-slate-500">{t("email")}</dt>
          <dd className="min-w-0">
            <RevealPii
              customerId={customer.id}
              field="email"
              masked={customer.email}
              canReveal={canRevealPii}
              context={context}
              emptyLabel={t("none")}
            />
          </dd>
          {customer.idNumber ? (
            <>
              <dt className="text-slate-500">{t("idNumber")}</dt>
              <dd className="min-w-0 tabular-nums">
                <RevealPii
                  customerId={customer.id}
                  field="idNumber"
                  masked={customer.idNumber}
                  canReveal={canRevealPii}
                  context={context}
                />
              </dd>
            </>
          ) : null}
          {customer.membershipNumber ? (
            <>
              <dt className="text-slate-500">{t("membership")}</dt>
              <dd className="truncate">{customer.membershipNumber}</dd>
            </>
          ) : null}
          <dt className="text-slate-500">{t("valueScore")}</dt>
          <dd>{format.number(customer.valueScore)}</dd>
        </dl>
        <p className="text-xs text-slate-500">{canRevealPii ? t("revealHint") : t("masked")}</p>
        {customer.tags.length ? (
          <div className="flex flex-wrap gap-1.5">
            {customer.tags.map((tag) => (
              <Badge key={tag} tone={knownTag(tag) === "vip" ? "violet" : "neutral"}>
                {tagName(tag, tTag)}
              </Badge>
            ))}
          </div>
        ) : null}
        {customer.specialNeeds ? (
          <div className="rounded-lg bg-warning-50 px-3 py-2 text-[13px] text-warning-700">
            <span className="font-medium">{t("specialNeeds")}: </span>
            {customer.specialNeeds}
          </div>
        ) : null}
        <div className="grid grid-cols-2 gap-3 border-t border-slate-100 pt-3">
          <div>
            <p className="text-xs text-slate-500">{t("open")}</p>
            <p className="text-lg font-semibold tabular-nums">{customer.openComplaintCount}</p>
          </div>
          <div>
            <p className="text-xs text-slate-500">{t("lastCsat")}</p>
            <p className="text-lg font-semibold tabular-nums">
              {customer.lastCsat ? t("csatScore", { score: customer.lastCsat.score }) : t("none")}
            </p>
          </div>
        </div>
        <div className="border-t border-slate-100 pt-3">
          <h3 className="mb-2 text-xs font-semibold text-slate-700">{t("previous")}</h3>
          {previous.length === 0 ? <p className="text-[13px] text-slate-500">{t("noPrevious")}</p> : null}
          <ul className="flex flex-col gap-2">
            {previous.map((complaint) => (
              <li key={complaint.id} className="flex items-start justify-between gap-2">
                {complaint.subject === null ? (
                  <span className="min-w-0 text-[13px]">
                    <span className="block font-mono text-xs text-slate-500">{complaint.reference}</span>
                    <span className="block truncate text-slate-500 italic">{t("restricted")}</span>
                  </span>
                ) : (
                  <Link
                    href={`/complaints/${complaint.reference}`}
                    className="focus-ring min-w-0 rounded text-[13px] hover:underline"
                  >
                    <span className="block font-mono text-xs text-slate-500">{complaint.reference}</span>
                    <span className="block truncate text-slate-800">{complaint.subject}</span>
                  </Link>
                )}
                <StatusBadge status={complaint.status} />
              </li>
            ))}
          </ul>
        </div>
      </CardContent>
    </Card>
  );
}
