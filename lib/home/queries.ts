// Reads for the role home pages: counts and short lists, scoped to what the signed-in user may see.
import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { drillWhere } from "@/lib/complaints/kpi-drill";
import { db } from "@/lib/db";
import type {
  ComplaintStatus,
  EscalationOutcome,
  EscalationReason,
  Priority,
  Role,
} from "@/lib/generated/prisma/enums";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { resolvePeriod } from "@/lib/kpi/filters";

export const OPEN_STATUSES = [
  "new",
  "acknowledged",
  "in_progress",
  "pending_customer",
  "reopened",
] as const satisfies readonly ComplaintStatus[];
/** Open statuses whose SLA clocks run (pending_customer pauses them). */
const RUNNING_STATUSES = [
  "new",
  "acknowledged",
  "in_progress",
  "reopened",
] as const satisfies readonly ComplaintStatus[];
const OPEN_ESCALATION_OUTCOMES = [
  "open",
  "acknowledged",
  "reassigned",
  "extended",
] as const satisfies readonly EscalationOutcome[];

const HOUR_MS = 60 * 60_000;
export const AGENT_QUEUE_LIMIT = 25;

export type SeverityLabel = { name: string; color: string; rank: number };

// ───────────── agent ─────────────

export type AgentQueueRow = {
  id: number;
  reference: string;
  subject: string;
  status: ComplaintStatus;
  priority: Priority;
  nextDueAt: Date | null;
  customerName: string;
  severity: SeverityLabel;
};

export type AgentHome = {
  now: Date;
  counts: { open: number; dueSoon: number; overdue: number; awaitingCustomer: number };
  queue: AgentQueueRow[];
};

export async function getAgentHome(user: CurrentUser, locale: AppLocale, now = new Date()): Promise<AgentHome> {
  const mine = { assigneeId: user.id, status: { in: [...OPEN_STATUSES] } };
  const running = { assigneeId: user.id, status: { in: [...RUNNING_STATUSES] } };
  const [open, dueSoon, overdue, awaitingCustomer, rows] = await Promise.all([
    db.complaint.count({ where: mine }),
    db.complaint.count({ where: { ...running, nextDueAt: { gte: now, lte: new Date(now.getTime() + 4 * HOUR_MS) } } }),
    db.complaint.count({ where: { ...running, nextDueAt: { lt: now } } }),
    db.complaint.count({ where: { assigneeId: user.id, status: "pending_customer" } }),
    db.complaint.findMany({
      where: mine,
      select: {
        id: true,
        reference: true,
        subject: true,
        status: true,
        priority: true,
        nextDueAt: true,
        customer: { select: { name: true } },
        severity: { select: { nameZh: true, nameEn: true, color: true, rank: true } },
      },
      orderBy: [{ nextDueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: AGENT_QUEUE_LIMIT,
    }),
  ]);
  return {
    now,
    counts: { open, dueSoon, overdue, awaitingCustomer },
    queue: rows.map(({ customer, severity, ...row }) => ({
      ...row,
      customerName: customer.name,
      severity: { name: localizedName(locale, severity), color: severity.color, rank: severity.rank },
    })),
  };
}

// ───────────── supervisor ─────────────

export type SupervisorAgentRow = { id: number; name: string; teams: string[]; open: number; overdue: number };
export type SupervisorEscalationRow = {
  id: number;
  level: number;
  reason: EscalationReason;
  createdAt: Date;
  ownerName: string | null;
  reference: string;
  subject: string;
};

export type SupervisorHome = {
  now: Date;
  teamNames: string[];
  counts: { open: number; unassigned: number; breached: number; escalations: number };
  agents: SupervisorAgentRow[];
  escalations: SupervisorEscalationRow[];
};

/** Teams a supervisor looks after: those they belong to and those they are the named supervisor of. */
async function supervisedTeams(user: CurrentUser, locale: AppLocale) {
  const teams = await db.team.findMany({
    where: { active: true, OR: [{ id: { in: user.teamIds } }, { supervisorId: user.id }] },
    select: { id: true, nameZh: true, nameEn: true },
    orderBy: { code: "asc" },
  });
  return teams.map((team) => ({ id: team.id, name: localizedName(locale, team) }));
}

export async function getSupervisorHome(
  user: CurrentUser,
  locale: AppLocale,
  now = new Date(),
): Promise<SupervisorHome> {
  const teams = await supervisedTeams(user, locale);
  const teamIds = teams.map((team) => team.id);
  const teamOpen = { teamId: { in: teamIds }, status: { in: [...OPEN_STATUSES] } };
  const openEscalations = {
    level: { gte: 2 },
    closedAt: null,
    outcome: { in: [...OPEN_ESCALATION_OUTCOMES] },
    complaint: teamOpen,
  };

  const [open, unassigned, breached, escalationCount, escalations, agents] = await Promise.all([
    db.complaint.count({ where: teamOpen }),
    db.complaint.count({ where: { ...teamOpen, assigneeId: null } }),
    db.complaint.count({ where: { ...teamOpen, slaBreached: true } }),
    db.escalation.count({ where: openEscalations }),
    db.escalation.findMany({
      where: openEscalations,
      select: {
        id: true,
        level: true,
        reason: true,
        createdAt: true,
        owner: { select: { name: true } },
        complaint: { select: { reference: true, subject: true } },
      },
      orderBy: [{ level: "desc" }, { createdAt: "asc" }],
      take: 10,
    }),
    db.user.findMany({
      where: { role: "agent", active: true, memberships: { some: { teamId: { in: teamIds } } } },
      select: {
        id: true,
        name: true,
        memberships: { where: { teamId: { in: teamIds } }, select: { teamId: true } },
      },
      orderBy: { name: "asc" },
    }),
  ]);

  const agentIds = agents.map((agent) => agent.id);
  const [openByAgent, overdueByAgent] = await Promise.all([
    db.complaint.groupBy({
      by: ["assigneeId"],
      where: { ...teamOpen, assigneeId: { in: agentIds } },
      _count: { _all: true },
    }),
    db.complaint.groupBy({
      by: ["assigneeId"],
      where: {
        teamId: { in: teamIds },
        status: { in: [...RUNNING_STATUSES] },
        assigneeId: { in: agentIds },
        nextDueAt: { lt: now },
      },
      _count: { _all: true },
    }),
  ]);
  const countOf = (groups: typeof openByAgent, id: number) =>
    groups.find((group) => group.assigneeId === id)?._count._all ?? 0;
  const teamName = new Map(teams.map((team) => [team.id, team.name]));

  return {
    now,
    teamNames: teams.map((team) => team.name),
    counts: { open, unassigned, breached, escalations: escalationCount },
    agents: agents
      .map((agent) => ({
        id: agent.id,
        name: agent.name,
        teams: agent.memberships.map((membership) => teamName.get(membership.teamId) ?? ""),
        open: countOf(openByAgent, agent.id),
        overdue: countOf(overdueByAgent, agent.id),
      }))
      .sort((a, b) => b.open - a.open || a.name.localeCompare(b.name)),
    escalations: escalations.map(({ owner, complaint, ...escalation }) => ({
      ...escalation,
      ownerName: owner?.name ?? null,
      reference: complaint.reference,
      subject: complaint.subject,
    })),
  };
}

// ───────────── manager ─────────────

export type PeriodKpis = {
  inflow: number;
  resolved: number;
  backlog: number;
  csatResponses: number;
  /** Share 0–1 of CSAT answers scoring 4–5; null without answers. */
  csat: number | null;
  /** Share 0–1 of the period's new complaints that breached an SLA target; null without new complaints. */
  slaBreached: number | null;
};

export type ManagerHome = {
  now: Date;
  current: PeriodKpis;
  previous: PeriodKpis;
  periodStart: Date;
  backlogByStatus: { status: ComplaintStatus; count: number }[];
  topCategories: { id: number; name: string; count: number }[];
};

/** Figures over [start, end), the backlog at `backlogAt` (the end, or now while the period is still running). */
async function periodKpis(start: Date, end: Date, backlogAt: Date): Promise<PeriodKpis> {
  // Inflow as the dashboard counts it: complaints merged as duplicates are not new complaints (docs/kpi.md).
  const created = { createdAt: { gte: start, lt: end }, status: { not: "duplicate" as const } };
  const [inflow, resolved, backlog, csatResponses, csatPositive, breached] = await Promise.all([
    db.complaint.count({ where: created }),
    db.complaint.count({ where: { resolvedAt: { gte: start, lt: end } } }),
    // Backlog at `end` exactly as the dashboard counts it (point in time, from the status history).
    db.complaint.count({ where: drillWhere("backlog", { to: backlogAt, now: backlogAt }) }),
    db.surveyResponse.count({ where: { createdAt: { gte: start, lt: end }, csat: { not: null } } }),
    db.surveyResponse.count({ where: { createdAt: { gte: start, lt: end }, csat: { gte: 4 } } }),
    db.complaint.count({ where: { ...created, slaBreached: true } }),
  ]);
  return {
    inflow,
    resolved,
    backlog,
    csatResponses,
    csat: csatResponses > 0 ? csatPositive / csatResponses : null,
    slaBreached: inflow > 0 ? breached / inflow : null,
  };
}

/**
 * Last 30 days against the 30 days before, over every complaint (managers hold complaint.read_all): the dashboard's
 * default period (30 reporting days in the business time zone, today included), so both pages show the same inflow,
 * backlog and CSAT for what both call the last 30 days.
 */
export async function getManagerHome(locale: AppLocale, now = new Date()): Promise<ManagerHome> {
  const period = resolvePeriod({ preset: "30d" }, now);
  const periodStart = period.from;
  const [current, previous, statusGroups, categoryGroups] = await Promise.all([
    periodKpis(period.from, period.to, new Date(Math.min(period.to.getTime(), now.getTime()))),
    periodKpis(period.previous.from, period.previous.to, period.previous.to),
    db.complaint.groupBy({ by: ["status"], where: { status: { in: [...OPEN_STATUSES] } }, _count: { _all: true } }),
    db.complaint.groupBy({
      by: ["categoryId"],
      where: {
        createdAt: { gte: period.from, lt: period.to },
        status: { not: "duplicate" },
        categoryId: { not: null },
      },
      _count: { _all: true },
      orderBy: { _count: { categoryId: "desc" } },
      take: 5,
    }),
  ]);
  const categoryIds = categoryGroups.flatMap((group) => (group.categoryId === null ? [] : [group.categoryId]));
  const categories = await db.category.findMany({
    where: { id: { in: categoryIds } },
    select: { id: true, nameZh: true, nameEn: true },
  });
  const categoryName = new Map(categories.map((category) => [category.id, localizedName(locale, category)]));
  return {
    now,
    current,
    previous,
    periodStart,
    backlogByStatus: OPEN_STATUSES.map((status) => ({
      status,
      count: statusGroups.find((group) => group.status === status)?._count._all ?? 0,
    })),
    topCategories: categoryGroups.flatMap((group) =>
      group.categoryId === null
        ? []
        : [{ id: group.categoryId, name: categoryName.get(group.categoryId) ?? "", count: group._count._all }],
    ),
  };
}

// ───────────── admin ─────────────

export type AdminHome = {
  usersByRole: Record<Role, { active: number; inactive: number }>;
  counts: { teams: number; categories: number; channels: number; slaPolicies: number };
};

export async function getAdminHome(): Promise<AdminHome> {
  const [groups, teams, categories, channels, slaPolicies] = await Promise.all([
    db.user.groupBy({ by: ["role", "active"], _count: { _all: true } }),
    db.team.count({ where: { active: true } }),
    db.category.count({ where: { active: true } }),
    db.channel.count({ where: { active: true } }),
    db.slaPolicy.count({ where: { active: true } }),
  ]);
  const usersByRole: AdminHome["usersByRole"] = {
    agent: { active: 0, inactive: 0 },
    supervisor: { active: 0, inactive: 0 },
    manager: { active: 0, inactive: 0 },
    admin: { active: 0, inactive: 0 },
    liaison: { active: 0, inactive: 0 },
  };
  for (const group of groups) usersByRole[group.role][group.active ? "active" : "inactive"] += group._count._all;
  return { usersByRole, counts: { teams, categories, channels, slaPolicies } };
}
