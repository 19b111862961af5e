// Improvement actions (CAPA): managers (improvement.manage) create and edit them, link the complaints they address,
// and follow whether complaints of the root cause fall afterwards. Supervisors may read. Audited, optimistic locking.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { diffFields, writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { complaintScope } from "@/lib/complaints/scope";
import {
  improvementInputSchema,
  improvementUpdateSchema,
  linkComplaintsSchema,
  type ImprovementInput,
} from "@/lib/improvements/schema";

const FORBIDDEN = "You may not manage improvement actions.";
const invalid = (fields: Record<string, string[]>) =>
  fail("invalid", "Some fields are missing or invalid.", { fields });

export function canReadImprovements(actor: Pick<Actor, "permissions">) {
  return can(actor, "improvement.manage") || can(actor, "dashboard.team");
}

const dueAtOf = (dueOn: string | null) => (dueOn ? new Date(`${dueOn}T00:00:00Z`) : null);

async function checkRefs(tx: Tx, input: { rootCauseId: number | null; ownerId: number | null }) {
  const [cause, owner] = await Promise.all([
    input.rootCauseId ? tx.rootCause.findUnique({ where: { id: input.rootCauseId }, select: { id: true } }) : true,
    input.ownerId ? tx.user.findFirst({ where: { id: input.ownerId, active: true }, select: { id: true } }) : true,
  ]);
  const fields: Record<string, string[]> = {};
  if (!cause) fields.rootCauseId = ["unknown"];
  if (!owner) fields.ownerId = ["unknown"];
  return Object.keys(fields).length ? invalid(fields) : null;
}

/** Complaint ids for the references, within what the actor may see; unknown references are a field error. */
async function resolveReferences(tx: Tx, actor: Actor, references: readonly string[]) {
  const wanted = [...new Set(references.map((ref) => ref.trim().toUpperCase()))];
  if (wanted.length === 0) return { ok: true as const, ids: [] as number[] };
  const rows = await tx.complaint.findMany({
    where: { reference: { in: wanted }, ...complaintScope(actor) },
    select: { id: true, reference: true },
  });
  const missing = wanted.filter((ref) => !rows.some((row) => row.reference === ref));
  if (missing.length) return invalid({ complaintReferences: [`unknown:${missing.join(",")}`] });
  return { ok: true as const, ids: rows.map((row) => row.id) };
}

export async function createImprovement(actor: Actor, raw: unknown): Promise<Result<{ id: number }>> {
  if (!can(actor, "improvement.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = improvementInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  return db.$transaction(async (tx) => insertImprovement(tx, actor, parsed.data));
}

/**
 * Creates one improvement action inside the caller's transaction (createImprovement, and an incident's review, which
 * passes its incidentId): checks references, links complaints, writes the audit row. The caller checked permission.
 */
export async function insertImprovement(
  tx: Tx,
  actor: Actor,
  parsed: ImprovementInput,
  origin: { incidentId?: number } = {},
): Promise<Result<{ id: number }>> {
  const { complaintReferences, dueOn, ...input } = parsed;
  const problem = await checkRefs(tx, input);
  if (problem) return problem;
  const linked = await resolveReferences(tx, actor, complaintReferences);
  if (!linked.ok) return linked;
  const created = await tx.improvementAction.create({
    data: {
      ...input,
      description: input.description || null,
      dueAt: dueAtOf(dueOn),
      completedAt: input.status === "done" ? new Date() : null,
      incidentId: origin.incidentId ?? null,
    },
    select: { id: true },
  });
  if (linked.ids.length)
    await tx.improvementActionComplaint.createMany({
      data: linked.ids.map((complaintId) => ({ actionId: created.id, complaintId })),
    });
  await writeAudit(tx, {
    actorType: actor.kind,
    actorId: actor.userId,
    action: "improvement.create",
    entityType: "improvement_action",
    entityId: String(created.id),
    changes: { ...input, dueOn, complaintIds: linked.ids, incidentId: origin.incidentId ?? null },
  });
  return { ok: true as const, id: created.id };
}

export async function updateImprovement(
  actor: Actor,
  id: number,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ version: number }>> {
  if (!can(actor, "improvement.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = improvementUpdateSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { version, dueOn, ...input } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.improvementAction.findUnique({
      where: { id },
      select: {
        title: true,
        description: true,
        kind: true,
        status: true,
        rootCauseId: true,
        ownerId: true,
        dueAt: true,
        completedAt: true,
        version: true,
      },
    });
    if (!before) return fail("not_found", "No such improvement action.");
    const problem = await checkRefs(tx, input);
    if (problem) return problem;
    // Done keeps the first completion time; reopening clears it.
    const completedAt = input.status === "done" ? (before.completedAt ?? now) : null;
    const next = { ...input, description: input.description || null, dueAt: dueAtOf(dueOn), completedAt };
    const written = await tx.improvementAction.updateMany({
      where: { id, version },
      data: { ...next, version: { increment: 1 } },
    });
    if (written.count === 0)
      return fail("conflict", "Someone else changed this improvement action after you opened it.", {
        details: { currentVersion: before.version },
      });
    const changes = diffFields(before as Record<string, unknown>, next);
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "improvement.update",
      entityType: "improvement_action",
      entityId: String(id),
      changes: JSON.parse(JSON.stringify(changes)),
    });
    return { ok: true as const, version: version + 1 };
  });
}

export async function linkComplaints(actor: Actor, id: number, raw: unknown): Promise<Result<{ linked: number }>> {
  if (!can(actor, "improvement.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = linkComplaintsSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  return db.$transaction(async (tx) => {
    if (!(await tx.improvementAction.findUnique({ where: { id }, select: { id: true } })))
      return fail("not_found", "No such improvement action.");
    const linked = await resolveReferences(tx, actor, parsed.data.references);
    if (!linked.ok) return { ...linked, fields: { references: linked.fields?.complaintReferences ?? [] } };
    const created = await tx.improvementActionComplaint.createMany({
      data: linked.ids.map((complaintId) => ({ actionId: id, complaintId })),
      skipDuplicates: true,
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "improvement.link",
      entityType: "improvement_action",
      entityId: String(id),
      changes: { complaintIds: linked.ids },
    });
    return { ok: true as const, linked: created.count };
  });
}

export async function unlinkComplaint(
  actor: Actor,
  id: number,
  complaintId: number,
): Promise<Result<{ unlinked: true }>> {
  if (!can(actor, "improvement.manage")) return fail("forbidden", FORBIDDEN);
  return db.$transaction(async (tx) => {
    const removed = await tx.improvementActionComplaint.deleteMany({ where: { actionId: id, complaintId } });
    if (removed.count === 0) return fail("not_found", "This complaint is not linked.");
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "improvement.unlink",
      entityType: "improvement_action",
      entityId: String(id),
      changes: { complaintId },
    });
    return { ok: true as const, unlinked: true as const };
  });
}
