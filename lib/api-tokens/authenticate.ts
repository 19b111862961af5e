// Resolves a bearer token to the actor it acts as. Only this module reads token hashes.
import "server-only";
import { db } from "@/lib/db";
import { isPermission, type Actor, type Permission } from "@/lib/auth/permissions";
import { hashApiToken, sameHash, tokenPrefix } from "@/lib/api-tokens/token";
import { cacheHub, ReferenceCache } from "@/lib/reference/cache";

/** lastUsedAt is informational; writing it on every request would add a write to every API call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Token rows are kept in memory between requests (issue 20: the look-up was a round trip on every API call). A
 * revocation, expiry change, limit change or the creator's deactivation notifies every instance
 * (lib/reference/cache.ts)
 * and drops them at once; the minute below is only a safety net. Expiry itself is checked on every request.
 */
const TOKEN_CACHE_TTL_MS = 60_000;

export type TokenIdentity = { tokenId: number; actor: Actor; rateLimitPerMinute: number };

type TokenRow = {
  id: number;
  tokenHash: string;
  permissions: string[];
  createdById: number;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  rateLimitPerMinute: number;
  createdBy: { active: boolean };
};

const globalForTokens = globalThis as unknown as { skylineTokenCache?: ReferenceCache<string, TokenRow[]> };
function tokenCache() {
  globalForTokens.skylineTokenCache ??= new ReferenceCache<string, TokenRow[]>(cacheHub(), ["api_tokens", "users"], {
    ttlMs: TOKEN_CACHE_TTL_MS,
  });
  return globalForTokens.skylineTokenCache;
}

/** Drops cached token rows in this process at once (after a revocation or limit change committed here). */
export function forgetCachedApiTokens() {
  cacheHub().invalidate("api_tokens");
}

/**
 * The token's actor, or null when the token is malformed, unknown, revoked, expired, or its creator is deactivated.
 * The actor acts in the creator's name (timeline and audit show the creator with actor type "api_token"), holds
 * exactly the token's permissions, and belongs to no team, so it sees complaints only with "complaint.read_all".
 * Its role is "agent": the role only sets compensation approval limits, and a token approves nothing.
 */
export async function authenticateApiToken(token: string, now = new Date()): Promise<TokenIdentity | null> {
  const prefix = tokenPrefix(token);
  if (!prefix) return null;
  const hash = hashApiToken(token);
  const candidates = await tokenCache().get(prefix, () =>
    db.apiToken.findMany({
      where: { prefix },
      select: {
        id: true,
        tokenHash: true,
        permissions: true,
        createdById: true,
        expiresAt: true,
        revokedAt: true,
        lastUsedAt: true,
        rateLimitPerMinute: true,
        createdBy: { select: { active: true } },
      },
    }),
  );
  const match = candidates.find((candidate) => sameHash(candidate.tokenHash, hash));
  if (!match || match.revokedAt || (match.expiresAt && match.expiresAt <= now) || !match.createdBy.active) return null;

  if (!match.lastUsedAt || now.getTime() - match.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    match.lastUsedAt = now; // the cached row too: one write a minute per token and instance
    await db.apiToken.update({ where: { id: match.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  const permissions = new Set<Permission>(match.permissions.filter(isPermission));
  return {
    tokenId: match.id,
    rateLimitPerMinute: match.rateLimitPerMinute,
    actor: { kind: "api_token", userId: match.createdById, role: "agent", teamIds: [], permissions },
  };
}
