// Linking at creation: a complaint logged while an incident is active and that matches its scope joins the incident
// in the creating transaction (called once, from lib/complaints/create-complaint.ts). The oldest matching incident
// wins.
import "server-only";
import type { Tx } from "@/lib/db";
import type { ActorType } from "@/lib/generated/prisma/enums";
import { matchesScope, scopeSelect, type MatchableComplaint } from "@/lib/incidents/matching";

export async function linkToOpenIncident(
  tx: Tx,
  complaint: MatchableComplaint & { id: number },
  actor: { actorType: ActorType; actorId: number | null },
  now: Date,
): Promise<number | null> {
  const incidents = await tx.incident.findMany({
    where: { status: "active" },
    orderBy: { startedAt: "asc" },
    select: { id: true, ...scopeSelect },
    take: 50,
  });
  const match = incidents.find((incident) => matchesScope(incident, complaint));
  if (!match) return null;
  await tx.complaint.update({ where: { id: complaint.id }, data: { incidentId: match.id } });
  await tx.complaintEvent.create({
    data: {
      complaintId: complaint.id,
      kind: "incident_linked",
      actorType: "system",
      createdAt: now,
      data: { incidentId: match.id, atCreation: true, by: actor.actorType },
    },
  });
  return match.id;
}
