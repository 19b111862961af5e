// Read query of the supervisors' escalation inbox: escalations owned by the actor or by the supervisors of the actor's
// teams (colleagues cover for each other), plus unowned ones of those teams. Active ones first, oldest first; then
// handled ones, most recent first. Cursor "a:<id>" pages through the active part, "c:<id>" through the handled part.
import "server-only";
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
  id: true,
  level: true,
  fromLevel: true,
  reason: true,
  note: true,
  outcome: true,
  outcomeNote: true,
  createdAt: true,
  acknowledgedAt: true,
  closedAt: true,
  owner: { select: { id: true, name: true } },
  complaint: {
    select: {
      id: true,
      reference: true,
      subject: true,
      status: true,
      version: true,
      teamId: true,
      nextDueAt: true,
      resolutionDueAt: true,
      slaBreached: true,
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

export async function escalationInbox(
  actor: Actor,
  rawFilter: EscalationInboxFilter = {},
  now = new Date(),
): Promise<Result<{ rows: EscalationInboxRow[]; nextCursor: string | null }>> {
  if (!can(actor, "escalation.manage")) return fail("forbidden", "You may not manage escalations.");
  const parsed = escalationInboxSchema.safeParse(rawFilter);
  if (!parsed.success) return fail("invalid", "Invalid filter.", { fields: fieldErrors(parsed.error) });
  const { status, cursor, limit } = parsed.data;
  // Unacknowledged escalations first, oldest first (they wait for someone); then acknowledged ones and then closed
  // ones, newest first (what was just handled stays in sight). The cursor names the group of the last row and its id.
  const [phase, after] = cursor
    ? [cursor[0] as Phase, Number(cursor.slice(2))]
    : ([status === "closed" ? "c" : "o", null] as const);
  const phases: Phase[] = (["o", "a", "c"] as const).filter(
    (candidate) => PHASE_ORDER[candidate] >= PHASE_ORDER[phase] && (candidate !== "c" || status !== "open"),
  );

  const rows: Awaited<ReturnType<typeof fetchPhase>> = [];
  for (const current of phases) {
    if (rows.length > limit) break;
    rows.push(...(await fetchPhase(actor, current, current === phase ? after : null, limit + 1 - rows.length)));
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const more = rows.length > limit;
  const nextCursor = more && last ? `${phaseOf(last.outcome)}:${last.id}` : null;
  return {
    ok: true as const,
    rows: page.map((row) => ({
      ...row,
      ageMinutes: Math.max(0, Math.floor((now.getTime() - row.createdAt.getTime()) / 60_000)),
    })),
    nextCursor,
  };
}

type Phase = "o" | "a" | "c";
const PHASE_ORDER: Record<Phase, number> = { o: 0, a: 1, c: 2 };

function phaseOf(outcome: EscalationOutcome): Phase {
  return outcome === "open" ? "o" : outcome === "acknowledged" ? "a" : "c";
}

function fetchPhase(actor: Actor, phase: Phase, after: number | null, take: number) {
  const where: Prisma.EscalationWhereInput =
    phase === "c"
      ? { NOT: { outcome: { in: [...ACTIVE_OUTCOMES] } } }
      : { outcome: phase === "o" ? "open" : "acknowledged" };
  const oldestFirst = phase === "o";
  return db.escalation.findMany({
    where: {
      AND: [visibleTo(actor), where, ...(after !== null ? [{ id: oldestFirst ? { gt: after } : { lt: after } }] : [])],
    },
    orderBy: { id: oldestFirst ? "asc" : "desc" },
    take,
    select,
  });
}
