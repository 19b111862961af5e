// Server-action requests that Next 16 itself would refuse with a 500 (its action handler throws for a foreign
// Origin and for a body over serverActions.bodySizeLimit, and maps both to 500): proxy.ts answers them first with
// the status they deserve. Pure, so it is unit-tested; what Next still answers 500 is in docs/decisions.md.

/** Next's default serverActions.bodySizeLimit (next.config.ts does not change it). */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export type ActionRefusal = { status: 403 | 413; message: string };

/** A POST to a page that Next would treat as a server action (fetch action, or a no-JavaScript multipart form post). */
export function isServerActionRequest(method: string, pathname: string, headers: Headers): boolean {
  if (method !== "POST" || pathname.startsWith("/api/")) return false;
  return (
    headers.has("next-action") || (headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")
  );
}

/**
 * 413 when the declared body exceeds the action limit; 403 when the Origin names another host than both the
 * forwarded host and the Host header (Next compares with one of them; refusing only when neither matches never
 * turns away a request Next would accept). No Origin: Next lets the call through (no browser sends it without one).
 */
export function refuseServerActionRequest(headers: Headers): ActionRefusal | null {
  const declared = Number(headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > SERVER_ACTION_BODY_LIMIT_BYTES) {
    return {
      status: 413,
      message: `The request body is larger than the server action limit of 1 MB (${SERVER_ACTION_BODY_LIMIT_BYTES} bytes).`,
    };
  }
  const origin = headers.get("origin");
  if (origin === null) return null;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return { status: 403, message: "The Origin header is not a valid origin." };
  }
  const forwardedHost = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (originHost === headers.get("host") || (forwardedHost && originHost === forwardedHost)) return null;
  return { status: 403, message: "Server actions are accepted only from this site's own pages." };
}
