// Sign-in throttles for administrators (admin.users): what is being slowed or made to wait now, and clearing one
// (audited), e.g. after a user who shares an office address with a noisy client calls the help desk.
import "server-only";
import { z } from "zod";
import { can, type Actor } from "@/lib/auth/permissions";
import { THROTTLE, accountFailuresNow, accountSlowMs, pairWaiting } from "@/lib/auth/throttle";
import { writeAudit } from "@/lib/audit/log";
import { UNKNOWN_ADDRESS } from "@/lib/auth/sign-in";
import { fieldErrors } from "@/lib/complaints/validation";
import { db } from "@/lib/db";
import { fail, type Result } from "@/lib/errors";

const LIST_LIMIT = 100;
/** Pairs with at least this many failures are listed even when not waiting at the moment. */
const LIST_MIN_FAILURES = 3;

export type ThrottleState = "waiting" | "slowed" | "watching";

export type SignInThrottleView = {
  key: string;
  email: string;
  /** Null: the account-wide row (all addresses). */
  ip: string | null;
  /** False when the client address was not known (requests without one share a pair per account). */
  addressKnown: boolean;
  failures: number;
  refused: number;
  lastFailureAt: Date;
  state: ThrottleState;
  /** When the pair may try again (waiting pairs only). */
  until: Date | null;
};

/**
 * Throttle rows worth an administrator's look, most recent first: waiting pairs, slowed accounts, repeated failures.
 */
export async function listSignInThrottles(actor: Actor, now = new Date()): Promise<SignInThrottleView[]> {
  if (!can(actor, "admin.users")) return [];
  const rows = await db.signInThrottle.findMany({
    where: {
      lastFailureAt: { gt: new Date(now.getTime() - THROTTLE.pairForgetMs) },
      OR: [{ failures: { gte: LIST_MIN_FAILURES } }, { refused: { gt: 0 } }, { nextAllowedAt: { gt: now } }],
    },
    orderBy: [{ lastFailureAt: "desc" }, { key: "asc" }],
    take: LIST_LIMIT,
  });
  return rows.flatMap((row): SignInThrottleView[] => {
    const isAccount = row.ip === null;
    const failures = isAccount ? accountFailuresNow(row, now) : row.failures;
    const state: ThrottleState =
      !isAccount && pairWaiting(row, now)
        ? "waiting"
        : isAccount && accountSlowMs(failures) > 0
          ? "slowed"
          : "watching";
    if (isAccount && failures < LIST_MIN_FAILURES) return [];
    return [
      {
        key: row.key,
        email: row.email,
        ip: row.ip,
        addressKnown: row.ip !== UNKNOWN_ADDRESS,
        failures,
        refused: row.refused,
        lastFailureAt: row.lastFailureAt,
        state,
        until: state === "waiting" ? row.nextAllowedAt : null,
      },
    ];
  });
}

export const clearSignInThrottleSchema = z.object({ key: z.string().trim().min(1).max(400) });

/** Forgets one throttle row (the account or one address of it); the next attempt starts from zero. Audited. */
export async function clearSignInThrottle(actor: Actor, rawInput: unknown): Promise<Result<{ cleared: true }>> {
  if (!can(actor, "admin.users")) return fail("forbidden", "You may not manage users.");
  const parsed = clearSignInThrottleSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", "Invalid throttle.", { fields: fieldErrors(parsed.error) });
  return db.$transaction(async (tx) => {
    const row = await tx.signInThrottle.findUnique({ where: { key: parsed.data.key } });
    if (!row) return fail("not_found", "This throttle has already ended or been cleared.");
    await tx.signInThrottle.delete({ where: { key: row.key } });
    const user = await tx.user.findUnique({ where: { email: row.email }, select: { id: true } });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "auth.throttle_cleared",
      entityType: "user",
      entityId: user ? String(user.id) : null,
      changes: {
        email: row.email,
        ip: row.ip,
        failures: row.failures,
        refused: row.refused,
        nextAllowedAt: row.nextAllowedAt?.toISOString() ?? null,
      },
    });
    return { ok: true as const, cleared: true as const };
  });
}
