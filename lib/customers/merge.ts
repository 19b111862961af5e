// Merging two customer records into one (SPEC §2 "merge keeps all history"), and undoing it within 30 days.
// The snapshot on CustomerMerge holds the survivor's overwritten fields and the ids of every moved row, so the undo
// moves back exactly those rows and nothing that was added to the survivor afterwards.
import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/log";
import { can, type Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { fail, type Result } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromDbLocale, LOCALE_NATIVE_NAMES } from "@/lib/i18n/locales";
import { presentCustomer } from "@/lib/customers/mask";
import { customerScope } from "@/lib/customers/scope";

import { MERGE_FIELDS, type MergeSide } from "@/lib/customers/merge-fields";
import { idSchema } from "@/lib/validation";

export { MERGE_FIELDS };
export const UNDO_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const mergeCustomersSchema = z
  .object({
    survivorId: idSchema,
    mergedId: idSchema,
    survivorVersion: idSchema,
    mergedVersion: idSchema,
    /** Per field, whose value the survivor keeps; missing fields keep the survivor's own. */
    pick: z.partialRecord(z.enum(MERGE_FIELDS), z.enum(["survivor", "merged"])).default({}),
  })
  .refine((input) => input.survivorId !== input.mergedId, { message: "same_customer", path: ["mergedId"] });
export type MergeCustomersInput = z.input<typeof mergeCustomersSchema>;

const mergeRecordSelect = {
  id: true,
  name: true,
  phone: true,
  email: true,
  idNumber: true,
  locale: true,
  membershipNumber: true,
  tierId: true,
  company: true,
  specialNeeds: true,
  tags: true,
  consentContact: true,
  consentSurvey: true,
  consentMarketing: true,
  mergedIntoId: true,
  anonymizedAt: true,
  version: true,
} satisfies Prisma.CustomerSelect;
type MergeRecord = Prisma.CustomerGetPayload<{ select: typeof mergeRecordSelect }>;

type SurvivorSnapshot = Omit<MergeRecord, "id" | "mergedIntoId" | "anonymizedAt" | "version">;
export type MergeSnapshot = {
  survivorBefore: SurvivorSnapshot;
  moved: { complaintIds: number[]; surveyIds: number[]; taskIds: number[]; changeRequestIds: number[] };
};

/** Locks both rows in id order (no deadlock between two merges of the same pair in opposite directions). */
async function lockCustomers(tx: Tx, ids: number[]) {
  const sorted = [...ids].sort((a, b) => a - b);
  await tx.$queryRaw`SELECT id FROM customers WHERE id = ANY(${sorted}::int[]) ORDER BY id FOR UPDATE`;
}

function snapshotOf(record: MergeRecord): SurvivorSnapshot {
  const { id: _id, mergedIntoId: _m, anonymizedAt: _a, version: _v, ...fields } = record;
  return fields;
}

export async function mergeCustomers(
  actor: Actor,
  raw: unknown,
): Promise<Result<{ mergeId: number; survivorId: number }>> {
  if (!can(actor, "customer.merge")) return fail("forbidden", "You may not merge customers.");
  const parsed = mergeCustomersSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", "Choose two different customers.", { fields: z.flattenError(parsed.error).fieldErrors });
  const input = parsed.data;

  return db.$transaction(async (tx): Promise<Result<{ mergeId: number; survivorId: number }>> => {
    await lockCustomers(tx, [input.survivorId, input.mergedId]);
    const rows = await tx.customer.findMany({
      where: { AND: [{ id: { in: [input.survivorId, input.mergedId] } }, customerScope(actor)] },
      select: mergeRecordSelect,
    });
    const survivor = rows.find((row) => row.id === input.survivorId);
    const merged = rows.find((row) => row.id === input.mergedId);
    if (!survivor || !merged) return fail("not_found", "Customer not found.");
    for (const record of [survivor, merged]) {
      if (record.mergedIntoId !== null)
        return fail("conflict", "One of the customers was merged in the meantime.", {
          details: { customerId: record.id },
        });
      if (record.anonymizedAt !== null) return fail("unprocessable", "Anonymised customers cannot be merged.");
    }
    if (survivor.version !== input.survivorVersion || merged.version !== input.mergedVersion) {
      return fail("conflict", "One of the customers was changed by someone else; review them again before merging.");
    }

    const data: Prisma.CustomerUncheckedUpdateInput = {};
    for (const field of MERGE_FIELDS) {
      if (input.pick[field] === "merged") Object.assign(data, { [field]: merged[field] });
    }
    if (
      !(data.phone === undefined ? survivor.phone : data.phone) &&
      !(data.email === undefined ? survivor.email : data.email)
    ) {
      return fail("invalid", "The merged customer needs a phone number or an e-mail address.", {
        fields: { phone: ["contact_required"] },
      });
    }
    data.tags = [...new Set([...survivor.tags, ...merged.tags])];
    // Consent is kept only where both records gave it: the stricter choice wins.
    data.consentContact = survivor.consentContact && merged.consentContact;
    data.consentSurvey = survivor.consentSurvey && merged.consentSurvey;
    data.consentMarketing = survivor.consentMarketing && merged.consentMarketing;

    const [complaints, surveys, tasks, changeRequests] = await Promise.all([
      tx.complaint.findMany({ where: { customerId: merged.id }, select: { id: true } }),
      tx.survey.findMany({ where: { customerId: merged.id }, select: { id: true } }),
      tx.followUpTask.findMany({ where: { customerId: merged.id }, select: { id: true } }),
      tx.customerChangeRequest.findMany({ where: { customerId: merged.id }, select: { id: true } }),
    ]);
    const moved = {
      complaintIds: complaints.map((row) => row.id),
      surveyIds: surveys.map((row) => row.id),
      taskIds: tasks.map((row) => row.id),
      changeRequestIds: changeRequests.map((row) => row.id),
    };
    await tx.complaint.updateMany({ where: { id: { in: moved.complaintIds } }, data: { customerId: survivor.id } });
    await tx.survey.updateMany({ where: { id: { in: moved.surveyIds } }, data: { customerId: survivor.id } });
    await tx.followUpTask.updateMany({ where: { id: { in: moved.taskIds } }, data: { customerId: survivor.id } });
    await tx.customerChangeRequest.updateMany({
      where: { id: { in: moved.changeRequestIds } },
      data: { customerId: survivor.id },
    });

    await tx.customer.update({ where: { id: survivor.id }, data: { ...data, version: { increment: 1 } } });
    await tx.customer.update({
      where: { id: merged.id },
      data: { mergedIntoId: survivor.id, version: { increment: 1 } },
    });
    const snapshot: MergeSnapshot = { survivorBefore: snapshotOf(survivor), moved };
    const merge = await tx.customerMerge.create({
      data: {
        sourceId: merged.id,
        targetId: survivor.id,
        snapshot: snapshot as unknown as Prisma.InputJsonObject,
        mergedById: actor.userId,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "customer.merge",
      entityType: "customer",
      entityId: String(survivor.id),
      changes: {
        mergeId: merge.id,
        mergedCustomerId: merged.id,
        pickedFromMerged: MERGE_FIELDS.filter((field) => input.pick[field] === "merged"),
        moved: { complaints: moved.complaintIds.length, surveys: moved.surveyIds.length, tasks: moved.taskIds.length },
      },
    });
    return { ok: true, mergeId: merge.id, survivorId: survivor.id };
  });
}

function parseSnapshot(value: Prisma.JsonValue): MergeSnapshot | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const snapshot = value as unknown as MergeSnapshot;
  if (!snapshot.survivorBefore || !snapshot.moved || !Array.isArray(snapshot.moved.complaintIds)) return null;
  return snapshot;
}

/** Who may undo a merge: administrators with the privacy permission (docs/decisions.md). */
export function canUndoMerge(actor: Pick<Actor, "permissions">) {
  return can(actor, "admin.privacy");
}

/**
 * Undoes a merge within 30 days: the merged-away customer is restored, exactly the moved rows go back to it, and the
 * survivor's fields overwritten by the merge get their earlier values. Refused when the survivor has since been
 * merged into a third record or anonymised, when the merge is older than 30 days, or when it was already undone.
 */
export async function undoCustomerMerge(
  actor: Actor,
  mergeId: number,
  now = new Date(),
): Promise<Result<{ restoredId: number }>> {
  if (!canUndoMerge(actor)) return fail("forbidden", "Only administrators may undo a merge.");
  return db.$transaction(async (tx): Promise<Result<{ restoredId: number }>> => {
    const [locked] = await tx.$queryRaw<
      { id: number }[]
    >`SELECT id FROM customer_merges WHERE id = ${mergeId} FOR UPDATE`;
    if (!locked) return fail("not_found", "Merge not found.");
    const merge = await tx.customerMerge.findUniqueOrThrow({ where: { id: mergeId } });
    if (merge.revertedAt) return fail("conflict", "This merge has already been undone.");
    if (now.getTime() - merge.mergedAt.getTime() > UNDO_WINDOW_DAYS * DAY_MS) {
      return fail("unprocessable", `A merge can be undone within ${UNDO_WINDOW_DAYS} days only.`, {
        details: { reason: "expired" },
      });
    }
    const snapshot = parseSnapshot(merge.snapshot);
    if (!snapshot) return fail("unprocessable", "The merge record cannot be undone (no snapshot).");
    await lockCustomers(tx, [merge.sourceId, merge.targetId]);
    const survivor = await tx.customer.findUnique({
      where: { id: merge.targetId },
      select: { mergedIntoId: true, anonymizedAt: true },
    });
    const restored = await tx.customer.findUnique({
      where: { id: merge.sourceId },
      select: { mergedIntoId: true, anonymizedAt: true },
    });
    if (!survivor || !restored) return fail("not_found", "Customer not found.");
    if (survivor.mergedIntoId !== null) {
      return fail(
        "unprocessable",
        "The surviving customer has since been merged into another record; undo that merge first.",
        { details: { reason: "survivor_merged" } },
      );
    }
    if (survivor.anonymizedAt !== null || restored.anonymizedAt !== null) {
      return fail("unprocessable", "The customer has been anonymised; the merge cannot be undone.", {
        details: { reason: "anonymised" },
      });
    }
    if (restored.mergedIntoId !== merge.targetId)
      return fail("conflict", "The merged customer is no longer part of this merge.");

    const { moved } = snapshot;
    const back = { customerId: merge.sourceId };
    const from = { customerId: merge.targetId };
    const counts = {
      complaints: (await tx.complaint.updateMany({ where: { id: { in: moved.complaintIds }, ...from }, data: back }))
        .count,
      surveys: (await tx.survey.updateMany({ where: { id: { in: moved.surveyIds }, ...from }, data: back })).count,
      tasks: (await tx.followUpTask.updateMany({ where: { id: { in: moved.taskIds }, ...from }, data: back })).count,
      changeRequests: (
        await tx.customerChangeRequest.updateMany({
          where: { id: { in: moved.changeRequestIds ?? [] }, ...from },
          data: back,
        })
      ).count,
    };
    await tx.customer.update({
      where: { id: merge.targetId },
      data: { ...snapshot.survivorBefore, version: { increment: 1 } },
    });
    await tx.customer.update({
      where: { id: merge.sourceId },
      data: { mergedIntoId: null, version: { increment: 1 } },
    });
    await tx.customerMerge.update({ where: { id: mergeId }, data: { revertedAt: now } });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "customer.merge_undo",
      entityType: "customer",
      entityId: String(merge.targetId),
      changes: { mergeId, restoredCustomerId: merge.sourceId, movedBack: counts },
    });
    return { ok: true, restoredId: merge.sourceId };
  });
}

export type MergeHistoryRow = {
  id: number;
  mergedAt: Date;
  revertedAt: Date | null;
  mergedBy: string | null;
  source: { id: number; name: string };
  undoableUntil: Date;
};

/** Merges into this customer, newest first (shown on the customer page; admins get the undo button). */
export async function listMergesInto(actor: Actor, customerId: number): Promise<MergeHistoryRow[]> {
  if (!can(actor, "customer.read")) return [];
  const merges = await db.customerMerge.findMany({
    where: { targetId: customerId },
    orderBy: { mergedAt: "desc" },
    take: 20,
  });
  if (merges.length === 0) return [];
  const [sources, users] = await Promise.all([
    db.customer.findMany({ where: { id: { in: merges.map((m) => m.sourceId) } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: merges.map((m) => m.mergedById) } }, select: { id: true, name: true } }),
  ]);
  const sourceName = new Map(sources.map((row) => [row.id, row.name]));
  const userName = new Map(users.map((row) => [row.id, row.name]));
  return merges.map((merge) => ({
    id: merge.id,
    mergedAt: merge.mergedAt,
    revertedAt: merge.revertedAt,
    mergedBy: userName.get(merge.mergedById) ?? null,
    source: { id: merge.sourceId, name: sourceName.get(merge.sourceId) ?? "" },
    undoableUntil: new Date(merge.mergedAt.getTime() + UNDO_WINDOW_DAYS * DAY_MS),
  }));
}

/**
 * The two records side by side for the merge form (contact data as the actor may see it); null if either is
 * unavailable.
 */
export async function getMergePreview(
  actor: Actor,
  survivorId: number,
  mergedId: number,
): Promise<{ survivor: MergeSide; merged: MergeSide } | null> {
  if (!can(actor, "customer.merge") || survivorId === mergedId) return null;
  const rows = await db.customer.findMany({
    where: {
      AND: [{ id: { in: [survivorId, mergedId] } }, customerScope(actor), { mergedIntoId: null, anonymizedAt: null }],
    },
    select: {
      ...mergeRecordSelect,
      tier: { select: { nameZh: true, nameEn: true } },
      _count: { select: { complaints: true } },
    },
  });
  const side = (id: number): MergeSide | null => {
    const row = rows.find((candidate) => candidate.id === id);
    if (!row) return null;
    const shown = presentCustomer(row, actor);
    return {
      id: row.id,
      version: row.version,
      values: {
        name: row.name,
        phone: shown.phone,
        email: shown.email,
        idNumber: shown.idNumber,
        locale: LOCALE_NATIVE_NAMES[fromDbLocale(row.locale)],
        membershipNumber: row.membershipNumber,
        tierId: row.tier ? `${row.tier.nameZh} / ${row.tier.nameEn}` : null,
        company: row.company,
        specialNeeds: row.specialNeeds,
      },
      tags: row.tags,
      complaintCount: row._count.complaints,
    };
  };
  const survivor = side(survivorId);
  const merged = side(mergedId);
  return survivor && merged ? { survivor, merged } : null;
}
