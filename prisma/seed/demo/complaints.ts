// Plans the ~400 demo complaints: when each was filed and how far it got (recent ones open, older ones closed),
// who filed it, about what, through which channel, who handles it, and its SLA policy.
import type { ComplaintStatus, Priority } from "../../../lib/generated/prisma/enums";
import { escalate, proposeCompensation } from "./escalate";
import { playLifecycle } from "./lifecycle";
import type { DemoCustomer, DemoStaff, DemoTeam } from "./people";
import type { ComplaintPlan } from "./plan-types";
import type { SeededRandom } from "./random";
import { matchPolicy, type Reference } from "./reference";
import { tellStory, type Route } from "./scenarios";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REGULAR_COMPLAINTS = 385;
const HISTORY_DAYS = 119.5;

/** A complaint to be: its filing time and target status, plus fixed facts for incident complaints. */
export interface ComplaintSlot {
  createdAt: Date;
  status: ComplaintStatus;
  incident?: { id: number; subcategoryCode: string; route: Route };
}

// Share of each status and how old such a complaint typically is (days), so that queues look like a live centre.
const STATUS_MIX: { status: ComplaintStatus; weight: number; age: (random: SeededRandom) => number }[] = [
  { status: "new", weight: 7, age: (r) => (r.chance(0.8) ? r.between(0, 50 / 1440) : r.between(0.05, 1.2)) },
  {
    status: "acknowledged",
    weight: 7,
    age: (r) => (r.chance(0.75) ? r.between(5 / 1440, 50 / 1440) : r.between(0.05, 2)),
  },
  { status: "in_progress", weight: 15, age: (r) => (r.chance(0.85) ? r.between(0.1, 1.8) : r.between(2, 12)) },
  { status: "pending_customer", weight: 7, age: (r) => r.between(1, 15) },
  { status: "resolved", weight: 10, age: (r) => r.between(1, 12) },
  { status: "closed", weight: 40, age: (r) => r.between(8, HISTORY_DAYS) },
  { status: "reopened", weight: 4, age: (r) => r.between(3, 14) },
  { status: "rejected", weight: 5, age: (r) => r.between(1, HISTORY_DAYS) },
  { status: "duplicate", weight: 5, age: (r) => r.between(1, HISTORY_DAYS) },
];

export function regularSlots(random: SeededRandom, now: Date): ComplaintSlot[] {
  // The first slots cover every status once, so small seeds still show the whole lifecycle.
  return Array.from({ length: REGULAR_COMPLAINTS }, (_, index) => {
    const mix = STATUS_MIX[index] ?? random.weighted(STATUS_MIX.map((entry) => [entry, entry.weight] as const));
    return { status: mix.status, createdAt: new Date(now.getTime() - mix.age(random) * DAY) };
  });
}

interface PlanContext {
  random: SeededRandom;
  now: Date;
  reference: Reference;
  staff: DemoStaff;
  customers: DemoCustomer[];
}

const CHANNEL_WEIGHTS: Record<string, number> = {
  phone: 30,
  web: 14,
  app: 12,
  email: 10,
  counter: 8,
  social: 5,
  chat: 6,
  letter: 3,
  "caac-12326": 5,
  ota: 5,
};

function teamFor(categoryCode: string, regulator: boolean, staff: DemoStaff): DemoTeam {
  if (regulator) return staff.teams.escalations;
  if (categoryCode === "BAG") return staff.teams.baggage;
  if (categoryCode === "FFP" || categoryCode === "SPA") return staff.teams.member;
  return staff.teams.phone;
}

function assigneeFor(team: DemoTeam, staff: DemoStaff, random: SeededRandom): number {
  // The demo agent carries a larger share so that "My queue" is well filled when signing in as the agent.
  return random.weighted(team.agentIds.map((id) => [id, id === staff.demoAgentId ? 2 : 1] as const));
}

function severityFor(gravity: "high" | "medium" | "low", type: string, reference: Reference, random: SeededRandom) {
  const byPosition = (position: number) => reference.severities[Math.min(position, reference.severities.length - 1)];
  const position =
    type !== "complaint"
      ? 3
      : gravity === "high"
        ? random.chance(0.15)
          ? 0
          : 1
        : gravity === "medium"
          ? random.chance(0.2)
            ? 1
            : 2
          : random.chance(0.35)
            ? 2
            : 3;
  const severity = byPosition(position);
  if (!severity) throw new Error("No severities installed");
  return { severity, position: reference.severities.indexOf(severity) };
}

const PRIORITIES: Priority[] = ["urgent", "high", "normal", "low"];

export function planComplaints(slots: ComplaintSlot[], context: PlanContext): ComplaintPlan[] {
  const { random, now, reference, staff, customers } = context;
  const ordered = [...slots].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const sequenceByYear = new Map<number, number>();
  const plans: ComplaintPlan[] = [];
  const channelPool = reference.channels.map((channel) => [channel, CHANNEL_WEIGHTS[channel.code] ?? 3] as const);
  const customerPool = customers.map((customer) => [customer, customer.activity] as const);

  for (const slot of ordered) {
    const year = Number(slot.createdAt.toLocaleDateString("en-GB", { year: "numeric", timeZone: "Asia/Shanghai" }));
    const number = (sequenceByYear.get(year) ?? 0) + 1;
    sequenceByYear.set(year, number);
    const reference_ = `CMP-${year}-${String(number).padStart(6, "0")}`;

    // A duplicate repeats a recent complaint of the same customer about the same thing.
    const candidates = plans.slice(-25).filter((plan) => plan.status !== "duplicate" && !plan.incidentId);
    const original = slot.status === "duplicate" && candidates.length > 0 ? random.pick(candidates) : null;
    const status = slot.status === "duplicate" && !original ? "rejected" : slot.status;
    const customer = original?.customer ?? random.weighted(customerPool);
    const story =
      original?.story ??
      tellStory({
        random,
        reference,
        locale: customer.locale,
        createdAt: slot.createdAt,
        subcategoryCode: slot.incident?.subcategoryCode,
        route: slot.incident?.route,
      });
    const channel =
      slot.incident && reference.channels.some((c) => c.code === "app") && random.chance(0.4)
        ? (reference.channels.find((c) => c.code === "app") ?? random.weighted(channelPool))
        : random.weighted(channelPool);
    const { severity, position } = severityFor(story.gravity, story.type, reference, random);
    const priority =
      PRIORITIES[Math.max(0, Math.min(3, position + (random.chance(0.15) ? random.pick([-1, 1]) : 0)))] ?? "normal";
    const team = teamFor(story.categoryCode, channel.isRegulator, staff);
    const policy = matchPolicy(reference.policies, {
      type: story.type,
      severityId: severity.id,
      priority,
      tierId: customer.tierId,
      channelId: channel.id,
    });
    const touchpoint = reference.touchpoints.find((candidate) => candidate.code === story.touchpointCode);
    const causes = reference.rootCausesByCategory.get(story.categoryId) ?? [];

    const plan: ComplaintPlan = {
      reference: reference_,
      createdAt: slot.createdAt,
      status,
      customer,
      story: touchpoint ? story : { ...story, touchpointCode: undefined },
      channelId: channel.id,
      channelCode: channel.code,
      severityId: severity.id,
      priority,
      teamId: team.id,
      supervisorId: team.supervisorId,
      assigneeId: assigneeFor(team, staff, random),
      policy,
      incidentId: slot.incident?.id ?? null,
      bookingReference: story.flightNumber ? random.code(6) : null,
      externalReference: channel.isRegulator
        ? `12326-${year}-${random.digits(6)}`
        : channel.kind === "ota"
          ? `OTA${random.digits(12)}`
          : null,
      acknowledgedAt: null,
      firstResponseAt: null,
      resolvedAt: null,
      closedAt: null,
      endedAt: null,
      reopenCount: 0,
      rootCauseId: null,
      resolutionSummary: null,
      duplicateOf: original,
      escalationLevel: 1,
      events: [],
      clocks: [],
      escalations: [],
      compensations: [],
    };
    playLifecycle(plan, random, now);
    if (plan.resolutionSummary !== null && causes.length > 0) plan.rootCauseId = random.pick(causes).id;
    escalate(plan, {
      random,
      now,
      qualitySupervisorId: staff.teams.escalations.supervisorId,
      managerId: staff.managerId,
      severityEscalates: severity.escalateOnCreate,
      regulator: channel.isRegulator,
    });
    proposeCompensation(plan, random, now, staff.managerId);
    plan.events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    plans.push(plan);
  }
  return plans;
}

/** Last reference number per year, for complaint_sequences. */
export function sequences(plans: ComplaintPlan[]): { year: number; last: number }[] {
  const last = new Map<number, number>();
  for (const plan of plans) {
    const [, year, number] = plan.reference.split("-");
    last.set(Number(year), Math.max(last.get(Number(year)) ?? 0, Number(number)));
  }
  return [...last].map(([year, value]) => ({ year, last: value }));
}
