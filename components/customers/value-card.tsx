// Tier and value score with its breakdown (SPEC §8 weights from the "valueScore.weights" setting).
import { getFormatter, getTranslations } from "next-intl/server";
import { ValueFactorsDialog } from "@/components/customers/value-factors-dialog";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CustomerProfile } from "@/lib/customers/profile";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";

const KNOWN_FACTORS = new Set(["frequency", "mileage", "cabin", "procurement", "volume", "spend", "referral"]);

export async function ValueCard({
  profile,
  locale,
  canEdit,
}: {
  profile: CustomerProfile;
  locale: AppLocale;
  canEdit: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("customers.value"), getFormatter()]);
  const { customer, value } = profile;
  const label = (key: string) => (KNOWN_FACTORS.has(key) ? t(`factors.${key as "frequency"}`) : key);
  const score = value.rated ? value.score : value.stored;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        {canEdit ? (
          <ValueFactorsDialog
            customerId={customer.id}
            version={customer.version}
            factors={value.parts.map((part) => ({
              key: part.key,
              label: label(part.key),
              weight: part.weight,
              rating: part.rating,
            }))}
          />
        ) : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div className="flex items-end justify-between gap-4">
          <div>
            <p className="text-[13px] text-slate-500">{t("tier")}</p>
            <p className="mt-1">
              {customer.tier ? (
                <Badge tone="brand">{localizedName(locale, customer.tier)}</Badge>
              ) : (
                <span className="text-sm text-slate-400">{t("noTier")}</span>
              )}
            </p>
          </div>
          <div className="text-right">
            <p className="text-[13px] text-slate-500">{t("score")}</p>
            <p className="text-3xl font-semibold text-slate-900 tabular-nums" data-testid="value-score">
              {format.number(score)}
            </p>
          </div>
        </div>
        <div>
          <p className="mb-1 text-[13px] font-medium text-slate-500">{t("breakdown")}</p>
          {!value.rated ? (
            <p className="mb-2 text-[13px] text-slate-500">{t("unratedNote", { score: value.stored })}</p>
          ) : null}
          <table className="w-full text-[13px]">
            <thead>
              <tr className="text-left text-slate-500">
                <th className="py-1 font-medium">{t("factor")}</th>
                <th className="py-1 text-right font-medium">{t("weight")}</th>
                <th className="py-1 text-right font-medium">{t("rating")}</th>
                <th className="py-1 text-right font-medium">{t("points")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {value.parts.map((part) => (
                <tr key={part.key}>
                  <td className="py-1.5 text-slate-900">{label(part.key)}</td>
                  <td className="py-1.5 text-right tabular-nums">
                    {format.number(part.weight / 100, { style: "percent", maximumFractionDigits: 1 })}
                  </td>
                  <td className="py-1.5 text-right tabular-nums">
                    {part.rating === null ? (
                      <span className="text-slate-400">{t("notRated")}</span>
                    ) : (
                      format.number(part.rating)
                    )}
                  </td>
                  <td className="py-1.5 text-right tabular-nums">{format.number(part.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </CardContent>
    </Card>
  );
}
