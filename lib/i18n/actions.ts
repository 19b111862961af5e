"use server";
// Server action behind the language switcher (login page and app shell).
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { setUserLocale } from "@/lib/users/service";
import { LOCALES, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/lib/i18n/locales";
import { actionArg, guardAction } from "@/lib/actions/guard";

const setLocaleSchema = z.enum(LOCALES);

export type SetLocaleResult = { ok: true } | { ok: false; error: "invalid" };

export const setLocale = guardAction("setLocale", z.tuple([actionArg.input]), async (input: unknown): Promise<SetLocaleResult> => {
  const parsed = setLocaleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const locale = parsed.data;

  (await cookies()).set(LOCALE_COOKIE, locale, {
    maxAge: LOCALE_COOKIE_MAX_AGE,
    path: "/",
    sameSite: "lax",
    httpOnly: false,
  });
  const user = await getCurrentUser();
  if (user && user.locale !== locale) await setUserLocale(user.id, locale);
  revalidatePath("/", "layout");
  return { ok: true };
}, () => ({ ok: false as const, error: "invalid" as const }));
