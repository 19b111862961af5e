// Editing an incident's scope after declaring it: version-checked against concurrent edits, on the timeline and in the
// audit log with before/after, and answered with the new matching proposal (complaints already linked stay linked;
// the user links the new matches with the link run as usual).
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { z } from "zod";
import { fieldErrors } from "@/lib/complaints/validation";
import { idSchema } from "@/lib/validation";
import { incidentScopeSchema } from "@/lib/incidents/schema";
import { matchWhere, scopeSelect } from "@/lib/incidents/matching";
import { recordIncidentEvent } from "@/lib/incidents/service";

const FORBIDDEN = "Only supervisors and managers on duty can manage incidents.";

export const incidentScopeEditSchema = z.object({ version: idSchema, scope: incidentScopeSchema });

const dateOrNull = (value: string | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);
const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

export async function updateIncidentScope(
  actor: Actor,
  id: number,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ version: number; proposed: number }>> {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = incidentScopeEditSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const { version, scope } = parsed.data;
  if (
    scope.categoryIds.length > 0 &&
    (await db.category.count({ where: { id: { in: scope.categoryIds } } })) !== scope.categoryIds.length
  ) {
    return fail("invalid", "Unknown category.", { fields: { "scope.categoryIds": ["unknown"] } });
  }
  const next = {
    flightNumbers: scope.flightNumbers,
    serviceDateFrom: dateOrNull(scope.serviceDateFrom),
    serviceDateTo: dateOrNull(scope.serviceDateTo),
    airports: scope.airports,
    affected: scope.products,
    categoryIds: scope.categoryIds,
    keywords: scope.keywords,
    windowStart: scope.windowStart ?? null,
    windowEnd: scope.windowEnd ?? null,
  };
  const result = await db.$transaction(async (tx) => {
    const before = await tx.incident.findUnique({ where: { id }, select: { ...scopeSelect, status: true } });
    if (!before) return fail("not_found", "No such incident.");
    if (before.status === "closed")
      return fail("unprocessable", "A closed incident's scope is final.", { fields: { _: ["closed"] } });
    const claimed = await tx.incident.updateMany({
      where: { id, version },
      data: { ...next, version: { increment: 1 } },
    });
    if (claimed.count === 0) return fail("conflict", "Someone else changed this incident; reload to see their change.");
    const plain = (value: typeof next) => ({
      ...value,
      serviceDateFrom: day(value.serviceDateFrom),
      serviceDateTo: day(value.serviceDateTo),
      windowStart: value.windowStart?.toISOString() ?? null,
      windowEnd: value.windowEnd?.toISOString() ?? null,
    });
    const changes = { from: plain(before), to: plain(next) };
    await recordIncidentEvent(tx, id, actor.userId, "scope_changed", null, changes, now);
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "incident.scope",
      entityType: "incident",
      entityId: String(id),
      changes,
    });
    return { ok: true as const, version: version + 1, startedAt: before.startedAt };
  });
  if (!result.ok) return result;
  const proposed = await db.complaint.count({ where: matchWhere({ ...next, startedAt: result.startedAt }) });
  return { ok: true as const, version: result.version, proposed };
}
