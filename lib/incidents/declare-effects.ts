// What a declaration sets going besides the incident row, in its transaction: the contingency plan of its type is
// proposed (the incident follows it, checklist empty), and a data breach starts the regulator report clock.
import type { Tx } from "@/lib/db";
import type { IncidentLevel } from "@/lib/generated/prisma/enums";
import { proposePlanOnDeclare } from "@/lib/incidents/plans";
import { openBreachOnDeclare } from "@/lib/incidents/breach";

export async function onIncidentDeclared(
  tx: Tx,
  incident: { id: number; type: string; level: IncidentLevel; startedAt: Date },
  actorId: number | null,
  now: Date,
) {
  await proposePlanOnDeclare(tx, incident, actorId, now);
  if (incident.type === "data_breach") await openBreachOnDeclare(tx, incident);
}
