// Profile and "tags and special needs" cards of the customer page.
import { getTranslations } from "next-intl/server";
import { knownTag } from "@/lib/customers/tag-label";
import { tagName } from "@/components/customers/tag-name";
import { PiiValue } from "@/components/customers/pii-value";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CustomerProfile } from "@/lib/customers/profile";

type Customer = CustomerProfile["customer"];

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}

export async function ProfileCard({ customer, smsAction }: { customer: Customer; smsAction?: React.ReactNode }) {
  const [t, tChannel] = await Promise.all([getTranslations("customers.profile"), getTranslations("customerContact")]);
  const none = <span className="text-slate-400">—</span>;
  const consents = (["consentContact", "consentSurvey", "consentMarketing"] as const).filter((key) => customer[key]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="divide-y divide-slate-100" data-testid="customer-profile">
          <Row label={t("phone")}>
            <PiiValue customerId={customer.id} field="phone" value={customer.phone} />
          </Row>
          <Row label={t("email")}>
            <PiiValue customerId={customer.id} field="email" value={customer.email} />
          </Row>
          <Row label={t("idNumber")}>
            <PiiValue customerId={customer.id} field="idNumber" value={customer.idNumber} />
          </Row>
          <Row label={t("membership")}>{customer.membershipNumber ?? none}</Row>
          <Row label={t("company")}>{customer.company ?? none}</Row>
          <Row label={t("language")}>{t(`locales.${customer.locale}`)}</Row>
          <Row label={tChannel("preferredChannel")}>
            <span data-testid="customer-preferred-channel">
              {customer.preferredChannel ? tChannel(`channels.${customer.preferredChannel}`) : tChannel("automatic")}
            </span>
          </Row>
          <Row label={tChannel("sms")}>
            <span className="flex flex-wrap items-center gap-2" data-testid="customer-sms-status">
              {customer.smsOptedOutAt ? (
                <Badge tone="danger">{tChannel("optedOut")}</Badge>
              ) : (
                <Badge tone="success">{tChannel("allowed")}</Badge>
              )}
              {smsAction}
            </span>
          </Row>
          <Row label={t("consent")}>
            {consents.length === 0 ? (
              none
            ) : (
              <span className="flex flex-wrap gap-1">
                {consents.map((key) => (
                  <Badge key={key} tone="success">
                    {t(key)}
                  </Badge>
                ))}
              </span>
            )}
          </Row>
        </dl>
      </CardContent>
    </Card>
  );
}

export async function TagsCard({ customer }: { customer: Customer }) {
  const [t, tTag] = await Promise.all([getTranslations("customers.tags"), getTranslations("customerTagNames")]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        {customer.tags.length === 0 ? (
          <p className="text-slate-500">{t("none")}</p>
        ) : (
          <ul className="flex flex-wrap gap-1.5" aria-label={t("title")}>
            {customer.tags.map((tag) => (
              <li key={tag}>
                <Badge tone={knownTag(tag) === "vip" ? "violet" : "neutral"}>{tagName(tag, tTag)}</Badge>
              </li>
            ))}
          </ul>
        )}
        <div>
          <p className="text-[13px] font-medium text-slate-500">{t("specialNeeds")}</p>
          <p className="mt-0.5 whitespace-pre-line text-slate-900">
            {customer.specialNeeds ?? <span className="text-slate-400">{t("noSpecialNeeds")}</span>}
          </p>
        </div>
      </CardContent>
    </Card>
  );
}
