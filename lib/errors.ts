// One error vocabulary for services, the one mapper from zod issues to field errors, and the one into HTTP.
import { z } from "zod";

export type ErrorCode =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "unprocessable"
  | "rate_limited"
  | "unavailable"
  | "too_large";

export type FieldErrors = Record<string, string[]>;

export type Failure = {
  ok: false;
  error: ErrorCode;
  message: string;
  fields?: FieldErrors;
  /** For conflicts: what the other person changed, so the UI can show it. */
  details?: Record<string, unknown>;
};

export type Result<T> = ({ ok: true } & T) | Failure;

export function fail(error: ErrorCode, message: string, extra: Pick<Failure, "fields" | "details"> = {}): Failure {
  return { ok: false, error, message, ...extra };
}

/**
 * Zod's own messages ("Invalid option: expected one of …") as codes of the errors.field vocabulary, so the API's
 * `fields` and the forms never carry English sentences; a schema's explicit message (already a code) wins. Global
 * for zod, set where the one field-error mapper lives (every boundary that parses imports this module).
 */
export function zodIssueCode(issue: {
  code: string;
  input?: unknown;
  origin?: string;
  expected?: string;
  minimum?: unknown;
}): string {
  // A missing field, whatever the schema expected of it (an enum reports a missing value as invalid_value).
  if (issue.input === undefined || issue.input === null) return "required";
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "int" ? "integer" : "invalid";
    case "too_small":
      if (issue.origin === "string") return issue.minimum === 1 ? "required" : "too_short";
      return issue.origin === "array" || issue.origin === "set" ? "too_few" : "too_small";
    case "too_big":
      if (issue.origin === "string") return "too_long";
      return issue.origin === "array" || issue.origin === "set" ? "too_many" : "too_big";
    default:
      return "invalid";
  }
}

z.config({ customError: (issue) => zodIssueCode(issue as Parameters<typeof zodIssueCode>[0]) });

/** Field-level messages from a zod error, keyed by dotted path (e.g. "customer.email"), for forms and the API. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** The answer to input a schema rejected, at whichever boundary parsed it. */
export function invalidInput(error: z.ZodError, message = "Some fields are missing or invalid."): Failure {
  return fail("invalid", message, { fields: fieldErrors(error) });
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
  too_large: 413,
};
