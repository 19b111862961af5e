import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Ban, CheckCircle2, Clock } from "lucide-react";
import { TIME_ZONE } from "@/i18n/request";
import { Button } from "@/components/ui/button";
import { SurveyForm } from "@/components/public/survey/survey-form";
import { SurveyNotice } from "@/components/public/survey/survey-notice";
import { surveyDisplayLocale, surveyTranslator } from "@/components/public/survey/survey-locale";
import { EMPTY_SURVEY_VALUES, type SurveyFormValues } from "@/components/public/survey/form-state";
import { toDbLocale } from "@/lib/i18n/locales";
import { openSurvey, type OpenedSurvey } from "@/lib/surveys/service";
import { surveyTextsFor } from "@/lib/surveys/texts";

export const dynamic = "force-dynamic";

type SurveyPageProps = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("survey");
  // The token is a secret: keep it out of referrers sent to any other site.
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

/**
 * The form starts from the earlier answer when changing it, else from the e-mail's one-click score (not yet recorded).
 */
function initialValues(survey: OpenedSurvey): SurveyFormValues {
  const answer = survey.response;
  if (!answer) return { ...EMPTY_SURVEY_VALUES, csat: survey.preselectedScore ? String(survey.preselectedScore) : "" };
  const asText = (value: number | null) => (value === null ? "" : String(value));
  return {
    csat: asText(answer.csat),
    resolved: answer.resolved === null ? "" : answer.resolved ? "yes" : "no",
    nps: asText(answer.nps),
    ces: asText(answer.ces),
    comment: answer.comment ?? "",
    reasonCodes: answer.reasonCodes,
  };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// Opening the page only marks the survey opened: link scanners in mail systems follow the one-click links.
// A second visit after answering shows the thanks page; the answer can be changed (explicitly) until the case closes.
export default async function SurveyPage({ params, searchParams }: SurveyPageProps) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const survey = await openSurvey(token, new Date(), first(query.score));
  if (!survey.ok) notFound();

  const locale = await surveyDisplayLocale(survey.locale);
  const [{ messages, t }, texts] = await Promise.all([
    surveyTranslator(locale),
    surveyTextsFor(toDbLocale(locale), survey.reference),
  ]);
  // Inside the notice's description paragraph, hence a block span rather than a <p>.
  const reference = (
    <span className="mt-3 block font-mono text-xs text-slate-500" data-testid="survey-reference">
      {t("reference", { reference: survey.reference })}
    </span>
  );
  const contact = (
    <Button asChild size="lg">
      <Link href="/complaint">{t("notFound.action")}</Link>
    </Button>
  );

  if (survey.status === "expired") {
    return (
      <SurveyNotice
        icon={Clock}
        testId="survey-expired"
        title={t("expired.title")}
        description={
          <>
            {texts.expired ?? t("expired.description")}
            {reference}
          </>
        }
        actions={contact}
      />
    );
  }
  if (survey.status === "cancelled") {
    return (
      <SurveyNotice
        icon={Ban}
        testId="survey-cancelled"
        title={t("cancelled.title")}
        description={t("cancelled.description")}
      />
    );
  }
  const thanks = texts.thanks ?? t("thanks.description");
  if (survey.status === "answered" && !(survey.canChange && first(query.change) === "1")) {
    const change = survey.canChange ? (
      <Button asChild variant="secondary" size="lg">
        <Link href={`/survey/${encodeURIComponent(token)}?change=1`} data-testid="survey-change">
          {t("thanks.change")}
        </Link>
      </Button>
    ) : null;
    const note = survey.canChange ? t("thanks.changeNote") : t("thanks.final");
    return (
      <SurveyNotice
        icon={CheckCircle2}
        testId="survey-thanks"
        title={t("thanks.title")}
        description={
          <>
            {thanks} {note}
            {reference}
          </>
        }
        actions={change}
      />
    );
  }

  const reasons = survey.reasons.map((reason) => ({
    code: reason.code,
    label: locale === "zh-CN" ? reason.nameZh : reason.nameEn,
  }));
  return (
    <div lang={locale} data-testid="survey-page">
      <NextIntlClientProvider locale={locale} messages={messages} timeZone={TIME_ZONE}>
        <SurveyForm
          token={token}
          revision={survey.revision}
          reference={survey.reference}
          texts={texts}
          initial={initialValues(survey)}
          reasons={reasons}
          changing={survey.status === "answered"}
          via={first(query.via) === "sms" ? "sms" : "web"}
        />
      </NextIntlClientProvider>
    </div>
  );
}
