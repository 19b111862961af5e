// Bearer-token authentication for /api/v1: token → actor, per-token rate limit, the endpoint's permission.
import { can, type Actor, type Permission } from "@/lib/auth/permissions";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate";
import { hitRateLimitReserved } from "@/lib/security/rate-limit";
import { failure } from "@/lib/api/respond";

/**
 * The per-token limit's window, and the default number of requests a new token may make in it (each token has its own:
 * api_tokens.rateLimitPerMinute).
 */
export const API_RATE_LIMIT = { requests: 600, windowSeconds: 60 } as const;

export type ApiAuth = { ok: true; actor: Actor } | { ok: false; response: Response };

/**
 * Authenticates the request's bearer token: 401 when missing, malformed, unknown, revoked or expired (one message for
 * all, so callers learn nothing about which tokens exist); 429 with Retry-After above the token's own rate (per minute,
 * set on the token page); 403 when
 * the token lacks `permission` (or all of a list of alternatives), checked before the body is read.
 */
export async function authenticate(request: Request, permission: Permission | readonly Permission[]): Promise<ApiAuth> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const identity = match?.[1] ? await authenticateApiToken(match[1]) : null;
  if (!identity) {
    return {
      ok: false,
      response: failure({
        error: "unauthorized",
        message: "A valid API token is required (Authorization: Bearer <token>).",
      }),
    };
  }
  const limit = await hitRateLimitReserved(
    `api-token:${identity.tokenId}`,
    identity.rateLimitPerMinute,
    API_RATE_LIMIT.windowSeconds,
  );
  if (!limit.allowed) {
    return {
      ok: false,
      response: failure(
        { error: "rate_limited", message: "Too many requests for this token; slow down." },
        { "Retry-After": String(limit.retryAfterSeconds) },
      ),
    };
  }
  const anyOf: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
  if (!anyOf.some((name) => can(identity.actor, name))) {
    return {
      ok: false,
      response: failure({
        error: "forbidden",
        message: `This token lacks the permission ${anyOf.map((name) => `"${name}"`).join(" or ")}.`,
      }),
    };
  }
  return { ok: true, actor: identity.actor };
}
