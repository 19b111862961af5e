// next-intl request configuration without locale routing: cookie (the user's choice) → Accept-Language → default.
// The profile's saved language is for e-mails and notifications; the UI follows the browser until the user chooses.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import {
  DEFAULT_LOCALE,
  LOCALE_COOKIE,
  isAppLocale,
  localeFromAcceptLanguage,
  type AppLocale,
} from "@/lib/i18n/locales";

export const TIME_ZONE = "Asia/Shanghai";

async function resolveLocale(): Promise<AppLocale> {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isAppLocale(cookieLocale)) return cookieLocale;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  const messages = (await import(`../messages/${locale}.json`)) as { default: Messages };
  return { locale, messages: messages.default, timeZone: TIME_ZONE };
});

type Messages = typeof import("../messages/en.json");
