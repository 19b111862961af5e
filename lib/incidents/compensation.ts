// Compensation by rule for an incident (issue 17 item 4): edit the rule table (version-checked, audited), preview who
// qualifies and the total, propose in bulk as an incidents.run job (kind "compensate", batches in
// compensateBatch), approve the incident's proposals in one step within the approver's limit (or the share the limit
// covers), and the totals on the dashboard. Issuing stays one compensation at a time (lib/compensation/service.ts).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { fieldErrors } from "@/lib/complaints/validation";
import { DONE_STATUSES } from "@/lib/complaints/transitions";
import { complaintScope } from "@/lib/complaints/scope";
import { enabledCompensationKinds } from "@/lib/compensation/config";
import {
  approvalLimitFor,
  approveInBulk,
  LIVE_COMPENSATION_STATUSES,
  limitCovers,
  proposeInBulk,
  roleCoveringTotal,
  shareWithinLimit,
  type BulkProposal,
} from "@/lib/compensation/bulk";
import {
  compensationRulesSchema,
  matchingRule,
  readStored,
  totalsByCurrency,
  type CompensationRule,
  type FlightImpact,
} from "@/lib/incidents/compensation-rules";
import { recordIncidentEvent } from "@/lib/incidents/service";
import { startRun, type BatchOutcome } from "@/lib/incidents/runs";

const FORBIDDEN = "Only supervisors and managers on duty can manage incidents.";

export async function loadCompensationRules(incidentId: number) {
  const row = await db.incidentCompensationRules.findUnique({
    where: { incidentId },
    select: { rules: true, flights: true, version: true, updatedAt: true },
  });
  const stored = readStored(row?.rules ?? [], row?.flights ?? []);
  return { ...stored, version: row?.version ?? 0 };
}

export async function saveCompensationRules(
  actor: Actor,
  incidentId: number,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ version: number }>> {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = compensationRulesSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const { version, rules, flights } = parsed.data;
  const categoryIds = [
    ...new Set(rules.flatMap((rule) => (rule.condition.kind === "category" ? [rule.condition.categoryId] : []))),
  ];
  if (
    categoryIds.length > 0 &&
    (await db.category.count({ where: { id: { in: categoryIds } } })) !== categoryIds.length
  ) {
    const index = rules.findIndex((rule) => rule.condition.kind === "category");
    return fail("invalid", "Unknown category.", { fields: { [`rules.${index}.condition.categoryId`]: ["unknown"] } });
  }
  const enabled = await enabledCompensationKinds(db);
  const disabled = rules.findIndex((rule) => !enabled.includes(rule.compensation));
  if (disabled !== -1)
    return fail("invalid", "This kind of compensation is disabled.", {
      fields: { [`rules.${disabled}.compensation`]: ["disabled"] },
    });
  return db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { status: true } });
    if (!incident) return fail("not_found", "No such incident.");
    if (incident.status === "closed")
      return fail("unprocessable", "A closed incident's rules are final.", { fields: { _: ["closed"] } });
    const before = await tx.incidentCompensationRules.findUnique({
      where: { incidentId },
      select: { rules: true, flights: true, version: true },
    });
    const data = {
      rules: rules as Prisma.InputJsonValue,
      flights: flights as Prisma.InputJsonValue,
      updatedById: actor.userId,
    };
    if (!before) {
      if (version !== 0) return fail("conflict", "Someone else changed the rules; reload to see their change.");
      // Two first saves at once: the primary key lets one through, the other is a conflict.
      const created = await tx.incidentCompensationRules.createManyAndReturn({
        data: [{ incidentId, ...data, version: 1 }],
        skipDuplicates: true,
        select: { version: true },
      });
      if (created.length === 0) return fail("conflict", "Someone else changed the rules; reload to see their change.");
    } else {
      const claimed = await tx.incidentCompensationRules.updateMany({
        where: { incidentId, version },
        data: { ...data, version: { increment: 1 } },
      });
      if (claimed.count === 0)
        return fail("conflict", "Someone else changed the rules; reload to see their change.", {
          details: { version: before.version },
        });
    }
    const changes = {
      rules: { from: before?.rules ?? [], to: data.rules },
      flights: { from: before?.flights ?? [], to: data.flights },
    } as Prisma.InputJsonValue;
    await recordIncidentEvent(
      tx,
      incidentId,
      actor.userId,
      "compensation_rules_changed",
      null,
      { rules: rules.length, flights: flights.length },
      now,
    );
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "incident.compensation_rules",
      entityType: "incident",
      entityId: String(incidentId),
      changes,
    });
    return { ok: true as const, version: version + 1 };
  });
}

export type Assessment = {
  qualifying: { complaintId: number; rule: number }[];
  byRule: { rule: number; count: number; totals: { currency: string; amount: string }[] }[];
  totals: { currency: string; amount: string }[];
  alreadyCompensated: number;
  notOpen: number;
  noRule: number;
};

/**
 * Who among the linked complaints (in the actor's scope) qualifies now: open, not compensated before, meeting a rule.
 */
export async function assessCompensation(
  client: typeof db | Tx,
  actor: Actor,
  incidentId: number,
  rules: readonly CompensationRule[],
  flights: readonly FlightImpact[],
): Promise<Assessment> {
  const complaints = await client.complaint.findMany({
    where: { AND: [{ incidentId }, complaintScope(actor)] },
    orderBy: { id: "asc" },
    select: { id: true, status: true, flightNumber: true, serviceDate: true, categoryId: true, subcategoryId: true },
  });
  const compensated = new Set(
    (
      await client.compensation.findMany({
        where: { complaint: { incidentId }, status: { in: [...LIVE_COMPENSATION_STATUSES] } },
        select: { complaintId: true },
        distinct: ["complaintId"],
      })
    ).map((row) => row.complaintId),
  );
  const out: Assessment = { qualifying: [], byRule: [], totals: [], alreadyCompensated: 0, notOpen: 0, noRule: 0 };
  for (const complaint of complaints) {
    if ((DONE_STATUSES as readonly string[]).includes(complaint.status)) out.notOpen += 1;
    else if (compensated.has(complaint.id)) out.alreadyCompensated += 1;
    else {
      const rule = matchingRule(rules, flights, complaint);
      if (rule === null) out.noRule += 1;
      else out.qualifying.push({ complaintId: complaint.id, rule });
    }
  }
  const amounts = out.qualifying
    .map((row) => rules[row.rule])
    .filter((rule): rule is CompensationRule => rule !== undefined);
  out.totals = totalsByCurrency(amounts);
  out.byRule = rules.map((_rule, index) => {
    const matched = out.qualifying.filter((row) => row.rule === index).map(() => rules[index] as CompensationRule);
    return { rule: index, count: matched.length, totals: totalsByCurrency(matched) };
  });
  return out;
}

export async function previewCompensation(
  actor: Actor,
  incidentId: number,
): Promise<Result<Omit<Assessment, "qualifying"> & { count: number }>> {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  if (!(await db.incident.findUnique({ where: { id: incidentId }, select: { id: true } })))
    return fail("not_found", "No such incident.");
  const { rules, flights } = await loadCompensationRules(incidentId);
  const { qualifying, ...rest } = await assessCompensation(db, actor, incidentId, rules, flights);
  return { ok: true as const, count: qualifying.length, ...rest };
}

type CompensatePayload = { rules: CompensationRule[]; flights: FlightImpact[]; rulesVersion: number };

/**
 * Queues the bulk proposal of the qualifying complaints, with the rules as they are now (later edits do not change it).
 */
export async function requestCompensateRun(actor: Actor, incidentId: number, rawInput: unknown, now = new Date()) {
  if (!can(actor, "incident.manage") || !can(actor, "compensation.propose")) return fail("forbidden", FORBIDDEN);
  const parsed = z.object({ rulesVersion: z.number().int().min(0) }).safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const incident = await db.incident.findUnique({ where: { id: incidentId }, select: { status: true } });
  if (!incident) return fail("not_found", "No such incident.");
  if (incident.status === "closed")
    return fail("unprocessable", "A closed incident proposes no more compensation.", { fields: { _: ["closed"] } });
  const { rules, flights, version } = await loadCompensationRules(incidentId);
  if (version !== parsed.data.rulesVersion)
    return fail("conflict", "The rules changed since your preview; preview again.");
  if (rules.length === 0)
    return fail("unprocessable", "The incident has no compensation rules yet.", { fields: { _: ["no_rules"] } });
  const { qualifying } = await assessCompensation(db, actor, incidentId, rules, flights);
  const payload: CompensatePayload = { rules, flights, rulesVersion: version };
  return startRun(
    actor,
    incidentId,
    "compensate",
    qualifying.map((row) => row.complaintId),
    payload as unknown as Prisma.InputJsonValue,
    now,
  );
}

/**
 * One batch of a compensate run, inside its transaction: the complaints are locked, re-checked (still open, still
 * uncompensated, still meeting a rule of the run's snapshot) and proposed through the compensation module.
 */
export async function compensateBatch(
  tx: Tx,
  run: { id: number; incidentId: number; actorId: number; payload: Prisma.JsonValue },
  ids: number[],
  now: Date,
): Promise<BatchOutcome> {
  const payload = run.payload as unknown as CompensatePayload;
  const { rules, flights } = readStored(payload.rules, payload.flights);
  await tx.$queryRaw`SELECT id FROM complaints WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
  const complaints = await tx.complaint.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      status: true,
      incidentId: true,
      flightNumber: true,
      serviceDate: true,
      categoryId: true,
      subcategoryId: true,
    },
  });
  const compensated = new Set(
    (
      await tx.compensation.findMany({
        where: { complaintId: { in: ids }, status: { in: [...LIVE_COMPENSATION_STATUSES] } },
        select: { complaintId: true },
      })
    ).map((row) => row.complaintId),
  );
  const enabled = await enabledCompensationKinds(tx);
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: run.incidentId }, select: { title: true } });
  const failures: { complaintId: number; reason: string }[] = [];
  const proposals: BulkProposal[] = [];
  for (const id of ids) {
    const complaint = complaints.find((row) => row.id === id);
    const rule = complaint ? matchingRule(rules, flights, complaint) : null;
    const chosen = rule === null ? undefined : rules[rule];
    if (!complaint || complaint.incidentId !== run.incidentId) failures.push({ complaintId: id, reason: "not_linked" });
    else if ((DONE_STATUSES as readonly string[]).includes(complaint.status))
      failures.push({ complaintId: id, reason: "not_open" });
    else if (compensated.has(id)) failures.push({ complaintId: id, reason: "already_compensated" });
    else if (!chosen) failures.push({ complaintId: id, reason: "no_rule" });
    else if (!enabled.includes(chosen.compensation)) failures.push({ complaintId: id, reason: "kind_disabled" });
    else
      proposals.push({
        complaintId: id,
        kind: chosen.compensation,
        amount: chosen.amount,
        currency: chosen.currency,
        reason: `${incident.title} · #${(rule ?? 0) + 1}`,
      });
  }
  const created = await proposeInBulk(tx, run.actorId, run.incidentId, proposals, now);
  for (const proposal of proposals)
    if (!created.has(proposal.complaintId))
      failures.push({ complaintId: proposal.complaintId, reason: "already_compensated" });
  return { succeeded: created.size, failures };
}

/** Proposals of the incident waiting for approval on complaints the actor may see. */
const pendingWhere = (actor: Actor, incidentId: number) => ({
  incidentId,
  status: "proposed" as const,
  complaint: complaintScope(actor),
});

/** The incident's proposals waiting for approval, with a token of the set the approver saw (count, last id, totals). */
export async function pendingIncidentCompensation(actor: Actor, incidentId: number) {
  const rows = await db.compensation.findMany({
    where: pendingWhere(actor, incidentId),
    orderBy: { id: "asc" },
    select: { id: true, amount: true, currency: true, proposedById: true },
  });
  const pending = rows.map((row) => ({
    id: row.id,
    amount: row.amount.toFixed(2),
    currency: row.currency.trim(),
    proposedById: row.proposedById,
  }));
  return { rows: pending, totals: totalsByCurrency(pending), token: pendingToken(pending) };
}

function pendingToken(rows: readonly { id: number; amount: string; currency: string }[]) {
  return `${rows.length}:${rows.at(-1)?.id ?? 0}:${totalsByCurrency(rows)
    .map((row) => `${row.amount}${row.currency}`)
    .join(",")}`;
}

export const approveIncidentCompensationSchema = z.object({
  mode: z.enum(["all", "within_limit"]),
  token: z.string().min(1).max(500),
  note: z.string().trim().max(2000).optional(),
});

/**
 * Approves the incident's proposals in one step: all of them when the approver's limit covers the total, or (mode
 * within_limit) the share it covers, leaving the rest to a more senior approver. Nobody approves their own proposals.
 */
export async function approveIncidentCompensation(
  actor: Actor,
  incidentId: number,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ approved: number; remaining: number }>> {
  if (!can(actor, "compensation.approve")) return fail("forbidden", "You may not approve or reject compensation.");
  const parsed = approveIncidentCompensationSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  try {
    return await db.$transaction(async (tx) => {
      // One bulk approval of an incident at a time.
      const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM incidents WHERE id = ${incidentId} FOR UPDATE`;
      if (locked.length === 0) return fail("not_found", "No such incident.");
      const rows = (
        await tx.compensation.findMany({
          where: pendingWhere(actor, incidentId),
          orderBy: { id: "asc" },
          select: { id: true, amount: true, currency: true, proposedById: true },
        })
      ).map((row) => ({
        id: row.id,
        amount: row.amount.toFixed(2),
        currency: row.currency.trim(),
        proposedById: row.proposedById,
      }));
      if (pendingToken(rows) !== input.token)
        return fail("conflict", "The proposals changed since you looked; review the new total.");
      const others = rows.filter((row) => row.proposedById !== actor.userId);
      if (others.length === 0)
        return fail("unprocessable", "Nothing to approve: another approver must decide your own proposals.", {
          fields: { _: [rows.length ? "own_proposals" : "nothing_to_do"] },
        });
      const limit = await approvalLimitFor(tx, actor.role);
      let chosen: { id: number; amount: string; currency: string }[] = others;
      if (!limitCovers(others, limit)) {
        const role = await roleCoveringTotal(tx, others);
        if (input.mode === "all")
          return fail("forbidden", "The total is above your approval limit.", {
            fields: { _: ["above_limit"] },
            details: { requiredRole: role?.role ?? null, limit: limit.amount },
          });
        chosen = shareWithinLimit(others, limit);
        if (chosen.length === 0)
          return fail("forbidden", "Not even one proposal is within your approval limit.", {
            fields: { _: ["above_limit"] },
            details: { requiredRole: role?.role ?? null, limit: limit.amount },
          });
      }
      const approved = await approveInBulk(tx, actor, chosen, now, input.note || null);
      if (approved !== chosen.length) throw new StaleApproval();
      const totals = totalsByCurrency(chosen);
      await recordIncidentEvent(
        tx,
        incidentId,
        actor.userId,
        "compensation_approved",
        input.note ?? null,
        { count: approved, totals, split: chosen.length < others.length },
        now,
      );
      await writeAudit(tx, {
        actorType: actor.kind,
        actorId: actor.userId,
        action: "incident.compensation_approve",
        entityType: "incident",
        entityId: String(incidentId),
        changes: { count: approved, totals, compensationIds: chosen.map((row) => row.id) },
      });
      return { ok: true as const, approved, remaining: rows.length - approved };
    });
  } catch (error) {
    if (error instanceof StaleApproval)
      return fail("conflict", "Some proposals were decided meanwhile; review the new total.");
    throw error;
  }
}

class StaleApproval extends Error {}

/** Compensation of the incident by status and currency, for the dashboard (proposed, approved, issued). */
export async function incidentCompensationTotals(incidentId: number) {
  const groups = await db.compensation.groupBy({
    by: ["status", "currency"],
    where: { incidentId, status: { in: [...LIVE_COMPENSATION_STATUSES] } },
    _sum: { amount: true },
    _count: { _all: true },
  });
  return groups.map((row) => ({
    status: row.status,
    currency: row.currency.trim(),
    amount: (row._sum.amount ?? new Prisma.Decimal(0)).toFixed(2),
    count: row._count._all,
  }));
}

/** The incident's approved compensations still to issue (the first 50), for issuing one by one. */
export async function compensationsToIssue(actor: Actor, incidentId: number) {
  return db.compensation.findMany({
    where: { incidentId, status: "approved", complaint: complaintScope(actor) },
    orderBy: { id: "asc" },
    take: 50,
    select: {
      id: true,
      kind: true,
      amount: true,
      currency: true,
      version: true,
      complaint: { select: { reference: true } },
    },
  });
}
