// Use case: the user saves their own interface language.
import "server-only";
import { db } from "@/lib/db";
import { toDbLocale, type AppLocale } from "@/lib/i18n/locales";

/** Save the user's interface language, so it follows them to other devices and into e-mails. */
export async function setUserLocale(userId: number, locale: AppLocale): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale: toDbLocale(locale) }, select: { id: true } });
}
