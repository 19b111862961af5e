// Resolves a bearer token to the actor it acts as. Only this module reads token hashes.
import { db } from "@/lib/db";
import { isPermission, type Actor, type Permission } from "@/lib/auth/permissions";
import { hashApiToken, sameHash, tokenPrefix } from "@/lib/api-tokens/token";

/** lastUsedAt is informational; writing it on every request would add a write to every API call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenIdentity = { tokenId: number; actor: Actor };

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
  const candidates = await db.apiToken.findMany({
    where: { prefix },
    omit: { tokenHash: false },
    include: { createdBy: { select: { active: true } } },
  });
  const match = candidates.find((candidate) => sameHash(candidate.tokenHash, hash));
  if (!match || match.revokedAt || (match.expiresAt && match.expiresAt <= now) || !match.createdBy.active) return null;

  if (!match.lastUsedAt || now.getTime() - match.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: match.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  const permissions = new Set<Permission>(match.permissions.filter(isPermission));
  return { tokenId: match.id, actor: { kind: "api_token", userId: match.createdById, role: "agent", teamIds: [], permissions } };
}
