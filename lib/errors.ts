// One error vocabulary for services, and the one mapper that turns it into HTTP.
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
