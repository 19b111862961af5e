import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArrowLeft, PhoneOff } from "lucide-react";
import { PhoneSurveyForm } from "@/components/complaints/phone-survey/phone-survey-form";
import { Card, CardContent } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { fromDbLocale } from "@/lib/i18n/locales";
import { phoneSurveyScript } from "@/lib/surveys/phone-script";
import { phoneSurveyContext } from "@/lib/surveys/record-phone-survey";
import { decodeSegment } from "@/lib/validation";

type Params = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [{ reference }, t] = await Promise.all([params, getTranslations("phoneSurvey")]);
  return { title: t("metaTitle", { reference: decodeSegment(reference) ?? reference }) };
}

// Phone 回访: the agent reads the script in the customer's language and records the answers (lib/surveys/actions.ts).
export default async function PhoneSurveyPage({ params }: Params) {
  const reference = decodeSegment((await params).reference);
  if (reference === null) notFound();
  const { actor } = await requireUser();
  const context = await phoneSurveyContext(actor, reference);
  if (!context.ok) {
    if (context.error === "forbidden") forbidden();
    notFound();
  }
  const t = await getTranslations("phoneSurvey");
  const { complaint, blocker } = context;
  const customerLocale = fromDbLocale(complaint.locale);
  const back = (
    <Link
      href={`/complaints/${encodeURIComponent(complaint.reference)}`}
      className="inline-flex items-center gap-1.5 text-sm font-medium text-brand-700 hover:underline"
    >
      <ArrowLeft aria-hidden className="size-4" />
      {t("back")}
    </Link>
  );
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4" data-testid="phone-survey-page">
      {back}
      <header>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-[13px]">
          <dt className="text-slate-500">{t("complaint")}</dt>
          <dd className="min-w-0 break-words">
            <span className="font-mono">{complaint.reference}</span> · {complaint.subject}
          </dd>
          <dt className="text-slate-500">{t("customer")}</dt>
          <dd>{complaint.customerName}</dd>
        </dl>
      </header>
      {blocker ? (
        <Card data-testid="phone-survey-blocked">
          <CardContent className="flex items-start gap-3 p-5 text-sm text-slate-700">
            <PhoneOff aria-hidden className="mt-0.5 size-5 shrink-0 text-slate-500" />
            <div>
              <p className="font-semibold text-slate-900">{t("blocked.title")}</p>
              <p className="mt-1">{t(`blocked.${blocker}`)}</p>
            </div>
          </CardContent>
        </Card>
      ) : (
        <PhoneSurveyForm
          reference={complaint.reference}
          script={await phoneSurveyScript(customerLocale, {
            reference: complaint.reference,
            customerName: complaint.customerName,
            reasons: context.reasons,
          })}
          languageName={t(`languages.${complaint.locale}`)}
        />
      )}
    </div>
  );
}
