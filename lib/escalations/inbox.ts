// Read query of the supervisors' escalation inbox: escalations owned by the actor or by the supervisors of the actor's
// teams (colleagues cover for each other), plus unowned ones of those teams. Active ones first, oldest first; then
// handled ones, most recent first. Cursor "a:<id>" pages through the active part, "c:<id>" through the handled part.
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { fail, type Result } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ComplaintStatus, EscalationOutcome, EscalationReason } from "@/lib/generated/prisma/enums";
import { escalationInboxSchema, type EscalationInboxFilter } from "@/lib/escalations/schema";
import { ACTIVE_OUTCOMES } from "@/lib/escalations/service";
import { fieldErrors } from "@/lib/complaints/validation";

export type EscalationInboxRow = {
  id: number;
  level: number;
  fromLevel: number;
  reason: EscalationReason;
  note: string | null;
  outcome: EscalationOutcome;
  outcomeNote: string | null;
  createdAt: Date;
  acknowledgedAt: Date | null;
  closedAt: Date | null;
  ageMinutes: number;
  owner: { id: number; name: string } | null;
  complaint: {
    id: number;
    reference: string;
    subject: string;
    status: ComplaintStatus;
    version: number;
    teamId: number | null;
    nextDueAt: Date | null;
    resolutionDueAt: Date | null;
    slaBreached: boolean;
    assignee: { id: number; name: string } | null;
  };
};

const select = {
  id: true, level: true, fromLevel: true, reason: true, note: true, outcome: true, outcomeNote: true, createdAt: true, acknowledgedAt: true, closedAt: true,
  owner: { select: { id: true, name: true } },
  complaint: {
    select: {
      id: true, reference: true, subject: true, status: true, version: true, teamId: true, nextDueAt: true, resolutionDueAt: true, slaBreached: true,
      assignee: { select: { id: true, name: true } },
    },
  },
} as const satisfies Prisma.EscalationSelect;

function visibleTo(actor: Actor): Prisma.EscalationWhereInput {
  return {
    OR: [
      { ownerId: actor.userId },
      { owner: { supervisedTeams: { some: { id: { in: actor.teamIds } } } } },
      { ownerId: null, complaint: { teamId: { in: actor.teamIds } } },
    ],
  };
}

export async function escalationInbox(actor: Actor, rawFilter: EscalationInboxFilter = {}, now = new Date()): Promise<Result<{ rows: EscalationInboxRow[]; nextCursor: string | null }>> {
  if (!can(actor, "escalation.manage")) return fail("forbidden", "You may not manage escalations.");
  const parsed = escalationInboxSchema.safeParse(rawFilter);
  if (!parsed.success) return fail("invalid", "Invalid filter.", { fields: fieldErrors(parsed.error) });
  const { status, cursor, limit } = parsed.data;
  const [phase, after] = cursor ? [cursor[0], Number(cursor.slice(2))] : [status === "closed" ? "c" : "a", null];
  const active = { outcome: { in: [...ACTIVE_OUTCOMES] } } satisfies Prisma.EscalationWhereInput;

  const rows: Awaited<ReturnType<typeof fetchActive>> = [];
  if (phase === "a") rows.push(...(await fetchActive(actor, active, after, limit + 1)));
  const wantClosed = status !== "open" && rows.length <= limit;
  if (wantClosed) {
    const closedAfter = phase === "c" ? after : null;
    rows.push(...(await fetchClosed(actor, active, closedAfter, limit + 1 - rows.length)));
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const more = rows.length > limit;
  const nextCursor = more && last ? `${(ACTIVE_OUTCOMES as readonly EscalationOutcome[]).includes(last.outcome) ? "a" : "c"}:${last.id}` : null;
  return {
    ok: true as const,
    rows: page.map((row) => ({ ...row, ageMinutes: Math.max(0, Math.floor((now.getTime() - row.createdAt.getTime()) / 60_000)) })),
    nextCursor,
  };
}

function fetchActive(actor: Actor, active: Prisma.EscalationWhereInput, after: number | null, take: number) {
  return db.escalation.findMany({
    where: { AND: [visibleTo(actor), active, ...(after !== null ? [{ id: { gt: after } }] : [])] },
    orderBy: { id: "asc" },
    take,
    select,
  });
}

function fetchClosed(actor: Actor, active: Prisma.EscalationWhereInput, after: number | null, take: number) {
  return db.escalation.findMany({
    where: { AND: [visibleTo(actor), { NOT: active }, ...(after !== null ? [{ id: { lt: after } }] : [])] },
    orderBy: { id: "desc" },
    take,
    select,
  });
}

/** Badge count for the navigation: active escalations in the actor's inbox. */
export async function openEscalationCount(actor: Actor): Promise<number> {
  if (!can(actor, "escalation.manage")) return 0;
  return db.escalation.count({ where: { AND: [visibleTo(actor), { outcome: { in: [...ACTIVE_OUTCOMES] } }] } });
}
