// The cookie that keeps a user's reads on the primary right after they wrote (lib/db-replica.ts); set by proxy.ts,
// which must not import the database modules, hence its own file.
export const PRIMARY_COOKIE = "skyline-read-primary";
/** Longer than a healthy replica's lag; the replica's lag is on the dashboard and in /api/metrics. */
export const PRIMARY_COOKIE_SECONDS = 15;

/** True for requests that may write (server actions, API writes): they and the next pages read from the primary. */
export function mayWrite(method: string): boolean {
  return method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
}
