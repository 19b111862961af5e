// The UI languages: one list, one cookie name, and conversions to the Prisma `Locale` enum (zh_CN / en).
import type { Locale as DbLocale } from "@/lib/generated/prisma/enums";

export const LOCALES = ["zh-CN", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: AppLocale = "zh-CN";
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365; // one year, in seconds

/** Each language named in itself, for the language switcher. */
export const LOCALE_NATIVE_NAMES: Record<AppLocale, string> = {
  "zh-CN": "简体中文",
  en: "English",
};

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function toDbLocale(locale: AppLocale): DbLocale {
  return locale === "zh-CN" ? "zh_CN" : "en";
}

export function fromDbLocale(locale: DbLocale): AppLocale {
  return locale === "zh_CN" ? "zh-CN" : "en";
}

/** Best match for an Accept-Language header: any Chinese variant → zh-CN, any other language → en. */
export function localeFromAcceptLanguage(header: string | null | undefined): AppLocale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag.length > 0 && entry.tag !== "*" && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const best = ranked[0];
  if (!best) return null;
  return best.tag.startsWith("zh") ? "zh-CN" : "en";
}

/** Pick the name of a bilingual reference-data row (team, category, severity …) for the UI language. */
export function localizedName(locale: AppLocale, row: { nameZh: string; nameEn: string }): string {
  return locale === "zh-CN" ? row.nameZh : row.nameEn;
}
