"use server";
// Server actions of the incident pages: authenticate, call one use case, revalidate, return its Result.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { requirePermission } from "@/lib/auth/session";
import type { Result } from "@/lib/errors";
import { changeIncidentStatus, declareIncident, reportIncident, setExclusion, updateIncidentTexts } from "@/lib/incidents/service";
import { proposeLinks, requestLinkRun, requestNotifyRun, requestResolveRun } from "@/lib/incidents/runs";

function refresh(id: number) {
  revalidatePath(`/incidents/${id}`);
  revalidatePath("/incidents");
}

async function after<T extends Result<object>>(id: number, result: T): Promise<T> {
  if (result.ok) refresh(id);
  return result;
}

export const declareIncidentAction = guardAction("declareIncidentAction", z.tuple([actionArg.input]), async (input: unknown) => {
  const user = await requirePermission("incident.manage");
  const result = await declareIncident(user.actor, input);
  if (result.ok) revalidatePath("/incidents");
  return result;
});

export const reportIncidentAction = guardAction("reportIncidentAction", z.tuple([actionArg.id, actionArg.input]), async (id: number, input: unknown) => {
  const user = await requirePermission("incident.manage");
  return after(id, await reportIncident(user.actor, id, input));
});

export const incidentStatusAction = guardAction("incidentStatusAction", z.tuple([actionArg.id, actionArg.input]), async (id: number, input: unknown) => {
  const user = await requirePermission("incident.manage");
  return after(id, await changeIncidentStatus(user.actor, id, input));
});

export const incidentTextsAction = guardAction("incidentTextsAction", z.tuple([actionArg.id, actionArg.input]), async (id: number, input: unknown) => {
  const user = await requirePermission("incident.manage");
  return after(id, await updateIncidentTexts(user.actor, id, input));
});

export const incidentExclusionAction = guardAction("incidentExclusionAction", z.tuple([actionArg.id, actionArg.input]), async (id: number, input: unknown) => {
  const user = await requirePermission("incident.manage");
  return after(id, await setExclusion(user.actor, id, input));
});

export const proposeLinksAction = guardAction("proposeLinksAction", z.tuple([actionArg.id]), async (id: number) => {
  const user = await requirePermission("incident.manage");
  const result = await proposeLinks(user.actor, id);
  if (!result.ok) return result;
  return { ok: true as const, count: result.count, sample: result.sample.map((row) => ({ reference: row.reference, subject: row.subject, flightNumber: row.flightNumber, createdAt: row.createdAt.toISOString() })) };
});

export const linkComplaintsRunAction = guardAction("linkComplaintsRunAction", z.tuple([actionArg.id]), async (id: number) => {
  const user = await requirePermission("incident.manage");
  return after(id, await requestLinkRun(user.actor, id));
});

export const notifyCustomersAction = guardAction("notifyCustomersAction", z.tuple([actionArg.id, actionArg.input]), async (id: number, input: unknown) => {
  const user = await requirePermission("incident.manage");
  return after(id, await requestNotifyRun(user.actor, id, input));
});

export const bulkResolveAction = guardAction("bulkResolveAction", z.tuple([actionArg.id, actionArg.input]), async (id: number, input: unknown) => {
  const user = await requirePermission("incident.manage");
  return after(id, await requestResolveRun(user.actor, id, input));
});
