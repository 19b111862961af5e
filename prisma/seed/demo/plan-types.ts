// In-memory plan of one demo complaint and everything hanging off it, built first and written in batches after.
import type { Prisma } from "../../../lib/generated/prisma/client";
import type {
  ActorType,
  CompensationKind,
  CompensationStatus,
  ComplaintStatus,
  EscalationOutcome,
  EscalationReason,
  EventKind,
  SlaClockKind,
  Visibility,
} from "../../../lib/generated/prisma/enums";
import type { DemoCustomer } from "./people";
import type { SlaPolicyRef } from "./reference";
import type { ComplaintStory } from "./scenarios";

export interface EventPlan {
  kind: EventKind;
  visibility: Visibility;
  actorType: ActorType;
  actorId: number | null;
  body: string | null;
  data?: Prisma.InputJsonValue;
  createdAt: Date;
}

export interface ClockPlan {
  kind: SlaClockKind;
  targetMinutes: number;
  startedAt: Date;
  dueAt: Date;
  warnAt: Date;
  pausedAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  fulfilledAt: Date | null;
  /** Set when the complaint left the workflow without an answer (rejected, duplicate): the clock stops, no breach. */
  cancelledAt: Date | null;
  /** Set when a reopen restarted the clock. */
  restartedAt: Date | null;
}

export interface EscalationPlan {
  fromLevel: number;
  level: number;
  reason: EscalationReason;
  note: string;
  createdAt: Date;
  createdById: number | null;
  ownerId: number;
  acknowledgedAt: Date | null;
  outcome: EscalationOutcome;
  closedAt: Date | null;
  /** Which clock's breach raised it, for the "recorded once" dedupe key. */
  breachedClock: SlaClockKind | null;
}

export interface CompensationPlan {
  kind: CompensationKind;
  amount: number;
  currency: string;
  reason: string;
  status: CompensationStatus;
  proposedById: number;
  approverId: number | null;
  createdAt: Date;
  decidedAt: Date | null;
  issuedAt: Date | null;
  decisionNote: string | null;
}

export interface ComplaintPlan {
  reference: string;
  createdAt: Date;
  status: ComplaintStatus;
  customer: DemoCustomer;
  story: ComplaintStory;
  channelId: number;
  channelCode: string;
  severityId: number;
  priority: Prisma.ComplaintCreateManyInput["priority"];
  teamId: number;
  supervisorId: number;
  assigneeId: number | null;
  policy: SlaPolicyRef;
  incidentId: number | null;
  bookingReference: string | null;
  externalReference: string | null;
  acknowledgedAt: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** When the complaint left the workflow: closed, rejected or merged. */
  endedAt: Date | null;
  reopenCount: number;
  rootCauseId: number | null;
  resolutionSummary: string | null;
  duplicateOf: ComplaintPlan | null;
  escalationLevel: number;
  events: EventPlan[];
  clocks: ClockPlan[];
  escalations: EscalationPlan[];
  compensations: CompensationPlan[];
}
