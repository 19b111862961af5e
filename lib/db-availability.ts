// Recognises "the database is not there right now" (stopped, restarting, unreachable, connection cut, or too busy to
// answer in time) among the errors Prisma and pg throw, so the API can answer 503 with Retry-After instead of a 500.

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE",
  "57P01", "57P02", "57P03", // admin shutdown, crash shutdown, cannot connect now (starting up / shutting down)
  "08000", "08001", "08003", "08004", "08006", // connection exceptions
  "P1001", "P1002", "P1017", // Prisma: can't reach server, timed out, server closed the connection
  // Overload rather than absence: no pool connection in time, or the transaction outlived its timeout (rolled back).
  // Both are transient and safe to retry, so they get the same 503 + Retry-After.
  "P2024", "P2028",
]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /can't reach database server/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /client has encountered a connection error/i,
  /connection (refused|reset)/i,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const candidate = error as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown };
  if (typeof candidate.code === "string" && UNAVAILABLE_CODES.has(candidate.code)) return true;
  if (typeof candidate.originalCode === "string" && UNAVAILABLE_CODES.has(candidate.originalCode)) return true;
  if (typeof candidate.kind === "string" && UNAVAILABLE_KINDS.has(candidate.kind)) return true;
  if (typeof candidate.message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(candidate.message as string))) return true;
  return isDatabaseUnavailable(candidate.cause, depth + 1);
}

/** Seconds a client should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Prisma P2020 / PostgreSQL 22003: a value does not fit its column type (e.g. an id above 2^31 − 1). */
export function isOutOfRange(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const candidate = error as { code?: unknown; originalCode?: unknown; cause?: unknown };
  if (candidate.code === "P2020" || candidate.code === "22003" || candidate.originalCode === "22003") return true;
  return isOutOfRange(candidate.cause, depth + 1);
}
