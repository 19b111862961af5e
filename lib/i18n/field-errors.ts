// One vocabulary of field error codes, from the zod schemas and services to the screen: a schema's custom message IS
// a code (never an English sentence), and the forms translate it with errors.field.<code> in messages/*.json. A code
// the catalogue does not know (a zod default message) reads as "invalid value". Safe in client components.
const FIELD_ERROR_CODES = [
  "required",
  "too_long",
  "invalid_code",
  "integer",
  "too_small",
  "too_big",
  "too_short",
  "too_few",
  "too_many",
  "percent_range",
  "target_positive",
  "unknown",
  "taken",
  "last_default",
  "invalid_date",
  "bad_clock",
  "period_order",
  "overlap",
  "no_hours",
  "bad_zone",
  "duplicate_date",
  "invalid",
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** The first error of a field → its code in errors.field.*; undefined when the field has no error. */
export function fieldErrorCode(message: string | undefined): FieldErrorCode | undefined {
  if (message === undefined) return undefined;
  return (FIELD_ERROR_CODES as readonly string[]).includes(message) ? (message as FieldErrorCode) : "invalid";
}
