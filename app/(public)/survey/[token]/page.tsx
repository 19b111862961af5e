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
import { openSurvey } from "@/lib/surveys/service";

export const dynamic = "force-dynamic";

type SurveyPageProps = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("survey");
  // The token is a secret: keep it out of referrers sent to any other site.
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

type Opened = Extract<Awaited<ReturnType<typeof openSurvey>>, { ok: true }>;

/** The form starts from the earlier answer when changing it, else from the e-mail's one-click score (not yet recorded). */
function initialValues(survey: Opened): SurveyFormValues {
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

// Opening the page only marks the survey opened: link scanners in mail systems follow the one-click links.
export default async function SurveyPage({ params, searchParams }: SurveyPageProps) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const score = Array.isArray(query.score) ? query.score[0] : query.score;
  const survey = await openSurvey(token, new Date(), score);
  if (!survey.ok) notFound();

  const locale = await surveyDisplayLocale(survey.locale);
  const { messages, t } = await surveyTranslator(locale);
  const contact = (
    <Button asChild size="lg">
      <Link href="/complaint">{t("notFound.action")}</Link>
    </Button>
  );

  if (survey.status === "expired") {
    return <SurveyNotice icon={Clock} testId="survey-expired" title={t("expired.title")} description={t("expired.description")} actions={contact} />;
  }
  if (survey.status === "cancelled") {
    return <SurveyNotice icon={Ban} testId="survey-cancelled" title={t("cancelled.title")} description={t("cancelled.description")} />;
  }
  if (!survey.canChange) {
    return <SurveyNotice icon={CheckCircle2} testId="survey-thanks" title={t("thanks.title")} description={t("thanks.description")} />;
  }

  const reasons = survey.reasons.map((reason) => ({ code: reason.code, label: locale === "zh-CN" ? reason.nameZh : reason.nameEn }));
  return (
    <div lang={locale} data-testid="survey-page">
      <NextIntlClientProvider locale={locale} messages={messages} timeZone={TIME_ZONE}>
        <SurveyForm token={token} initial={initialValues(survey)} reasons={reasons} changing={survey.status === "answered"} />
      </NextIntlClientProvider>
    </div>
  );
}
