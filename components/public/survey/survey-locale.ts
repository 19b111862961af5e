// Which language the survey page speaks: the visitor's explicit choice (the language switcher's cookie) wins;
// otherwise the survey's own language (the complaint's), not the browser's, since the e-mail was in that language.
// The request config always answers in the request's locale, so the page loads the messages itself.
import { cookies } from "next/headers";
import { createTranslator } from "next-intl";
import { LOCALE_COOKIE, isAppLocale, type AppLocale } from "@/lib/i18n/locales";

type Messages = typeof import("../../../messages/en.json");

export async function surveyDisplayLocale(surveyLocale: AppLocale): Promise<AppLocale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isAppLocale(chosen) ? chosen : surveyLocale;
}

export async function surveyMessages(locale: AppLocale): Promise<Pick<Messages, "survey">> {
  const messages = (await import(`../../../messages/${locale}.json`)) as { default: Messages };
  return { survey: messages.default.survey };
}

export async function surveyTranslator(locale: AppLocale) {
  const messages = await surveyMessages(locale);
  return { messages, t: createTranslator({ locale, messages, namespace: "survey" }) };
}
