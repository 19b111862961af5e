"use server";
// Server action behind the language switcher (login page and app shell): anyone may switch; a signed-in user's
// choice is also stored on their account.
import { cookies } from "next/headers";
import { z } from "zod";
import { definePublicAction } from "@/lib/actions/define";
import { getCurrentUser } from "@/lib/auth/session";
import { setUserLocale } from "@/lib/users/set-user-locale";
import { LOCALES, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/lib/i18n/locales";

export type SetLocaleResult = { ok: true } | { ok: false; error: "invalid" };

export const setLocale = definePublicAction(
  {
    name: "setLocale",
    schema: z.enum(LOCALES),
    refused: (): SetLocaleResult => ({ ok: false, error: "invalid" }),
    revalidate: [["/", "layout"]],
  },
  async (locale): Promise<SetLocaleResult> => {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      maxAge: LOCALE_COOKIE_MAX_AGE,
      path: "/",
      sameSite: "lax",
      httpOnly: false,
    });
    const user = await getCurrentUser();
    if (user && user.locale !== locale) await setUserLocale(user.id, locale);
    return { ok: true };
  },
);
