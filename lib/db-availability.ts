// Recognises "the database is not there right now" (stopped, restarting, unreachable, connection cut, or too busy to
// answer in time) among the errors Prisma and pg throw, so the API can answer 503 with Retry-After instead of a 500;
// and remembers an outage so that pages can answer 503 too (proxy.ts).

// The database is not there: stopped, restarting, unreachable, or the connection was cut.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03", // admin shutdown, crash shutdown, cannot connect now (starting up / shutting down)
  "08000",
  "08001",
  "08003",
  "08004",
  "08006", // connection exceptions
  "P1001",
  "P1002",
  "P1017", // Prisma: can't reach server, timed out, server closed the connection
]);
// Overload rather than absence: no pool connection in time, or the transaction outlived its timeout (rolled back).
// Both are transient and safe to retry, so they get the same 503 + Retry-After, but they do not mean an outage.
const OVERLOAD_CODES = new Set(["P2024", "P2028"]);
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const OVERLOAD_KINDS = new Set(["TooManyConnections"]);
const UNREACHABLE_MESSAGES = [
  /connection terminated/i,
  /can't reach database server/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /client has encountered a connection error/i,
  /connection (refused|reset)/i,
];
const OVERLOAD_MESSAGES = [/timeout exceeded when trying to connect/i];

type Classes = { codes: Set<string>; kinds: Set<string>; messages: RegExp[] };
const UNREACHABLE: Classes = { codes: UNREACHABLE_CODES, kinds: UNREACHABLE_KINDS, messages: UNREACHABLE_MESSAGES };
const OVERLOAD: Classes = { codes: OVERLOAD_CODES, kinds: OVERLOAD_KINDS, messages: OVERLOAD_MESSAGES };

function matches(error: unknown, classes: Classes, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const candidate = error as {
    code?: unknown;
    originalCode?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  if (typeof candidate.code === "string" && classes.codes.has(candidate.code)) return true;
  if (typeof candidate.originalCode === "string" && classes.codes.has(candidate.originalCode)) return true;
  if (typeof candidate.kind === "string" && classes.kinds.has(candidate.kind)) return true;
  if (
    typeof candidate.message === "string" &&
    classes.messages.some((pattern) => pattern.test(candidate.message as string))
  )
    return true;
  return matches(candidate.cause, classes, depth + 1);
}

/** The database is away (stopped, restarting, unreachable, connection cut). */
export function isDatabaseUnreachable(error: unknown): boolean {
  return matches(error, UNREACHABLE);
}

/** The database is away or too busy to answer in time: either way a 503 with Retry-After. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return matches(error, UNREACHABLE) || matches(error, OVERLOAD);
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

// ---------------------------------------------------------------------------------------------------------------
// Outage state: what this process currently believes about the database, so that server-rendered pages can fail
// fast with 503 in proxy.ts instead of rendering into a 500. Healthy operation costs one property read per request:
// nothing probes the database until a real query has failed (or a pooled connection was cut), and then a single
// watcher (lib/db.ts) probes once a second until the database answers again.
// Kept on globalThis under a registered symbol: proxy.ts is bundled apart from the app's server code, so the two
// may hold different instances of this module within the one `next start` process.

type OutageState = {
  /** When this process learned the database was unavailable; null while it is (believed) available. */
  downSince: number | null;
  /** Last time the watcher tried the database (a stale value means no watcher runs: fail open). */
  checkedAt: number;
  /** Started when an outage begins; reports availability when the database answers again. */
  watcher?: () => void;
};

const OUTAGE_KEY = Symbol.for("skyline.databaseOutage");

function outageState(): OutageState {
  const holder = globalThis as { [OUTAGE_KEY]?: OutageState };
  holder[OUTAGE_KEY] ??= { downSince: null, checkedAt: 0 };
  return holder[OUTAGE_KEY];
}

/** A watcher that has not tried the database for this long is presumed dead: requests pass through again. */
const WATCHER_STALE_MS = 15_000;

/** True while the database is known to be away and a watcher is checking for its return. */
export function isDatabaseKnownDown(now = Date.now()): boolean {
  const state = outageState();
  return state.downSince !== null && now - Math.max(state.downSince, state.checkedAt) < WATCHER_STALE_MS;
}

/** Record that the database is unavailable (idempotent); starts the watcher on the first report of an outage. */
export function reportDatabaseUnavailable(now = Date.now()): void {
  const state = outageState();
  if (state.downSince !== null) return;
  state.downSince = now;
  state.checkedAt = now;
  state.watcher?.();
}

/** Record that the database answered. */
export function reportDatabaseAvailable(): void {
  outageState().downSince = null;
}

/** The watcher's heartbeat: it tried the database just now (successfully or not). */
export function reportDatabaseChecked(now = Date.now()): void {
  outageState().checkedAt = now;
}

/** Registers the function that watches for the database's return (lib/db.ts, once per process). */
export function setDatabaseWatcher(watcher: () => void): void {
  outageState().watcher = watcher;
}

/** Reports an outage when `error` says the database is away (overload is not an outage); returns whether it did. */
export function noteIfDatabaseUnreachable(error: unknown): boolean {
  if (!isDatabaseUnreachable(error)) return false;
  reportDatabaseUnavailable();
  return true;
}
