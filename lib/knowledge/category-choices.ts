// Category choices of the article form: top-level categories, each followed by its subcategories.
import { localizedName, type AppLocale } from "@/lib/i18n/locales";

export function categoryChoices(
  rows: { id: number; parentId: number | null; nameZh: string; nameEn: string }[],
  locale: AppLocale,
) {
  const choices: { id: number; name: string; depth: number }[] = [];
  for (const parent of rows.filter((row) => row.parentId === null)) {
    choices.push({ id: parent.id, name: localizedName(locale, parent), depth: 0 });
    for (const child of rows.filter((row) => row.parentId === parent.id))
      choices.push({ id: child.id, name: localizedName(locale, child), depth: 1 });
  }
  return choices;
}
