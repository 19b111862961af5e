// Use case: edit a complaint's fields with optimistic locking; every changed field is on the timeline and audited.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { diffFields, writeAudit } from "@/lib/audit/log";
import { enqueueWebhookEvent } from "@/lib/webhooks/events";
import { fail, type Result } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UpdateComplaintInput } from "@/lib/complaints/schema";
import { claimVersion, keyWhere, type ComplaintKey } from "@/lib/complaints/load";
import { complaintScope } from "@/lib/complaints/scope";
import { recomputeSlaClocks } from "@/lib/sla/recompute";

const EDITABLE = {
  categoryId: true,
  subcategoryId: true,
  touchpointId: true,
  severityId: true,
  priority: true,
  subject: true,
  description: true,
  bookingReference: true,
  flightNumber: true,
  serviceDate: true,
  rootCauseId: true,
  resolutionSummary: true,
} as const;

export async function updateComplaint(
  actor: Actor,
  key: ComplaintKey,
  input: UpdateComplaintInput,
  now = new Date(),
): Promise<Result<{ version: number; changed: string[] }>> {
  if (!can(actor, "complaint.update")) return fail("forbidden", "You may not edit complaints.");
  const { version, serviceDate, ...fields } = input;

  return db.$transaction(async (tx) => {
    const before = await tx.complaint.findFirst({
      where: { ...keyWhere(key), ...complaintScope(actor) },
      select: { id: true, status: true, ...EDITABLE },
    });
    if (!before) return fail("not_found", "No such complaint.");
    if (before.status === "closed" || before.status === "duplicate")
      return fail("unprocessable", "A closed complaint cannot be edited.");

    const next: Record<string, unknown> = { ...fields };
    if (serviceDate !== undefined)
      next.serviceDate = serviceDate === null ? null : new Date(`${serviceDate}T00:00:00Z`);
    const categoryId = fields.categoryId === undefined ? before.categoryId : fields.categoryId;
    const subcategoryId = fields.subcategoryId === undefined ? before.subcategoryId : fields.subcategoryId;
    if (subcategoryId) {
      const sub = await tx.category.findUnique({ where: { id: subcategoryId }, select: { parentId: true } });
      if (!sub || sub.parentId !== categoryId)
        return fail("invalid", "The subcategory does not belong to the category.", {
          fields: { subcategoryId: ["not_in_category"] },
        });
    }
    // Ids must name existing rows: checked up front, since a failed foreign key would abort the transaction.
    const [severity, category, touchpoint, rootCause] = await Promise.all([
      fields.severityId ? tx.severity.findUnique({ where: { id: fields.severityId }, select: { id: true } }) : true,
      fields.categoryId
        ? tx.category.findFirst({ where: { id: fields.categoryId, parentId: null }, select: { id: true } })
        : true,
      fields.touchpointId
        ? tx.touchpoint.findUnique({ where: { id: fields.touchpointId }, select: { id: true } })
        : true,
      fields.rootCauseId ? tx.rootCause.findUnique({ where: { id: fields.rootCauseId }, select: { id: true } }) : true,
    ]);
    const unknown = Object.entries({
      severityId: severity,
      categoryId: category,
      touchpointId: touchpoint,
      rootCauseId: rootCause,
    }).filter(([, row]) => !row);
    if (unknown.length)
      return fail("invalid", "A field names a record that does not exist.", {
        fields: Object.fromEntries(unknown.map(([field]) => [field, ["unknown"]])),
      });

    const changes = diffFields(before as Record<string, unknown>, next);
    if (Object.keys(changes).length === 0) return { ok: true as const, version, changed: [] };

    const claimed = await claimVersion(tx, before.id, version);
    if (claimed !== true) return claimed;
    await tx.complaint.update({ where: { id: before.id }, data: next as Prisma.ComplaintUncheckedUpdateInput });
    const jsonChanges = JSON.parse(JSON.stringify(changes)) as Prisma.InputJsonValue;
    await tx.complaintEvent.create({
      data: {
        complaintId: before.id,
        kind: "field_changed",
        actorType: actor.kind,
        actorId: actor.userId,
        createdAt: now,
        data: jsonChanges,
      },
    });
    // A new severity or priority can mean another SLA policy or other targets: due times are recomputed and explained.
    if ("severityId" in changes || "priority" in changes) {
      await recomputeSlaClocks(
        tx,
        before.id,
        now,
        actor.userId,
        "severityId" in changes ? "severity_changed" : "priority_changed",
      );
    }
    await enqueueWebhookEvent(
      tx,
      "complaint.updated",
      { complaintId: before.id, change: { fields: Object.keys(changes) } },
      now,
    );
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "complaint.update",
      entityType: "complaint",
      entityId: String(before.id),
      changes: jsonChanges,
    });
    return { ok: true as const, version: version + 1, changed: Object.keys(changes) };
  });
}
