// Use cases on API tokens (admin.tokens): create (the token is returned once), revoke, list.
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { createApiTokenSchema } from "@/lib/api-tokens/schema";
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
  createdBy: { name: string };
};

/** End of the given calendar day in the business time zone. */
function endOfShanghaiDay(date: string): Date {
  return endOfZonedDay(date, BUSINESS_TIME_ZONE);
}

export async function createApiToken(actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ token: string; apiToken: ApiTokenRow }>> {
  if (!can(actor, "admin.tokens")) return fail("forbidden", "You may not manage API tokens.");
  const parsed = createApiTokenSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  const expiresAt = input.expiresOn ? endOfShanghaiDay(input.expiresOn) : null;
  if (expiresAt && expiresAt <= now) return fail("invalid", "The expiry date is in the past.", { fields: { expiresOn: ["in_past"] } });

  const generated = generateApiToken();
  const permissions = [...new Set(input.permissions)];
  const apiToken = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name: input.name, prefix: generated.prefix, tokenHash: generated.hash, permissions, createdById: actor.userId, expiresAt, createdAt: now },
      select: listSelect,
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "api_token.create",
      entityType: "api_token",
      entityId: String(created.id),
      changes: { name: created.name, prefix: created.prefix, permissions, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { ok: true, token: generated.token, apiToken };
}

export async function revokeApiToken(actor: Actor, id: number, now = new Date()): Promise<Result<{ revokedAt: Date }>> {
  if (!can(actor, "admin.tokens")) return fail("forbidden", "You may not manage API tokens.");
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, select: { id: true, revokedAt: true, prefix: true } });
    if (!token) return fail("not_found", "No such API token.");
    if (token.revokedAt) return { ok: true as const, revokedAt: token.revokedAt };
    await tx.apiToken.update({ where: { id }, data: { revokedAt: now } });
    await writeAudit(tx, { actorType: actor.kind, actorId: actor.userId, action: "api_token.revoke", entityType: "api_token", entityId: String(id), changes: { prefix: token.prefix } });
    return { ok: true as const, revokedAt: now };
  });
}

/** Every token, newest first: active ones and revoked ones (kept for the audit trail). */
export async function listApiTokens(actor: Actor): Promise<ApiTokenRow[]> {
  if (!can(actor, "admin.tokens")) return [];
  return db.apiToken.findMany({ orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { id: "desc" }], select: listSelect });
}
