// Use cases on API tokens (admin.tokens): create (the token is returned once), revoke, list.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { createApiTokenSchema, TOKEN_RATE_LIMIT, updateApiTokenLimitSchema } from "@/lib/api-tokens/schema";
import { forgetCachedApiTokens } from "@/lib/api-tokens/authenticate";
import { generateApiToken } from "@/lib/api-tokens/token";
import { BUSINESS_TIME_ZONE, endOfZonedDay } from "@/lib/time/zone";

const listSelect = {
  id: true,
  name: true,
  prefix: true,
  permissions: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  rateLimitPerMinute: true,
  createdBy: { select: { name: true } },
} as const;

export type ApiTokenRow = {
  id: number;
  name: string;
  prefix: string;
  permissions: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  rateLimitPerMinute: number;
  createdBy: { name: string };
};

/** End of the given calendar day in the business time zone. */
function endOfShanghaiDay(date: string): Date {
  return endOfZonedDay(date, BUSINESS_TIME_ZONE);
}

export async function createApiToken(
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ token: string; apiToken: ApiTokenRow }>> {
  if (!can(actor, "admin.tokens")) return fail("forbidden", "You may not manage API tokens.");
  const parsed = createApiTokenSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  const expiresAt = input.expiresOn ? endOfShanghaiDay(input.expiresOn) : null;
  if (expiresAt && expiresAt <= now)
    return fail("invalid", "The expiry date is in the past.", { fields: { expiresOn: ["in_past"] } });

  const generated = generateApiToken();
  const permissions = [...new Set(input.permissions)];
  const rateLimitPerMinute = input.rateLimitPerMinute ?? TOKEN_RATE_LIMIT.default;
  const apiToken = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: input.name,
        prefix: generated.prefix,
        tokenHash: generated.hash,
        permissions,
        createdById: actor.userId,
        expiresAt,
        rateLimitPerMinute,
        createdAt: now,
      },
      select: listSelect,
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "api_token.create",
      entityType: "api_token",
      entityId: String(created.id),
      changes: {
        name: created.name,
        prefix: created.prefix,
        permissions,
        expiresAt: expiresAt?.toISOString() ?? null,
        rateLimitPerMinute,
      },
    });
    return created;
  });
  return { ok: true, token: generated.token, apiToken };
}

export async function revokeApiToken(actor: Actor, id: number, now = new Date()): Promise<Result<{ revokedAt: Date }>> {
  if (!can(actor, "admin.tokens")) return fail("forbidden", "You may not manage API tokens.");
  const result = await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, select: { id: true, revokedAt: true, prefix: true } });
    if (!token) return fail("not_found", "No such API token.");
    if (token.revokedAt) return { ok: true as const, revokedAt: token.revokedAt };
    await tx.apiToken.update({ where: { id }, data: { revokedAt: now } });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "api_token.revoke",
      entityType: "api_token",
      entityId: String(id),
      changes: { prefix: token.prefix },
    });
    return { ok: true as const, revokedAt: now };
  });
  // Every instance drops its cached token rows on the commit's notification; this one at once.
  forgetCachedApiTokens();
  return result;
}

/**
 * Sets a token's requests per minute (issue 20: an integration that needs 3,000/min needs no code change). Refused
 * as a conflict when the limit changed since the admin loaded the page; revoked tokens keep theirs. Takes effect on
 * the next request on every instance (the token cache is notified).
 */
export async function updateApiTokenLimit(
  actor: Actor,
  rawInput: unknown,
): Promise<Result<{ rateLimitPerMinute: number }>> {
  if (!can(actor, "admin.tokens")) return fail("forbidden", "You may not manage API tokens.");
  const parsed = updateApiTokenLimitSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const { id, rateLimitPerMinute, expectedRateLimitPerMinute } = parsed.data;
  const result = await db.$transaction(async (tx): Promise<Result<{ rateLimitPerMinute: number }>> => {
    const token = await tx.apiToken.findUnique({
      where: { id },
      select: { id: true, prefix: true, revokedAt: true, rateLimitPerMinute: true },
    });
    if (!token) return fail("not_found", "No such API token.");
    if (token.revokedAt)
      return fail("invalid", "A revoked token cannot be changed.", { fields: { rateLimitPerMinute: ["revoked"] } });
    if (token.rateLimitPerMinute === rateLimitPerMinute) return { ok: true, rateLimitPerMinute };
    const updated = await tx.apiToken.updateMany({
      where: { id, rateLimitPerMinute: expectedRateLimitPerMinute, revokedAt: null },
      data: { rateLimitPerMinute },
    });
    if (updated.count === 0) return fail("conflict", "Someone else changed this token's limit; reload to see it.");
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "api_token.update",
      entityType: "api_token",
      entityId: String(id),
      changes: { prefix: token.prefix, rateLimitPerMinute: { from: token.rateLimitPerMinute, to: rateLimitPerMinute } },
    });
    return { ok: true, rateLimitPerMinute };
  });
  if (result.ok) forgetCachedApiTokens();
  return result;
}

/** Every token, newest first: active ones and revoked ones (kept for the audit trail). */
export async function listApiTokens(actor: Actor): Promise<ApiTokenRow[]> {
  if (!can(actor, "admin.tokens")) return [];
  return db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { id: "desc" }],
    select: listSelect,
  });
}
