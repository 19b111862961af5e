// The phone 回访 script: the web survey's questions and scales, worded in the CUSTOMER's language (not the agent's UI
// language), with the manager's wording overrides (SurveyText) applied, plus an opening and a closing line.
import { createTranslator } from "next-intl";
import type { AppLocale } from "@/lib/i18n/locales";
import { toDbLocale } from "@/lib/i18n/locales";
import { surveyTextsFor } from "@/lib/surveys/texts";

type Messages = typeof import("../../messages/en.json");

export type PhoneSurveyScript = {
  locale: AppLocale;
  greeting: string;
  csat: { legend: string; low: string; high: string; options: Record<"1" | "2" | "3" | "4" | "5", string> };
  resolved: { legend: string; yes: string; no: string };
  nps: { legend: string; low: string; high: string };
  ces: { legend: string; low: string; high: string };
  reasons: { prompt: string; options: { code: string; label: string }[] };
  comment: string;
  closing: string;
};

export async function phoneSurveyScript(
  locale: AppLocale,
  context: {
    reference: string;
    customerName: string;
    reasons: readonly { code: string; nameZh: string; nameEn: string }[];
  },
): Promise<PhoneSurveyScript> {
  const [{ default: messages }, texts] = await Promise.all([
    import(`../../messages/${locale}.json`) as Promise<{ default: Messages }>,
    surveyTextsFor(toDbLocale(locale), context.reference),
  ]);
  const survey = createTranslator({ locale, messages, namespace: "survey" });
  const script = createTranslator({ locale, messages, namespace: "phoneSurvey.script" });
  return {
    locale,
    greeting: script("greeting", { name: context.customerName, reference: context.reference }),
    csat: {
      legend: texts["csat.question"] ?? survey("csat.legend"),
      low: survey("csat.low"),
      high: survey("csat.high"),
      options: {
        "1": survey("csat.options.1"),
        "2": survey("csat.options.2"),
        "3": survey("csat.options.3"),
        "4": survey("csat.options.4"),
        "5": survey("csat.options.5"),
      },
    },
    resolved: {
      legend: texts["resolved.question"] ?? survey("resolved.legend"),
      yes: survey("resolved.yes"),
      no: survey("resolved.no"),
    },
    nps: { legend: texts["nps.question"] ?? survey("nps.legend"), low: survey("nps.low"), high: survey("nps.high") },
    ces: { legend: texts["ces.question"] ?? survey("ces.legend"), low: survey("ces.low"), high: survey("ces.high") },
    reasons: {
      prompt: script("reasons"),
      options: context.reasons.map((reason) => ({
        code: reason.code,
        label: locale === "zh-CN" ? reason.nameZh : reason.nameEn,
      })),
    },
    comment: texts["comment.label"] ?? script("comment"),
    closing: script("closing"),
  };
}
