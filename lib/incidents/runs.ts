// Bulk runs on an incident's complaints — link, notify (customer update), resolve, compensate (by rule, in
// lib/incidents/compensation.ts) — requested by a supervisor and carried out by the incidents.run job in batches. The
// run row holds the snapshot of complaint ids and a cursor that advances inside each batch's transaction, so a job
// killed mid-run resumes where the last commit left it and does nothing twice (notices are also unique per run and
// complaint). No request waits for the work.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { can, permissionsOf, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrors } from "@/lib/complaints/validation";
import { OPEN_STATUSES } from "@/lib/complaints/transitions";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { getBoss, jobData, QUEUES } from "@/lib/jobs/boss";
import { requestMailFlush } from "@/lib/mail/flush";
import { bulkResolveSchema, incidentUpdateSchema, type IncidentUpdateInput } from "@/lib/incidents/schema";
import { matchWhere, scopeSelect } from "@/lib/incidents/matching";
import { recordIncidentEvent } from "@/lib/incidents/service";
import { unknownPlaceholders } from "@/lib/incidents/render";
import { notifyBatch } from "@/lib/incidents/notify-batch";
import { compensateBatch } from "@/lib/incidents/compensation";

export const RUN_KINDS = ["link", "notify", "resolve", "compensate"] as const;
export type RunKind = (typeof RUN_KINDS)[number];
const BATCH: Record<RunKind, number> = { link: 1_000, notify: 250, resolve: 25, compensate: 250 };
/** A proposal beyond this is refused: split the incident's scope instead of linking half the database. */
export const MAX_RUN_ITEMS = 20_000;
const FORBIDDEN = "Only supervisors and managers on duty can manage incidents.";

export type Failure = { complaintId: number; reason: string };

export async function startRun(
  actor: Actor,
  incidentId: number,
  kind: RunKind,
  complaintIds: number[],
  payload: Prisma.InputJsonValue,
  now: Date,
): Promise<Result<{ runId: number; total: number }>> {
  if (complaintIds.length === 0)
    return fail("unprocessable", "No complaints to work on.", { fields: { _: ["nothing_to_do"] } });
  if (complaintIds.length > MAX_RUN_ITEMS)
    return fail("unprocessable", "Too many complaints for one run.", { fields: { _: ["too_many"] } });
  const run = await db.$transaction(async (tx) => {
    // One run of a kind at a time per incident: a double click must not queue the same work twice.
    await tx.$queryRaw`SELECT id FROM incidents WHERE id = ${incidentId} FOR UPDATE`;
    const busy = await tx.incidentRun.findFirst({
      where: { incidentId, kind, status: { in: ["queued", "running"] } },
      select: { id: true },
    });
    if (busy) return fail("conflict", "A run of this kind is already under way.", { details: { runId: busy.id } });
    const created = await tx.incidentRun.create({
      data: { incidentId, kind, complaintIds, payload, actorId: actor.userId, createdAt: now },
      select: { id: true },
    });
    await recordIncidentEvent(
      tx,
      incidentId,
      actor.userId,
      `${kind}_requested`,
      null,
      { runId: created.id, total: complaintIds.length },
      now,
    );
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: `incident.${kind}`,
      entityType: "incident",
      entityId: String(incidentId),
      changes: { runId: created.id, total: complaintIds.length },
    });
    return { ok: true as const, runId: created.id, total: complaintIds.length };
  });
  if (run.ok) await (await getBoss()).send(QUEUES.incidentRun.name, { ...jobData(), runId: run.runId });
  return run;
}

async function loadScope(id: number) {
  return db.incident.findUnique({
    where: { id },
    select: { ...scopeSelect, status: true, excludedComplaintIds: true, resolutionText: true },
  });
}

/** The matching proposal: how many unlinked complaints match, and the first few for the preview. */
export async function proposeLinks(actor: Actor, incidentId: number) {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const incident = await loadScope(incidentId);
  if (!incident) return fail("not_found", "No such incident.");
  const where = matchWhere(incident);
  const [count, sample] = await Promise.all([
    db.complaint.count({ where }),
    db.complaint.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, reference: true, subject: true, flightNumber: true, serviceDate: true, createdAt: true },
    }),
  ]);
  return { ok: true as const, count, sample };
}

export async function requestLinkRun(actor: Actor, incidentId: number, now = new Date()) {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const incident = await loadScope(incidentId);
  if (!incident) return fail("not_found", "No such incident.");
  if (incident.status === "closed") return fail("unprocessable", "A closed incident links no more complaints.");
  const rows = await db.complaint.findMany({
    where: matchWhere(incident),
    orderBy: { id: "asc" },
    select: { id: true },
    take: MAX_RUN_ITEMS + 1,
  });
  return startRun(
    actor,
    incidentId,
    "link",
    rows.map((row) => row.id),
    {},
    now,
  );
}

export async function requestNotifyRun(actor: Actor, incidentId: number, rawInput: unknown, now = new Date()) {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = incidentUpdateSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const fields: Record<string, string[]> = {};
  for (const key of ["subjectZh", "subjectEn", "bodyZh", "bodyEn"] as const) {
    const unknown = unknownPlaceholders(parsed.data[key]);
    if (unknown.length > 0) fields[key] = [`unknown_placeholder:${unknown.join(",")}`];
  }
  if (Object.keys(fields).length > 0)
    return fail("invalid", "The template names placeholders that do not exist.", { fields });
  if (!(await db.incident.findUnique({ where: { id: incidentId }, select: { id: true } })))
    return fail("not_found", "No such incident.");
  const rows = await db.complaint.findMany({ where: { incidentId }, orderBy: { id: "asc" }, select: { id: true } });
  return startRun(
    actor,
    incidentId,
    "notify",
    rows.map((row) => row.id),
    parsed.data,
    now,
  );
}

/** The complaints a bulk resolution would resolve: linked, open, not excluded. */
export async function resolvableComplaintIds(incidentId: number, excluded: number[]) {
  const rows = await db.complaint.findMany({
    where: { incidentId, status: { in: [...OPEN_STATUSES] }, id: { notIn: excluded } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export async function requestResolveRun(actor: Actor, incidentId: number, rawInput: unknown, now = new Date()) {
  if (!can(actor, "incident.manage") || !can(actor, "complaint.transition")) return fail("forbidden", FORBIDDEN);
  const parsed = bulkResolveSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const incident = await loadScope(incidentId);
  if (!incident) return fail("not_found", "No such incident.");
  if (!(await db.rootCause.findFirst({ where: { id: parsed.data.rootCauseId, active: true }, select: { id: true } }))) {
    return fail("invalid", "Unknown root cause.", { fields: { rootCauseId: ["unknown"] } });
  }
  const ids = await resolvableComplaintIds(incidentId, incident.excludedComplaintIds);
  return startRun(actor, incidentId, "resolve", ids, parsed.data, now);
}

/** The actor a run acts as: its requester as they are now (a deactivated user's run stops). */
async function runActor(userId: number): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, active: true, memberships: { select: { teamId: true } } },
  });
  if (!user || !user.active) return null;
  return {
    kind: "user",
    userId: user.id,
    role: user.role,
    teamIds: user.memberships.map((m) => m.teamId),
    permissions: permissionsOf(user.role),
  };
}

export type BatchOutcome = { succeeded: number; failures: Failure[] };

async function linkBatch(
  tx: Tx,
  run: { id: number; incidentId: number; actorId: number },
  ids: number[],
  now: Date,
): Promise<BatchOutcome> {
  // Only complaints still unlinked are taken: a retried batch, or a complaint linked meanwhile, is not linked twice.
  const linked = await tx.$queryRaw<{ id: number }[]>`
    UPDATE complaints SET "incidentId" = ${run.incidentId}, "updatedAt" = ${now}
    WHERE id = ANY(${ids}::int[]) AND "incidentId" IS NULL AND status NOT IN ('rejected', 'duplicate')
    RETURNING id`;
  const done = new Set(linked.map((row) => row.id));
  if (done.size > 0) {
    await tx.complaintEvent.createMany({
      data: [...done].map((complaintId) => ({
        complaintId,
        kind: "incident_linked" as const,
        actorType: "user" as const,
        actorId: run.actorId,
        createdAt: now,
        data: { incidentId: run.incidentId, runId: run.id },
      })),
    });
    await writeAudit(tx, {
      actorType: "user",
      actorId: run.actorId,
      action: "incident.link",
      entityType: "incident",
      entityId: String(run.incidentId),
      changes: { runId: run.id, complaintIds: [...done] },
    });
  }
  const missed = ids.filter((id) => !done.has(id));
  const already = missed.length
    ? await tx.complaint.findMany({ where: { id: { in: missed } }, select: { id: true, incidentId: true } })
    : [];
  const failures = already
    .filter((row) => row.incidentId !== run.incidentId)
    .map((row) => ({ complaintId: row.id, reason: row.incidentId ? "linked_elsewhere" : "not_linkable" }));
  return { succeeded: done.size + (already.length - failures.length), failures };
}

/** One claimed batch: lock the run, read its cursor, work, advance the cursor, all in one transaction. */
async function runLockedBatch(
  runId: number,
  work: (tx: Tx, run: RunRow, ids: number[]) => Promise<BatchOutcome>,
): Promise<"more" | "done"> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<
        RunRow[]
      >`SELECT id, "incidentId", kind, cursor, "complaintIds", "actorId", payload FROM incident_runs WHERE id = ${runId} FOR UPDATE`;
      const run = rows[0];
      if (!run) return "done";
      const ids = run.complaintIds.slice(run.cursor, run.cursor + BATCH[run.kind]);
      if (ids.length === 0) return "done";
      const outcome = await work(tx, run, ids);
      await tx.$executeRaw`
        UPDATE incident_runs SET cursor = cursor + ${ids.length}, succeeded = succeeded + ${outcome.succeeded}, failed = failed + ${outcome.failures.length},
          failures = failures || ${JSON.stringify(outcome.failures.slice(0, 200))}::jsonb, status = 'running'
        WHERE id = ${runId}`;
      return run.cursor + ids.length >= run.complaintIds.length ? "done" : "more";
    },
    { timeout: 60_000 },
  );
}

type RunRow = {
  id: number;
  incidentId: number;
  kind: RunKind;
  cursor: number;
  complaintIds: number[];
  actorId: number;
  payload: Prisma.JsonValue;
};

/** Carries out a run to its end (the incidents.run job). Safe to call again after a crash or on a finished run. */
export async function processIncidentRun(
  runId: number,
  now = () => new Date(),
): Promise<{ status: "done" | "failed" | "missing" }> {
  const run = await db.incidentRun.findUnique({
    where: { id: runId },
    select: { id: true, kind: true, status: true, actorId: true, incidentId: true },
  });
  if (!run) return { status: "missing" };
  if (run.status === "done" || run.status === "failed") return { status: run.status };
  const kind = run.kind as RunKind;
  if (kind === "resolve") {
    const actor = await runActor(run.actorId);
    if (!actor) return finish(runId, run.incidentId, "failed", now());
    while ((await resolveNext(runId, actor, now())) === "more");
  } else {
    const work = (tx: Tx, row: RunRow, ids: number[]) =>
      kind === "link"
        ? linkBatch(tx, row, ids, now())
        : kind === "compensate"
          ? compensateBatch(tx, row, ids, now())
          : notifyBatch(tx, row, row.payload as IncidentUpdateInput, ids, now());
    while ((await runLockedBatch(runId, work)) === "more");
    if (kind === "notify") await requestMailFlush();
  }
  return finish(runId, run.incidentId, "done", now());
}

/**
 * Resolution goes through the normal transition use case, one complaint per transaction (its own result notice and
 * survey). The cursor moves after each; a crash between the two leaves a resolved complaint that the rerun skips.
 */
async function resolveNext(runId: number, actor: Actor, now: Date): Promise<"more" | "done"> {
  const run = await db.incidentRun.findUniqueOrThrow({
    where: { id: runId },
    select: { cursor: true, complaintIds: true, payload: true },
  });
  const complaintId = run.complaintIds[run.cursor];
  if (complaintId === undefined) return "done";
  const payload = run.payload as { rootCauseId: number; resolutionText: string };
  const complaint = await db.complaint.findUnique({
    where: { id: complaintId },
    select: { status: true, version: true },
  });
  let failure: Failure | null = null;
  if (!complaint) failure = { complaintId, reason: "not_found" };
  else if ((OPEN_STATUSES as readonly string[]).includes(complaint.status)) {
    const result = await transitionComplaint(
      actor,
      complaintId,
      {
        version: complaint.version,
        to: "resolved",
        rootCauseId: payload.rootCauseId,
        resolutionSummary: payload.resolutionText,
      },
      now,
    );
    if (!result.ok) failure = { complaintId, reason: result.error };
  }
  // Already resolved (by hand, or by this run before a crash): nothing to do, counted as done.
  await db.$executeRaw`
    UPDATE incident_runs SET cursor = cursor + 1, status = 'running',
      succeeded = succeeded + ${failure ? 0 : 1}, failed = failed + ${failure ? 1 : 0},
      failures = CASE WHEN ${failure !== null} THEN failures || ${JSON.stringify(failure ? [failure] : [])}::jsonb ELSE failures END
    WHERE id = ${runId} AND cursor = ${run.cursor}`;
  return run.cursor + 1 >= run.complaintIds.length ? "done" : "more";
}

async function finish(
  runId: number,
  incidentId: number,
  status: "done" | "failed",
  now: Date,
): Promise<{ status: "done" | "failed" }> {
  await db.$transaction(async (tx) => {
    const updated = await tx.incidentRun.updateMany({
      where: { id: runId, status: { in: ["queued", "running"] } },
      data: { status, finishedAt: now },
    });
    if (updated.count === 0) return; // finished by an overlapping worker
    const run = await tx.incidentRun.findUniqueOrThrow({
      where: { id: runId },
      select: { kind: true, succeeded: true, failed: true, actorId: true },
    });
    await recordIncidentEvent(
      tx,
      incidentId,
      run.actorId,
      `${run.kind}_finished`,
      null,
      { runId, status, succeeded: run.succeeded, failed: run.failed },
      now,
    );
  });
  if (status === "done") {
    const kind = await db.incidentRun.findUnique({ where: { id: runId }, select: { kind: true } });
    if (kind?.kind === "resolve") await requestMailFlush(); // result notices and surveys
  }
  return { status };
}
