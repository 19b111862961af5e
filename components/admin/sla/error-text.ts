// Field error codes from the SLA admin services → translated text; unknown codes (zod defaults) read "invalid value".
export const KNOWN_FIELD_ERRORS = [
  "required", "too_long", "invalid_code", "integer", "too_small", "too_big", "percent_range", "target_positive", "unknown", "taken",
  "last_default", "invalid_date", "bad_clock", "period_order", "overlap", "no_hours", "bad_zone", "duplicate_date",
] as const;
export type KnownFieldError = (typeof KNOWN_FIELD_ERRORS)[number];

// lib/sla/calendar-schema.ts speaks English sentences; these map them onto codes.
const SENTENCES: Record<string, KnownFieldError> = {
  "expected HH:MM between 00:00 and 24:00": "bad_clock",
  "a period must start before it ends": "period_order",
  "periods must be sorted and must not overlap": "overlap",
  "an office calendar needs working hours on at least one weekday": "no_hours",
  "unknown IANA time zone": "bad_zone",
  "a date may appear only once": "duplicate_date",
};

export function errorCode(message: string | undefined): KnownFieldError | "invalid" | undefined {
  if (message === undefined) return undefined;
  if ((KNOWN_FIELD_ERRORS as readonly string[]).includes(message)) return message as KnownFieldError; // checked just above
  return SENTENCES[message] ?? "invalid";
}
