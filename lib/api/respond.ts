// The one mapper from service results to HTTP for /api/v1: status from HTTP_STATUS, body { error: { code, message,
// fields?, details? } }.
import { HTTP_STATUS, type ErrorCode, type Failure } from "@/lib/errors";
import {
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseUnavailable,
  isOutOfRange,
  noteIfDatabaseUnreachable,
} from "@/lib/db-availability";
import { logger } from "@/lib/observability/log";

const NO_STORE = { "Cache-Control": "no-store" } as const;

export type ApiErrorBody = {
  error: { code: ErrorCode | "internal"; message: string; fields?: Failure["fields"]; details?: Failure["details"] };
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/** A successful response: `{ data }`, plus `nextCursor` for lists. */
export function ok(
  data: unknown,
  init: { status?: number; headers?: Record<string, string>; nextCursor?: string | null } = {},
): Response {
  const body = init.nextCursor === undefined ? { data } : { data, nextCursor: init.nextCursor };
  return json(body, init.status ?? 200, init.headers);
}

export function failure(
  result: Pick<Failure, "error" | "message" | "fields" | "details">,
  headers: Record<string, string> = {},
): Response {
  const body: ApiErrorBody = {
    error: {
      code: result.error,
      message: result.message,
      ...(result.fields ? { fields: result.fields } : {}),
      ...(result.details ? { details: result.details } : {}),
    },
  };
  const extra: Record<string, string> =
    result.error === "unauthorized" ? { "WWW-Authenticate": 'Bearer realm="api"' } : {};
  return json(body, HTTP_STATUS[result.error], { ...extra, ...headers });
}

/**
 * Wraps a handler so that an unexpected exception becomes a generic 500 (logged with the request's method and path),
 * never a stack trace in the response.
 */
export function guarded<A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      // The database is stopped, restarting or unreachable: fail fast with 503 and a retry hint; the pool reconnects
      // by itself once it is back.
      if (isDatabaseUnavailable(error)) {
        noteIfDatabaseUnreachable(error); // pages answer 503 from now on (proxy.ts), until the database is back
        return failure(
          { error: "unavailable", message: "The service is temporarily unavailable. Try again shortly." },
          { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
        );
      }
      // A number beyond PostgreSQL's int4 (ids, versions) can only come from the request: a client error, not ours.
      // (Found by the hostile-input tests; the zod schemas should also cap ids at 2147483647.)
      if (isOutOfRange(error))
        return failure({ error: "invalid", message: "A number in the request is out of range." });
      logger.error("[api] unexpected error", { method: request.method, path: new URL(request.url).pathname, error });
      return json(
        {
          error: { code: "internal", message: "Something went wrong on our side. Try again later." },
        } satisfies ApiErrorBody,
        500,
      );
    }
  };
}
