// Rating a customer's value factors (0–100 each) recomputes and stores the value score (SPEC §8).
import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/log";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fail, type Result } from "@/lib/errors";
import { activeCustomer, customerScope } from "@/lib/customers/scope";
import {
  computeValueScore,
  parseValueFactors,
  parseValueWeights,
  VALUE_SCORE_SETTING,
  valueFactorsSchema,
} from "@/lib/customers/value-score";

export async function updateValueFactors(
  actor: Actor,
  customerId: number,
  raw: unknown,
): Promise<Result<{ score: number; version: number }>> {
  if (!can(actor, "customer.update")) return fail("forbidden", "You may not edit customers.");
  const parsed = valueFactorsSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", "Ratings are whole numbers from 0 to 100.", {
      fields: z.flattenError(parsed.error).fieldErrors,
    });
  const { version, factors } = parsed.data;
  return db.$transaction(async (tx): Promise<Result<{ score: number; version: number }>> => {
    const before = await tx.customer.findFirst({
      where: { AND: [{ id: customerId }, customerScope(actor), activeCustomer] },
      select: { valueFactors: true, valueScore: true, version: true },
    });
    if (!before) return fail("not_found", "Customer not found.");
    if (before.version !== version)
      return fail("conflict", "The customer was changed by someone else; reload and try again.");
    const setting = await tx.setting.findUnique({ where: { key: VALUE_SCORE_SETTING }, select: { value: true } });
    const weights = parseValueWeights(setting?.value);
    const next = { ...parseValueFactors(before.valueFactors) };
    for (const [key, rating] of Object.entries(factors)) {
      if (!(key in weights)) continue;
      if (rating === null) delete next[key];
      else next[key] = rating;
    }
    const { score } = computeValueScore(next, weights);
    const { count } = await tx.customer.updateMany({
      where: { id: customerId, version },
      data: { valueFactors: next, valueScore: score, version: { increment: 1 } },
    });
    if (count === 0) return fail("conflict", "The customer was changed by someone else; reload and try again.");
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "customer.value_update",
      entityType: "customer",
      entityId: String(customerId),
      changes: {
        valueFactors: { from: parseValueFactors(before.valueFactors), to: next },
        valueScore: { from: before.valueScore, to: score },
      },
    });
    return { ok: true, score, version: version + 1 };
  });
}
