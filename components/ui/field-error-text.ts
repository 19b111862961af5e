// Field error codes to words, one lookup for every form instead of a per-form list of known codes: the form's own
// wording when its namespace has one (`errors.<code>`, e.g. "A team with this code already exists."), else the
// shared errors.field.<code> (lib/i18n/field-errors.ts), else errors.field.invalid. Codes never reach the screen.
import { useTranslations } from "next-intl";

/** A next-intl translator looked up with keys known only at run time (the codes); `has` guards every lookup. */
type LooseTranslator = { (key: string): string; has(key: string): boolean };

/**
 * `form`: the form's translator (from useTranslations of its namespace; typed `object` because each namespace's
 * translator is
 * its own type). `prefix`: where its wording sits ("errors" → `<ns>.errors.<code>`; "" → `<ns>.<code>`).
 */
export function useFieldErrorText(form: object, prefix = "errors") {
  const own = form as unknown as LooseTranslator;
  const shared = useTranslations("errors.field") as unknown as LooseTranslator;
  return (code: string | undefined): string | undefined => {
    if (!code) return undefined;
    const key = prefix ? `${prefix}.${code}` : code;
    if (own.has(key)) return own(key);
    return shared.has(code) ? shared(code) : shared("invalid");
  };
}
