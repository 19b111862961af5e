// One error vocabulary for services, the one mapper from zod issues to field errors, and the one into HTTP.
import type { z } from "zod";

export type ErrorCode = "invalid" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "unprocessable" | "rate_limited" | "unavailable" | "too_large";

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
