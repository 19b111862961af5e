// Field error codes to words, one lookup for every form instead of a per-form list of known codes: the form's own
// wording when its namespace has one (`errors.<code>`, e.g. "A team with this code already exists."), else the
// shared errors.field.<code> (lib/i18n/field-errors.ts), else errors.field.invalid. Codes never reach the screen.
import { useTranslations } from "next-intl";

type Translator = ReturnType<typeof useTranslations>;

export function useFieldErrorText(own: Translator) {
  const shared = useTranslations("errors.field");
  return (code: string | undefined): string | undefined => {
    if (!code) return undefined;
    if (own.has(`errors.${code}`)) return own(`errors.${code}`);
    return shared.has(code) ? shared(code) : shared("invalid");
  };
}
