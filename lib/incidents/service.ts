// Incident use cases: declare, report, change status, edit the customer script / resolution text, exclude a complaint
// from bulk resolution. Each checks incident.manage, runs in one transaction with its timeline event and audit row,
// and guards concurrent edits with the incident's version.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrors } from "@/lib/complaints/validation";
import {
  declareIncidentSchema,
  exclusionSchema,
  incidentReportSchema,
  incidentStatusSchema,
  incidentTextsSchema,
} from "@/lib/incidents/schema";
import { firstReportDue, nextUpdateDue } from "@/lib/incidents/clock";
import { onIncidentDeclared } from "@/lib/incidents/declare-effects";

const FORBIDDEN = "Only supervisors and managers on duty can manage incidents.";

export async function recordIncidentEvent(
  tx: Tx,
  incidentId: number,
  actorId: number | null,
  kind: string,
  body: string | null,
  data: Prisma.InputJsonValue | undefined,
  now: Date,
) {
  await tx.incidentEvent.create({ data: { incidentId, actorId, kind, body, data, createdAt: now } });
}

const dateOrNull = (value: string | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

export async function declareIncident(
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ id: number }>> {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = declareIncidentSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  const owner = await db.user.findFirst({
    where: { id: input.ownerId, active: true, role: { in: ["supervisor", "manager"] } },
    select: { id: true },
  });
  if (!owner)
    return fail("invalid", "The owner must be an active supervisor or manager.", { fields: { ownerId: ["unknown"] } });
  if (input.scope.categoryIds.length > 0) {
    const known = await db.category.count({ where: { id: { in: input.scope.categoryIds } } });
    if (known !== input.scope.categoryIds.length)
      return fail("invalid", "Unknown category.", { fields: { "scope.categoryIds": ["unknown"] } });
  }
  const startedAt = input.startedAt ?? now;
  return db.$transaction(async (tx) => {
    const incident = await tx.incident.create({
      data: {
        type: input.type,
        level: input.level,
        title: input.title,
        description: input.description,
        impactEstimate: input.impactEstimate,
        affectedEstimate: input.affectedEstimate ?? null,
        expectedRecoveryAt: input.expectedRecoveryAt ?? null,
        ownerId: owner.id,
        declaredById: actor.userId,
        customerScript: input.customerScript,
        startedAt,
        flightNumbers: input.scope.flightNumbers,
        serviceDateFrom: dateOrNull(input.scope.serviceDateFrom),
        serviceDateTo: dateOrNull(input.scope.serviceDateTo),
        airports: input.scope.airports,
        affected: input.scope.products,
        categoryIds: input.scope.categoryIds,
        keywords: input.scope.keywords,
        windowStart: input.scope.windowStart ?? null,
        windowEnd: input.scope.windowEnd ?? null,
        firstReportDueAt: firstReportDue(now),
        createdAt: now,
      },
      select: { id: true },
    });
    await recordIncidentEvent(
      tx,
      incident.id,
      actor.userId,
      "declared",
      input.impactEstimate,
      { level: input.level, type: input.type, ownerId: owner.id },
      now,
    );
    await onIncidentDeclared(
      tx,
      { id: incident.id, type: input.type, level: input.level, startedAt },
      actor.userId,
      now,
    );
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "incident.declare",
      entityType: "incident",
      entityId: String(incident.id),
      changes: {
        title: input.title,
        level: input.level,
        type: input.type,
        scope: {
          ...input.scope,
          windowStart: input.scope.windowStart?.toISOString() ?? null,
          windowEnd: input.scope.windowEnd?.toISOString() ?? null,
        },
      },
    });
    return { ok: true as const, id: incident.id };
  });
}

/** Bumps the version if it is still `version`; a stale edit gets a conflict (someone else changed the incident). */
async function claimIncident(tx: Tx, id: number, version: number): Promise<true | ReturnType<typeof fail>> {
  const claimed = await tx.incident.updateMany({ where: { id, version }, data: { version: { increment: 1 } } });
  if (claimed.count === 1) return true;
  const exists = await tx.incident.findUnique({ where: { id }, select: { version: true } });
  if (!exists) return fail("not_found", "No such incident.");
  return fail("conflict", "Someone else changed this incident; reload to see their change.", {
    details: { version: exists.version },
  });
}

export async function reportIncident(
  actor: Actor,
  id: number,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ version: number }>> {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = incidentReportSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const claimed = await claimIncident(tx, id, input.version);
    if (claimed !== true) return claimed;
    const incident = await tx.incident.findUniqueOrThrow({
      where: { id },
      select: { level: true, status: true, firstReportAt: true, firstReportDueAt: true },
    });
    const first = incident.firstReportAt === null;
    await tx.incident.update({
      where: { id },
      data: {
        ...(first ? { firstReportAt: now } : {}),
        nextUpdateDueAt: incident.status === "active" ? nextUpdateDue(incident.level, now) : null,
        ...(input.impactEstimate ? { impactEstimate: input.impactEstimate } : {}),
        ...(input.expectedRecoveryAt !== undefined ? { expectedRecoveryAt: input.expectedRecoveryAt } : {}),
      },
    });
    const late = first && incident.firstReportDueAt !== null && now > incident.firstReportDueAt;
    await recordIncidentEvent(
      tx,
      id,
      actor.userId,
      "report",
      input.body,
      {
        first,
        late,
        impactEstimate: input.impactEstimate,
        expectedRecoveryAt: input.expectedRecoveryAt?.toISOString() ?? null,
      },
      now,
    );
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "incident.report",
      entityType: "incident",
      entityId: String(id),
      changes: { first, late },
    });
    return { ok: true as const, version: input.version + 1 };
  });
}

export async function changeIncidentStatus(
  actor: Actor,
  id: number,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ version: number }>> {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = incidentStatusSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.incident.findUnique({ where: { id }, select: { status: true, level: true } });
    if (!before) return fail("not_found", "No such incident.");
    if (before.status === input.status)
      return fail("unprocessable", "The incident already has this status.", { fields: { status: ["unchanged"] } });
    // Handbook 003 ch. 5: an incident closes with its review (复盘, lib/incidents/review.ts).
    if (
      input.status === "closed" &&
      !(await tx.incidentReview.findUnique({ where: { incidentId: id }, select: { id: true } }))
    ) {
      return fail("unprocessable", "Write the incident's review before closing it.", {
        fields: { status: ["review_required"] },
      });
    }
    const claimed = await claimIncident(tx, id, input.version);
    if (claimed !== true) return claimed;
    await tx.incident.update({
      where: { id },
      data: {
        status: input.status,
        recoveredAt: input.status === "active" ? null : before.status === "active" ? now : undefined,
        // Only an active incident owes status updates; reactivating restarts the clock from now.
        nextUpdateDueAt: input.status === "active" ? nextUpdateDue(before.level, now) : null,
      },
    });
    await recordIncidentEvent(
      tx,
      id,
      actor.userId,
      "status_changed",
      input.note,
      { from: before.status, to: input.status },
      now,
    );
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "incident.status",
      entityType: "incident",
      entityId: String(id),
      changes: { status: { from: before.status, to: input.status } },
    });
    return { ok: true as const, version: input.version + 1 };
  });
}

export async function updateIncidentTexts(
  actor: Actor,
  id: number,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ version: number }>> {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = incidentTextsSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.incident.findUnique({
      where: { id },
      select: { customerScript: true, resolutionText: true },
    });
    if (!before) return fail("not_found", "No such incident.");
    const claimed = await claimIncident(tx, id, input.version);
    if (claimed !== true) return claimed;
    await tx.incident.update({
      where: { id },
      data: { customerScript: input.customerScript, resolutionText: input.resolutionText },
    });
    const changes = {
      customerScript: { from: before.customerScript, to: input.customerScript },
      resolutionText: { from: before.resolutionText, to: input.resolutionText },
    };
    await recordIncidentEvent(tx, id, actor.userId, "texts_changed", null, changes, now);
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "incident.texts",
      entityType: "incident",
      entityId: String(id),
      changes,
    });
    return { ok: true as const, version: input.version + 1 };
  });
}

/** Leaves a linked complaint out of (or back in) bulk resolution: it needs individual handling. */
export async function setExclusion(
  actor: Actor,
  id: number,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ excluded: boolean }>> {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = exclusionSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const { complaintId, excluded } = parsed.data;
  return db.$transaction(async (tx) => {
    // Row lock: two clicks at once must not lose each other's exclusion.
    const rows = await tx.$queryRaw<
      { excludedComplaintIds: number[] }[]
    >`SELECT "excludedComplaintIds" FROM incidents WHERE id = ${id} FOR UPDATE`;
    const row = rows[0];
    if (!row) return fail("not_found", "No such incident.");
    const linked = await tx.complaint.findFirst({
      where: { id: complaintId, incidentId: id },
      select: { reference: true },
    });
    if (!linked) return fail("not_found", "The complaint is not linked to this incident.");
    const set = new Set(row.excludedComplaintIds);
    if (excluded) set.add(complaintId);
    else set.delete(complaintId);
    await tx.incident.update({ where: { id }, data: { excludedComplaintIds: [...set] } });
    await recordIncidentEvent(
      tx,
      id,
      actor.userId,
      excluded ? "excluded" : "included",
      null,
      { complaintId, reference: linked.reference },
      now,
    );
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: excluded ? "incident.exclude" : "incident.include",
      entityType: "incident",
      entityId: String(id),
      changes: { complaintId },
    });
    return { ok: true as const, excluded };
  });
}
