// Compensation use cases: propose (auto-approved within the proposer's limit), decide, mark issued. Each writes the
// compensation, its timeline event and its audit row in one transaction.
import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { can, type Actor } from "@/lib/auth/permissions";
import { complaintScope } from "@/lib/complaints/scope";
import { DONE_STATUSES } from "@/lib/complaints/transitions";
import { db, type Tx } from "@/lib/db";
import { fail, type Failure, type Result } from "@/lib/errors";
import type { ComplaintStatus, EventKind } from "@/lib/generated/prisma/enums";
import { approvalLimitFor, lowestApproverFor, needsApproval } from "@/lib/compensation/limits";
import { enabledCompensationKinds } from "@/lib/compensation/config";
import { compensationViewSelect, toCompensationView, type CompensationView } from "@/lib/compensation/queries";
import { notifyApprovers, notifyProposer } from "@/lib/compensation/notify";
import type {
  DecideCompensationInput,
  IssueCompensationInput,
  ProposeCompensationInput,
} from "@/lib/compensation/schema";

export type CompensationResult = Result<{ compensation: CompensationView }>;

const ROLE_TITLES = {
  agent: "an agent",
  supervisor: "a supervisor",
  manager: "a manager",
  admin: "an admin",
  liaison: "a department liaison",
} as const;

async function recordEvent(
  tx: Tx,
  actor: Actor,
  kind: EventKind,
  compensation: CompensationView,
  extra: Record<string, string | boolean> = {},
) {
  await tx.complaintEvent.create({
    data: {
      complaintId: compensation.complaintId,
      kind,
      actorType: actor.kind,
      actorId: actor.userId,
      data: {
        compensationId: compensation.id,
        kind: compensation.kind,
        amount: compensation.amount,
        currency: compensation.currency,
        ...extra,
      },
    },
  });
}

async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  compensation: CompensationView,
  before: CompensationView | null,
) {
  await writeAudit(tx, {
    actorType: actor.kind,
    actorId: actor.userId,
    action,
    entityType: "compensation",
    entityId: String(compensation.id),
    changes: {
      complaintId: compensation.complaintId,
      amount: compensation.amount,
      currency: compensation.currency,
      status: before ? { from: before.status, to: compensation.status } : compensation.status,
    },
  });
}

/**
 * Proposes compensation on a complaint in the actor's scope that is still being handled. Within the proposer's own
 * approval limit it is approved at once (approver = proposer); above it, it waits for an approver.
 */
export async function proposeCompensation(actor: Actor, input: ProposeCompensationInput): Promise<CompensationResult> {
  if (!can(actor, "compensation.propose")) return fail("forbidden", "You may not propose compensation.");
  return db.$transaction(async (tx): Promise<CompensationResult> => {
    // The complaint's row lock orders this proposal with an incident's bulk run (lib/incidents/compensation.ts locks
    // the same rows before it skips complaints already compensated), so the run sees this one or this waits for it.
    await tx.$queryRaw`SELECT id FROM complaints WHERE id = ${input.complaintId} FOR UPDATE`;
    const complaint = await tx.complaint.findFirst({
      where: { AND: [{ id: input.complaintId }, complaintScope(actor)] },
      select: { id: true, status: true, reference: true, subject: true, teamId: true },
    });
    if (!complaint) return fail("not_found", "Complaint not found.");
    if ((DONE_STATUSES as readonly ComplaintStatus[]).includes(complaint.status)) {
      return fail("unprocessable", `Compensation cannot be proposed on a ${complaint.status} complaint.`);
    }
    if (!(await enabledCompensationKinds(tx)).includes(input.kind))
      return fail("invalid", "This kind of compensation is disabled.", { fields: { kind: ["disabled"] } });
    const limit = await approvalLimitFor(tx, actor.role);
    const approvalNeeded = needsApproval(input.amount, input.currency, limit);
    const now = new Date();
    const row = await tx.compensation.create({
      data: {
        complaintId: complaint.id,
        kind: input.kind,
        amount: input.amount,
        currency: input.currency,
        reason: input.reason,
        proposedById: actor.userId,
        status: approvalNeeded ? "proposed" : "approved",
        approverId: approvalNeeded ? null : actor.userId,
        decidedAt: approvalNeeded ? null : now,
      },
      select: compensationViewSelect,
    });
    const compensation = toCompensationView(row);
    await recordEvent(tx, actor, "compensation_proposed", compensation, { needsApproval: approvalNeeded });
    if (!approvalNeeded)
      await recordEvent(tx, actor, "compensation_approved", compensation, {
        needsApproval: false,
        withinOwnLimit: true,
      });
    if (approvalNeeded) await notifyApprovers(tx, compensation, complaint, compensation.proposedBy);
    await audit(tx, actor, "compensation.propose", compensation, null);
    return { ok: true, compensation };
  });
}

/** Loads a compensation whose complaint is in the actor's scope and checks the version the actor saw. */
async function loadForChange(tx: Tx, actor: Actor, compensationId: number, version: number) {
  const row = await tx.compensation.findFirst({
    where: { id: compensationId, complaint: complaintScope(actor) },
    select: { ...compensationViewSelect, proposedById: true },
  });
  if (!row) return fail("not_found", "Compensation not found.");
  const { proposedById, ...view } = row;
  const current = toCompensationView(view);
  if (current.version !== version) return staleVersion(current);
  return { ok: true as const, current, proposedById };
}

function staleVersion(current: CompensationView): Failure {
  return fail("conflict", "The compensation was changed by someone else; review it and try again.", {
    details: { current },
  });
}

/** After a guarded updateMany matched nothing: someone else got there first. */
async function reloadConflict(tx: Tx, actor: Actor, compensationId: number): Promise<Failure> {
  const row = await tx.compensation.findFirst({
    where: { id: compensationId, complaint: complaintScope(actor) },
    select: compensationViewSelect,
  });
  return row ? staleVersion(toCompensationView(row)) : fail("not_found", "Compensation not found.");
}

/**
 * Approves or rejects a proposal. The approver's own limit must cover the amount (the message says which role can),
 * and nobody decides on their own proposal.
 */
export async function decideCompensation(actor: Actor, input: DecideCompensationInput): Promise<CompensationResult> {
  if (!can(actor, "compensation.approve")) return fail("forbidden", "You may not approve or reject compensation.");
  return db.$transaction(async (tx): Promise<CompensationResult> => {
    const loaded = await loadForChange(tx, actor, input.compensationId, input.version);
    if (!loaded.ok) return loaded;
    const { current, proposedById } = loaded;
    if (current.status !== "proposed") return fail("unprocessable", `The compensation is already ${current.status}.`);
    if (proposedById === actor.userId)
      return fail("forbidden", "You cannot decide on your own proposal; another approver must.");

    const limit = await approvalLimitFor(tx, actor.role);
    if (needsApproval(current.amount, current.currency, limit)) {
      const approver = await lowestApproverFor(tx, current.amount, current.currency);
      const who = approver
        ? `it needs ${ROLE_TITLES[approver.role]}'s decision`
        : "no role's approval limit covers it; ask an admin to configure one";
      return fail(
        "forbidden",
        `${current.amount} ${current.currency} is above your approval limit of ${limit.amount} ${limit.currency}; ${who}.`,
        {
          details: { requiredRole: approver?.role ?? null },
        },
      );
    }

    const approved = input.decision === "approve";
    const { count } = await tx.compensation.updateMany({
      where: { id: current.id, version: input.version, status: "proposed" },
      data: {
        status: approved ? "approved" : "rejected",
        approverId: actor.userId,
        decisionNote: input.note ?? null,
        decidedAt: new Date(),
        version: { increment: 1 },
      },
    });
    if (count === 0) return reloadConflict(tx, actor, current.id);
    const compensation = toCompensationView(
      await tx.compensation.findUniqueOrThrow({ where: { id: current.id }, select: compensationViewSelect }),
    );
    await recordEvent(
      tx,
      actor,
      approved ? "compensation_approved" : "compensation_rejected",
      compensation,
      input.note ? { note: input.note } : {},
    );
    const complaint = await tx.complaint.findUniqueOrThrow({
      where: { id: compensation.complaintId },
      select: { id: true, reference: true, subject: true, teamId: true },
    });
    await notifyProposer(tx, compensation, complaint, proposedById, compensation.approver?.name ?? "");
    await audit(tx, actor, approved ? "compensation.approve" : "compensation.reject", compensation, current);
    return { ok: true, compensation };
  });
}

/** Records that approved compensation has been given to the customer (refund made, voucher sent …). */
export async function markCompensationIssued(actor: Actor, input: IssueCompensationInput): Promise<CompensationResult> {
  if (!can(actor, "compensation.propose")) return fail("forbidden", "You may not issue compensation.");
  return db.$transaction(async (tx): Promise<CompensationResult> => {
    const loaded = await loadForChange(tx, actor, input.compensationId, input.version);
    if (!loaded.ok) return loaded;
    const { current } = loaded;
    if (current.status !== "approved")
      return fail("unprocessable", `Only approved compensation can be issued; this one is ${current.status}.`);

    const { count } = await tx.compensation.updateMany({
      where: { id: current.id, version: input.version, status: "approved" },
      data: { status: "issued", issuedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) return reloadConflict(tx, actor, current.id);
    const compensation = toCompensationView(
      await tx.compensation.findUniqueOrThrow({ where: { id: current.id }, select: compensationViewSelect }),
    );
    await recordEvent(tx, actor, "compensation_issued", compensation);
    await audit(tx, actor, "compensation.issue", compensation, current);
    return { ok: true, compensation };
  });
}
