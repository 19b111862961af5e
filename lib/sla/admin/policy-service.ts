// Use cases of the SLA policy admin page (admin.config): create and update, with audit and last-default protection.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { diffFields, writeAudit } from "@/lib/audit/log";
import { fail, type FieldErrors, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { CLOCK_KINDS, policyInputSchema, policyUpdateSchema, type PolicyInput } from "@/lib/sla/admin/schema";

type SavedPolicy = { id: number; code: string; updatedAt: string };

/** Targets as rows, in the enum's order so audit diffs are stable. */
function targetRows(targets: PolicyInput["targets"]) {
  return CLOCK_KINDS.flatMap((clock) => (targets[clock] === undefined ? [] : [{ clock, minutes: targets[clock] }]));
}

/** Referenced rows must exist (and the code be free) — reported on the field that names them. */
async function referenceErrors(tx: Tx, input: PolicyInput, selfId: number | null): Promise<FieldErrors> {
  const [calendar, severity, tier, channel, sameCode] = await Promise.all([
    tx.businessCalendar.findUnique({ where: { id: input.calendarId }, select: { id: true } }),
    input.matchSeverityId === null
      ? true
      : tx.severity.findUnique({ where: { id: input.matchSeverityId }, select: { id: true } }),
    input.matchTierId === null
      ? true
      : tx.customerTier.findUnique({ where: { id: input.matchTierId }, select: { id: true } }),
    input.matchChannelId === null
      ? true
      : tx.channel.findUnique({ where: { id: input.matchChannelId }, select: { id: true } }),
    tx.slaPolicy.findUnique({ where: { code: input.code }, select: { id: true } }),
  ]);
  const errors: FieldErrors = {};
  if (!calendar) errors.calendarId = ["unknown"];
  if (!severity) errors.matchSeverityId = ["unknown"];
  if (!tier) errors.matchTierId = ["unknown"];
  if (!channel) errors.matchChannelId = ["unknown"];
  if (sameCode && sameCode.id !== selfId) errors.code = ["taken"];
  return errors;
}

function policyData(input: PolicyInput) {
  const { targets: _targets, ...fields } = input;
  return fields;
}

/** Making a policy the active default takes the flag from the others, so exactly one active default remains. */
async function takeDefaultFlag(tx: Tx, actor: Actor, keepId: number) {
  const others = await tx.slaPolicy.findMany({ where: { isDefault: true, id: { not: keepId } }, select: { id: true } });
  if (others.length === 0) return;
  await tx.slaPolicy.updateMany({ where: { id: { in: others.map((p) => p.id) } }, data: { isDefault: false } });
  for (const other of others) {
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "sla_policy.update",
      entityType: "sla_policy",
      entityId: String(other.id),
      changes: { isDefault: { from: true, to: false } },
    });
  }
}

export async function createPolicy(actor: Actor, rawInput: unknown): Promise<Result<{ policy: SavedPolicy }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", "You may not manage SLA policies.");
  const parsed = policyInputSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const errors = await referenceErrors(tx, input, null);
    if (Object.keys(errors).length) return fail("invalid", "Some fields are missing or invalid.", { fields: errors });
    const targets = targetRows(input.targets);
    const created = await tx.slaPolicy.create({
      data: { ...policyData(input), targets: { create: targets } },
      select: { id: true, code: true, updatedAt: true },
    });
    if (input.isDefault && input.active) await takeDefaultFlag(tx, actor, created.id);
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "sla_policy.create",
      entityType: "sla_policy",
      entityId: String(created.id),
      changes: { ...policyData(input), targets },
    });
    return { ok: true as const, policy: { ...created, updatedAt: created.updatedAt.toISOString() } };
  });
}

export async function updatePolicy(
  actor: Actor,
  id: number,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ policy: SavedPolicy }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", "You may not manage SLA policies.");
  const parsed = policyUpdateSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const { version, ...input } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.slaPolicy.findUnique({
      where: { id },
      include: { targets: { select: { clock: true, minutes: true } } },
    });
    if (!before) return fail("not_found", "No such SLA policy.");
    if (before.updatedAt.toISOString() !== version) {
      return fail("conflict", "Someone else changed this policy after you opened it.", {
        details: { currentVersion: before.updatedAt.toISOString() },
      });
    }
    const errors = await referenceErrors(tx, input, id);
    if (Object.keys(errors).length) return fail("invalid", "Some fields are missing or invalid.", { fields: errors });

    const wasActiveDefault = before.isDefault && before.active;
    const staysActiveDefault = input.isDefault && input.active;
    if (wasActiveDefault && !staysActiveDefault) {
      const otherDefault = await tx.slaPolicy.count({ where: { id: { not: id }, isDefault: true, active: true } });
      if (otherDefault === 0) {
        const field = input.isDefault ? "active" : "isDefault";
        return fail("unprocessable", "This is the only active default policy; make another policy the default first.", {
          fields: { [field]: ["last_default"] },
        });
      }
    }

    // The updatedAt condition makes the check-and-write atomic even against a concurrent save.
    const written = await tx.slaPolicy.updateMany({
      where: { id, updatedAt: before.updatedAt },
      data: { ...policyData(input), updatedAt: now },
    });
    if (written.count === 0) return fail("conflict", "Someone else changed this policy after you opened it.");
    const targets = targetRows(input.targets);
    await tx.slaTarget.deleteMany({ where: { policyId: id } });
    await tx.slaTarget.createMany({ data: targets.map((target) => ({ ...target, policyId: id })) });
    if (staysActiveDefault) await takeDefaultFlag(tx, actor, id);

    const beforeTargets = CLOCK_KINDS.flatMap((clock) => before.targets.filter((t) => t.clock === clock));
    const changes = diffFields({ ...before, targets: beforeTargets }, { ...policyData(input), targets });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "sla_policy.update",
      entityType: "sla_policy",
      entityId: String(id),
      changes: JSON.parse(JSON.stringify(changes)),
    });
    return { ok: true as const, policy: { id, code: input.code, updatedAt: now.toISOString() } };
  });
}
