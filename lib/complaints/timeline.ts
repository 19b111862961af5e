// Presents a complaint's append-only events for the workspace timeline: ids in the event data become names, and
// the different data shapes (written by services, by the SLA jobs and by the demo seed) become one detail type.
import "server-only";
import { db } from "@/lib/db";
import { CALL_OUTCOMES, type CallOutcome } from "@/lib/complaints/customer-contact";
import type { ActorType, ComplaintStatus, EventKind, Visibility } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { STATUSES } from "@/lib/complaints/schema";
import type { ComplaintFormOptions, ComplaintWorkspace } from "@/lib/complaints/workspace";

type EventRow = ComplaintWorkspace["events"][number];

export type FieldChange = { field: string; from: string | null; to: string | null };

export type TimelineDetail =
  | { type: "status"; from: ComplaintStatus | null; to: ComplaintStatus | null }
  | { type: "assignment"; fromAssignee: string | null; toAssignee: string | null; team: string | null }
  | { type: "fields"; changes: FieldChange[] }
  | {
      type: "compensation";
      kind: string | null;
      amount: string | null;
      currency: string | null;
      note: string | null;
      needsApproval: boolean;
    }
  | { type: "escalation"; level: number | null; reason: string | null; department: string | null }
  | {
      type: "survey";
      csat: number | null;
      nps: number | null;
      ces: number | null;
      resolved: boolean | null;
      lowScore: boolean;
      changed: boolean;
      reason: string | null;
    }
  | { type: "contact"; outcome: CallOutcome | null; durationMinutes: number | null; reachedCustomer: boolean | null }
  | { type: "none" };

export type TimelineItem = {
  id: number;
  kind: EventKind;
  visibility: Visibility;
  actorType: ActorType;
  actorName: string | null;
  body: string | null;
  at: Date;
  detail: TimelineDetail;
};

type JsonObject = Record<string, Prisma.JsonValue | undefined>;

function asObject(value: Prisma.JsonValue | null): JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}
const num = (value: Prisma.JsonValue | undefined) => (typeof value === "number" ? value : null);
const str = (value: Prisma.JsonValue | undefined) => (typeof value === "string" ? value : null);
/** Money arrives as "1200.00" from the services and as a number from older rows (the demo seed). */
const amount = (value: Prisma.JsonValue | undefined) => (typeof value === "number" ? value.toFixed(2) : str(value));
const status = (value: Prisma.JsonValue | undefined): ComplaintStatus | null =>
  STATUSES.find((candidate) => candidate === value) ?? null;

export type TimelineNames = { users: Map<number, string>; teams: Map<number, { nameZh: string; nameEn: string }> };

/** Names of the users and teams that assignment events refer to by id. */
export async function loadTimelineNames(events: readonly Pick<EventRow, "kind" | "data">[]): Promise<TimelineNames> {
  const userIds = new Set<number>();
  const teamIds = new Set<number>();
  for (const event of events) {
    if (event.kind !== "assigned" && event.kind !== "handed_over") continue;
    const data = asObject(event.data);
    for (const key of ["assigneeId", "fromAssigneeId", "toAssigneeId"]) {
      const id = num(data[key]);
      if (id) userIds.add(id);
    }
    for (const key of ["teamId", "toTeamId"]) {
      const id = num(data[key]);
      if (id) teamIds.add(id);
    }
  }
  const [users, teams] = await Promise.all([
    userIds.size ? db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }) : [],
    teamIds.size
      ? db.team.findMany({ where: { id: { in: [...teamIds] } }, select: { id: true, nameZh: true, nameEn: true } })
      : [],
  ]);
  return {
    users: new Map(users.map((user) => [user.id, user.name])),
    teams: new Map(teams.map((team) => [team.id, team])),
  };
}

type Named = { id: number; nameZh: string; nameEn: string };
type Lookup = {
  locale: AppLocale;
  names: TimelineNames;
  options: Pick<ComplaintFormOptions, "categories" | "severities" | "touchpoints" | "rootCauses">;
};

const REFERENCE_FIELDS: Record<string, keyof Lookup["options"]> = {
  categoryId: "categories",
  subcategoryId: "categories",
  touchpointId: "touchpoints",
  severityId: "severities",
  rootCauseId: "rootCauses",
};

/** A changed value as text: reference-data ids become names, dates lose their time, other values pass through. */
function fieldValue(field: string, value: Prisma.JsonValue | undefined, lookup: Lookup): string | null {
  if (value === null || value === undefined || value === "") return null;
  const list = REFERENCE_FIELDS[field];
  if (list && typeof value === "number") {
    const row = (lookup.options[list] as readonly Named[]).find((candidate) => candidate.id === value);
    return row ? localizedName(lookup.locale, row) : `#${value}`;
  }
  if (field === "serviceDate" && typeof value === "string") return value.slice(0, 10);
  return typeof value === "string" ? value : JSON.stringify(value);
}

function detailOf(event: EventRow, lookup: Lookup): TimelineDetail {
  const data = asObject(event.data);
  switch (event.kind) {
    case "status_changed":
    case "merged":
      return {
        type: "status",
        from: status(data.from),
        to: status(data.to) ?? (event.kind === "merged" ? "duplicate" : null),
      };
    case "assigned":
    case "handed_over": {
      const userName = (id: number | null) => (id ? (lookup.names.users.get(id) ?? `#${id}`) : null);
      const teamId = num(data.toTeamId) ?? num(data.teamId);
      const team = teamId ? lookup.names.teams.get(teamId) : undefined;
      return {
        type: "assignment",
        fromAssignee: userName(num(data.fromAssigneeId)),
        toAssignee: userName(num(data.toAssigneeId) ?? num(data.assigneeId)),
        team: team ? localizedName(lookup.locale, team) : null,
      };
    }
    case "field_changed":
      return {
        type: "fields",
        changes: Object.entries(data).map(([field, change]) => {
          const pair = asObject(change ?? null);
          return { field, from: fieldValue(field, pair.from, lookup), to: fieldValue(field, pair.to, lookup) };
        }),
      };
    case "compensation_proposed":
    case "compensation_approved":
    case "compensation_rejected":
    case "compensation_issued":
      return {
        type: "compensation",
        kind: str(data.kind),
        amount: amount(data.amount),
        currency: str(data.currency),
        note: str(data.note),
        needsApproval: data.needsApproval === true,
      };
    case "escalated":
    case "de_escalated": {
      const department = asObject(data.department ?? null);
      const names =
        typeof department.nameZh === "string" && typeof department.nameEn === "string"
          ? { nameZh: department.nameZh, nameEn: department.nameEn }
          : null;
      return {
        type: "escalation",
        level: num(data.level) ?? num(data.toLevel),
        reason: str(data.reason),
        department: names ? localizedName(lookup.locale, names) : null,
      };
    }
    case "survey_answered":
    case "survey_skipped":
      return {
        type: "survey",
        csat: num(data.csat),
        nps: num(data.nps),
        ces: num(data.ces),
        resolved: typeof data.resolved === "boolean" ? data.resolved : null,
        lowScore: data.lowScore === true,
        changed: data.changed === true,
        reason: str(data.reason),
      };
    case "call":
    case "reply":
      return {
        type: "contact",
        outcome: CALL_OUTCOMES.find((outcome) => outcome === data.outcome) ?? null,
        durationMinutes: num(data.durationMinutes),
        reachedCustomer: typeof data.reachedCustomer === "boolean" ? data.reachedCustomer : null,
      };
    default:
      return { type: "none" };
  }
}

/** Events oldest first (the order they happened), each with its actor and a typed detail. */
export function presentTimeline(events: readonly EventRow[], lookup: Lookup): TimelineItem[] {
  return [...events]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)
    .map((event) => ({
      id: event.id,
      kind: event.kind,
      visibility: event.visibility,
      actorType: event.actorType,
      actorName: event.actor?.name ?? null,
      body: event.body,
      at: event.createdAt,
      detail: detailOf(event, lookup),
    }));
}
