import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { SurveySettingsForm } from "@/components/admin/surveys/settings-form";
import { SurveyStats } from "@/components/admin/surveys/survey-stats";
import { SurveyTextsForm } from "@/components/admin/surveys/texts-form";
import { ReasonsEditor } from "@/components/admin/surveys/reasons-editor";
import { surveyMessages } from "@/components/public/survey/survey-locale";
import { requirePermission } from "@/lib/auth/session";
import { DEFAULT_LOCALE, isAppLocale, localizedName, type AppLocale } from "@/lib/i18n/locales";
import { getComplaintFormOptions } from "@/lib/complaints/workspace";
import { getSurveySettingsForAdmin, getSurveyTextsForAdmin, listSurveyReasonsForAdmin } from "@/lib/surveys/admin";
import { surveyReport } from "@/lib/surveys/queries";
import { parseReportRange } from "@/lib/surveys/range";
import type { SurveyTextKey } from "@/lib/surveys/text-keys";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("surveyAdmin");
  return { title: t("title") };
}

/** The built-in wording each SurveyText key overrides, in one language (the texts form's placeholders). */
async function builtInTexts(locale: AppLocale): Promise<Record<SurveyTextKey, string>> {
  const { survey } = await surveyMessages(locale);
  return {
    intro: survey.intro,
    "csat.question": survey.csat.legend,
    "resolved.question": survey.resolved.legend,
    "nps.question": survey.nps.legend,
    "ces.question": survey.ces.legend,
    "comment.label": survey.comment.label,
    thanks: survey.thanks.description,
    expired: survey.expired.description,
  };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Managers: survey timing and eligibility, wording per language, reasons per category, and the response rate.
export default async function AdminSurveysPage({ searchParams }: Props) {
  const user = await requirePermission("survey.manage");
  const query = await searchParams;
  const range = parseReportRange(query.from, query.to);
  const rawLocale = await getLocale();
  const locale = isAppLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  const [t, report, { settings, version }, texts, reasons, options, zh, en] = await Promise.all([
    getTranslations("surveyAdmin"),
    surveyReport(user.actor, range),
    getSurveySettingsForAdmin(),
    getSurveyTextsForAdmin(),
    listSurveyReasonsForAdmin(),
    getComplaintFormOptions(),
    builtInTexts("zh-CN"),
    builtInTexts("en"),
  ]);
  // Tree order: each top-level category followed by its subcategories.
  const categories = options.categories
    .filter((row) => row.parentId === null)
    .flatMap((parent) => [parent, ...options.categories.filter((row) => row.parentId === parent.id)])
    .map((row) => ({
      id: row.id,
      name: row.parentId ? `— ${localizedName(locale, row)}` : localizedName(locale, row),
    }));
  const channels = options.channels.map((row) => ({ id: row.id, name: localizedName(locale, row) }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        {report ? (
          <SurveyStats
            range={range}
            overall={report.overall}
            channels={report.channels.map((row) => ({
              name: localizedName(locale, row.channel),
              summary: row.summary,
            }))}
          />
        ) : null}
        <SurveySettingsForm settings={settings} version={version} categories={categories} channels={channels} />
        <ReasonsEditor reasons={reasons} categories={categories} />
        <SurveyTextsForm texts={texts} builtIn={{ zh_CN: zh, en }} />
      </div>
    </>
  );
}
