// Typed messages and locales for next-intl: a missing key is a compile error.
import type messages from "../messages/en.json";
import type { AppLocale } from "@/lib/i18n/locales";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
  }
}
