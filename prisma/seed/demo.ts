// Realistic demo data on top of an applied template: staff, customers, ~400 complaints across every status with
// consistent timelines, SLA clocks, escalations, compensations, surveys, incidents and improvement actions.
// Deterministic for a given seed and `now`, so screenshots and e2e tests see the same world every run.
import type { Tx } from "../../lib/db";
import { hashPassword } from "../../lib/auth/password";
import { planComplaints, regularSlots, sequences } from "./demo/complaints";
import {
  incidentEvents,
  seedImprovementActions,
  seedIncidents,
  seedPassengerVolumes,
  seedWorkItems,
} from "./demo/extras";
import { seedIncidentReviews } from "./demo/incident-reviews";
import { seedCustomers, seedStaff } from "./demo/people";
import { inBatches, persistComplaints } from "./demo/persist";
import { SeededRandom } from "./demo/random";
import { seedInvestigations } from "./demo/investigations";
import { seedPastDisruption, seedPlanDemo } from "./demo/past-disruption";
import { seedQuality } from "./demo/quality";
import { loadReference } from "./demo/reference";
import { seedSurveys } from "./demo/satisfaction";
import { DEMO_PASSWORD } from "./demo-logins";

export interface DemoOptions {
  now?: Date;
  /** PRNG seed; the same seed and `now` give the same data. */
  seed?: number;
}

export interface DemoCounts {
  users: number;
  teams: number;
  customers: number;
  complaints: number;
  incidents: number;
  incidentReviews: number;
  surveys: number;
  surveyResponses: number;
  followUpTasks: number;
  improvementActions: number;
  passengerMonths: number;
  investigations: number;
  drills: number;
  inspections: number;
  appraisals: number;
}

const DEFAULT_SEED = 20_260_101;

export async function seedDemoData(tx: Tx, options: DemoOptions = {}): Promise<DemoCounts> {
  const now = options.now ?? new Date();
  const random = new SeededRandom(options.seed ?? DEFAULT_SEED);
  const reference = await loadReference(tx);
  // bcrypt is deliberately slow: hash once and share the hash between all demo users.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const staff = await seedStaff(tx, passwordHash, new Date(now.getTime() - 400 * 86_400_000));
  const customers = await seedCustomers(tx, reference, random, now);
  const incidents = await seedIncidents(tx, reference, random, now);
  const plans = planComplaints([...regularSlots(random, now), ...incidents.slots], {
    random,
    now,
    reference,
    staff,
    customers,
  });

  const touchpointIds = new Map(reference.touchpoints.map((touchpoint) => [touchpoint.code, touchpoint.id]));
  const complaintIds = await persistComplaints(tx, plans, touchpointIds);
  await inBatches(incidentEvents(plans, complaintIds), (data) => tx.complaintEvent.createMany({ data }));
  for (const { year, last } of sequences(plans)) {
    await tx.complaintSequence.upsert({ where: { year }, create: { year, last }, update: { last } });
  }

  const satisfaction = await seedSurveys(tx, plans, complaintIds, random, now);
  const improvementActions = await seedImprovementActions(tx, plans, complaintIds, staff, now);
  const workItems = await seedWorkItems(tx, plans, complaintIds, staff, now);
  const passengerMonths = await seedPassengerVolumes(tx, random, now);
  const investigations = await seedInvestigations(tx, {
    liaisonId: staff.liaisonId,
    requesterId: staff.demoAgentId,
    now,
  });
  // Escalations to a named department (issue 18 item 5): the manager owns the departments that take L3/L4 by default.
  await tx.department.updateMany({
    where: { escalationLevel: { not: null } },
    data: { escalationOwnerId: staff.managerId },
  });
  // After the sequences above: the past disruption numbers its 1,000 complaints after the last of its year.
  const pastDisruption = await seedPastDisruption(tx, reference, staff, now);
  const planDemo = await seedPlanDemo(tx, staff, now);
  const quality = await seedQuality(tx, staff, now);
  // Last of the incident steps: every closed incident seeded above gets its review (the app closes none without one).
  const incidentReviews = await seedIncidentReviews(tx, now);

  const counts: DemoCounts = {
    users: staff.userIds.length,
    teams: Object.keys(staff.teams).length,
    customers: customers.length,
    complaints: plans.length + pastDisruption.complaints,
    incidents: incidents.incidents + pastDisruption.incidents,
    surveys: satisfaction.surveys,
    surveyResponses: satisfaction.responses,
    followUpTasks: satisfaction.lowScoreTasks + workItems,
    improvementActions: improvementActions + incidentReviews,
    incidentReviews,
    passengerMonths,
    investigations,
    drills: planDemo.drills,
    inspections: quality.inspections,
    appraisals: quality.appraisals,
  };
  await tx.auditLog.createMany({
    data: [
      ...staff.userIds.map((userId) => ({
        actorType: "system" as const,
        action: "user.create",
        entityType: "user",
        entityId: String(userId),
        changes: { source: "seed" },
        createdAt: now,
      })),
      {
        actorType: "system",
        action: "seed.demo_data",
        entityType: "system",
        entityId: null,
        changes: { ...counts },
        createdAt: now,
      },
    ],
  });
  return counts;
}
