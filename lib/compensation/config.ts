// Compensation configuration (admin.config): which kinds agents may propose, each role's approval limit, and the
// points-per-CNY rate at which miles/points are compared with CNY limits. Stored in ApprovalLimit and Settings.
import "server-only";
import { z } from "zod";
import { db, type Db, type Tx } from "@/lib/db";
import { can, ROLES, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { COMPENSATION_KINDS } from "@/lib/compensation/schema";
import {
  DEFAULT_APPROVAL_LIMITS,
  formatAmount,
  LIMIT_CURRENCY,
  pointsPerCny,
  POINTS_RATE_SETTING,
} from "@/lib/compensation/limits";
import { rowVersion } from "@/lib/reference/version";

export const ENABLED_KINDS_SETTING = "compensation.enabledKinds";

/** Kinds agents may propose; all of them when the setting is absent. */
export async function enabledCompensationKinds(client: Db | Tx): Promise<(typeof COMPENSATION_KINDS)[number][]> {
  const row = await client.setting.findUnique({ where: { key: ENABLED_KINDS_SETTING }, select: { value: true } });
  if (!Array.isArray(row?.value)) return [...COMPENSATION_KINDS];
  const stored = row.value;
  return COMPENSATION_KINDS.filter((kind) => stored.includes(kind));
}

/** Roles that handle compensation and so have an approval limit on the form (a department liaison handles none). */
const LIMIT_ROLES = ROLES.filter((role) => role !== "liaison");

const amount = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, "amount_format");

export const compensationConfigSchema = z.object({
  enabledKinds: z.array(z.enum(COMPENSATION_KINDS)).min(1, "kind_required"),
  limits: z.object(
    Object.fromEntries(LIMIT_ROLES.map((role) => [role, amount])) as Record<
      (typeof LIMIT_ROLES)[number],
      typeof amount
    >,
  ),
  pointsPerCny: z.number("integer").int("integer").min(1, "rate_range").max(100_000, "rate_range"),
  version: z.string().min(1),
});

async function currentConfig(client: Db | Tx) {
  const [enabledKinds, rows, rate] = await Promise.all([
    enabledCompensationKinds(client),
    client.approvalLimit.findMany(),
    pointsPerCny(client),
  ]);
  const limits = Object.fromEntries(
    LIMIT_ROLES.map((role) => {
      const row = rows.find((r) => r.role === role);
      return [role, row ? row.amount.toFixed(2) : DEFAULT_APPROVAL_LIMITS[role]];
    }),
  ) as Record<(typeof LIMIT_ROLES)[number], string>;
  const config = { enabledKinds, limits, pointsPerCny: rate };
  return { ...config, version: rowVersion(config) };
}

export async function compensationConfig() {
  return currentConfig(db);
}

export async function saveCompensationConfig(actor: Actor, raw: unknown): Promise<Result<{ version: string }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", "You may not configure compensation.");
  const parsed = compensationConfigSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const { version, ...input } = parsed.data;
  const limits = Object.fromEntries(Object.entries(input.limits).map(([role, value]) => [role, formatAmount(value)]));
  return db.$transaction(async (tx) => {
    // Serialise concurrent saves so the version check below sees the other save.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('compensation.config'))`;
    const before = await currentConfig(tx);
    if (before.version !== version)
      return fail("conflict", "Someone else changed the compensation settings after you opened them.");
    const enabledKinds = COMPENSATION_KINDS.filter((kind) => input.enabledKinds.includes(kind));
    await tx.setting.upsert({
      where: { key: ENABLED_KINDS_SETTING },
      create: { key: ENABLED_KINDS_SETTING, value: enabledKinds },
      update: { value: enabledKinds },
    });
    await tx.setting.upsert({
      where: { key: POINTS_RATE_SETTING },
      create: { key: POINTS_RATE_SETTING, value: input.pointsPerCny },
      update: { value: input.pointsPerCny },
    });
    for (const role of LIMIT_ROLES) {
      const value = limits[role] ?? "0.00";
      await tx.approvalLimit.upsert({
        where: { role },
        create: { role, amount: value, currency: LIMIT_CURRENCY },
        update: { amount: value },
      });
    }
    const after = { enabledKinds, limits, pointsPerCny: input.pointsPerCny };
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "compensation_config.update",
      entityType: "setting",
      entityId: "compensation",
      changes: {
        before: { enabledKinds: before.enabledKinds, limits: before.limits, pointsPerCny: before.pointsPerCny },
        after,
      },
    });
    return { ok: true as const, version: rowVersion(after) };
  });
}
