// Loading a complaint for a change: inside the actor's scope, with the optimistic-lock version checked.
import "server-only";
import { parseId } from "@/lib/validation";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { fail, type Failure } from "@/lib/errors";
import { complaintScope } from "@/lib/complaints/scope";
import { REFERENCE_PATTERN } from "@/lib/complaints/reference";
import { CONFLICT_FIELDS, type ConflictField } from "@/lib/complaints/constants";

/** Complaints are addressed by numeric id internally and by reference (CMP-…) in URLs and the API. */
export type ComplaintKey = number | string;

export function keyWhere(key: ComplaintKey) {
  if (typeof key === "number") return { id: key };
  // An id beyond int4 names nothing (and would make Prisma throw): match no row.
  if (/^\d+$/.test(key)) return { id: parseId(key) ?? -1 };
  return { reference: REFERENCE_PATTERN.test(key) ? key : "__invalid__" };
}

const changeSelect = {
  id: true,
  reference: true,
  status: true,
  version: true,
  assigneeId: true,
  teamId: true,
  customerId: true,
  escalationLevel: true,
  firstResponseAt: true,
  resolvedAt: true,
  updatedAt: true,
} as const;

export type ComplaintForChange = {
  id: number;
  reference: string;
  status: import("@/lib/generated/prisma/enums").ComplaintStatus;
  version: number;
  assigneeId: number | null;
  teamId: number | null;
  customerId: number;
  escalationLevel: number;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  updatedAt: Date;
};

/** The complaint, or not_found when it does not exist or lies outside the actor's scope (no existence leak). */
export async function loadForChange(
  tx: Tx,
  actor: Actor | null,
  key: ComplaintKey,
): Promise<ComplaintForChange | Failure> {
  const complaint = await tx.complaint.findFirst({
    where: { ...keyWhere(key), ...(actor ? complaintScope(actor) : {}) },
    select: changeSelect,
  });
  return complaint ?? fail("not_found", "No such complaint.");
}

/**
 * Bumps the version if it is still the one the caller saw; otherwise a conflict that names who changed which fields
 * since that version (from the timeline events written after it), so the second person never silently overwrites
 * the first and the UI can say what to look at.
 */
export async function claimVersion(tx: Tx, complaintId: number, expectedVersion: number): Promise<true | Failure> {
  const claimed = await tx.complaint.updateMany({
    where: { id: complaintId, version: expectedVersion },
    data: { version: { increment: 1 } },
  });
  if (claimed.count === 1) {
    // Timeline events written by the rest of this transaction record the new version (complaint_events.version's
    // default reads this transaction-local setting).
    await tx.$executeRaw`SELECT set_config('skyline.complaint_version', ${String(expectedVersion + 1)}, true)`;
    return true;
  }
  const current = await tx.complaint.findUnique({
    where: { id: complaintId },
    select: { version: true, status: true, updatedAt: true },
  });
  const since = await tx.complaintEvent.findMany({
    where: { complaintId, version: { gt: expectedVersion } },
    orderBy: { id: "asc" },
    take: 50,
    select: { kind: true, createdAt: true, data: true, actor: { select: { name: true } } },
  });
  const lastChange =
    since.at(-1) ??
    (await tx.complaintEvent.findFirst({
      where: { complaintId },
      orderBy: { id: "desc" },
      select: { kind: true, createdAt: true, data: true, actor: { select: { name: true } } },
    }));
  const changedFields = [...new Set(since.flatMap((event) => changedFieldsOf(event.kind, event.data)))];
  const changedBy = [...new Set(since.flatMap((event) => (event.actor?.name ? [event.actor.name] : [])))];
  const statusChange = since.findLast((event) => event.kind === "status_changed");
  const newStatus =
    statusChange && typeof statusChange.data === "object" && statusChange.data !== null && "to" in statusChange.data
      ? statusChange.data.to
      : null;
  return fail(
    "conflict",
    changedFields.length
      ? `Someone else changed this complaint after you opened it: ${changedFields.join(", ")}.`
      : "Someone else changed this complaint after you opened it.",
    {
      details: {
        currentVersion: current?.version ?? null,
        status: current?.status ?? null,
        changedFields,
        changedBy,
        newStatus,
        lastChange: lastChange
          ? {
              kind: lastChange.kind,
              at: lastChange.createdAt.toISOString(),
              by: lastChange.actor?.name ?? null,
              data: lastChange.data,
            }
          : null,
      },
    },
  );
}

/** What a timeline event changed, in the vocabulary of CONFLICT_FIELDS (field_changed events list their fields). */
export function changedFieldsOf(kind: string, data: unknown): ConflictField[] {
  switch (kind) {
    case "field_changed": {
      const keys = typeof data === "object" && data !== null ? Object.keys(data) : [];
      return keys.map((key) => CONFLICT_FIELDS.find((field) => field === key) ?? "other");
    }
    case "status_changed":
    case "merged":
      return ["status"];
    case "assigned":
    case "handed_over":
      return ["assignee"];
    case "escalated":
    case "de_escalated":
    case "escalation_acknowledged":
      return ["escalationLevel"];
    case "reply":
    case "call":
    case "note":
    case "customer_message":
      return [kind];
    case "compensation_proposed":
    case "compensation_approved":
    case "compensation_rejected":
    case "compensation_issued":
      return ["compensation"];
    case "sla_recomputed":
    case "sla_extended":
      return ["sla"];
    default:
      return [];
  }
}

export function isFailure(value: unknown): value is Failure {
  return typeof value === "object" && value !== null && "ok" in value && (value as { ok: unknown }).ok === false;
}
