// The one permission table: roles map to permissions; every server action, route handler and service checks `can`.
import type { Role } from "@/lib/generated/prisma/enums";

export const PERMISSIONS = [
  "complaint.read", // complaints of the actor's teams
  "complaint.read_all", // every complaint, whatever the team
  "complaint.create",
  "complaint.update",
  "complaint.transition",
  "complaint.assign",
  "complaint.reply",
  "complaint.merge",
  "complaint.reopen",
  "complaint.bulk",
  "compensation.propose",
  "compensation.approve",
  "escalation.manage", // escalation inbox: acknowledge, reassign, extend, de-escalate
  "customer.read",
  "customer.update",
  "customer.merge",
  "customer.change_review",
  "pii.view",
  "survey.read",
  "survey.manage",
  "dashboard.view", // manager dashboards (all teams)
  "dashboard.team", // supervisor's team view
  "report.export",
  "improvement.manage",
  "incident.manage",
  "admin.users",
  "admin.teams",
  "admin.config", // categories, channels, SLA policies, calendars, templates, limits
  "admin.audit",
  "admin.tokens",
  "admin.webhooks",
  "admin.privacy", // retention, data export and erasure
  "admin.mail", // dev mail catcher
  "department.manage", // departments, heads, liaisons, reply-time policy (issue 18)
  "investigation.request", // ask departments from the complaint workspace; accept or return their answers
  "investigation.answer", // a department liaison answers requests routed to their departments, nothing else
  "knowledge.read", // published knowledge articles (SOPs, FAQs, scripts, policies, regulations)
  "knowledge.manage", // write and edit articles, submit them for review
  "knowledge.approve", // review: publish, send back, archive
  "quality.own", // one's own inspection results (appeal once) and monthly appraisals (acknowledge)
  "quality.inspect", // inspector: score sampled complaints of the teams one supervises, decide appeals, calibrate, comment on appraisals
  "quality.manage", // scorecards, sampling plans, appraisal weights; run sampling and appraisals
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const AGENT = [
  "complaint.read",
  "complaint.create",
  "complaint.update",
  "complaint.transition",
  "complaint.reply",
  "compensation.propose",
  "customer.read",
  "customer.update",
  "survey.read",
  "investigation.request",
  "knowledge.read",
  "quality.own",
] as const satisfies readonly Permission[];

const SUPERVISOR = [
  ...AGENT,
  "complaint.assign",
  "complaint.merge",
  "complaint.reopen",
  "complaint.bulk",
  "compensation.approve",
  "escalation.manage",
  "customer.merge",
  "customer.change_review",
  "pii.view",
  "dashboard.team",
  "report.export",
  "incident.manage",
  "knowledge.manage",
  "knowledge.approve",
  "quality.inspect",
] as const satisfies readonly Permission[];

const MANAGER = [
  ...SUPERVISOR,
  "quality.manage",
  "complaint.read_all",
  "dashboard.view",
  "survey.manage",
  "improvement.manage",
] as const satisfies readonly Permission[];

const ADMIN = [
  "complaint.read",
  "complaint.read_all",
  "customer.read",
  "pii.view",
  "survey.read",
  "survey.manage",
  "dashboard.view",
  "report.export",
  "admin.users",
  "admin.teams",
  "admin.config",
  "admin.audit",
  "admin.tokens",
  "admin.webhooks",
  "admin.privacy",
  "admin.mail",
  "department.manage",
  "knowledge.read",
] as const satisfies readonly Permission[];

// A department liaison holds no complaint permission at all: complaintScope matches nothing for them, so every
// existing page, action, API route and attachment URL refuses them; they work only in the department inbox.
const LIAISON = ["investigation.answer"] as const satisfies readonly Permission[];

export const ROLE_PERMISSIONS = {
  agent: AGENT,
  supervisor: SUPERVISOR,
  manager: MANAGER,
  admin: ADMIN,
  liaison: LIAISON,
} as const satisfies Record<Role, readonly Permission[]>;

export const ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];

/**
 * Who is acting: a signed-in user or an API token (then `permissions` is the token's scope within its creator's role).
 */
export type Actor = {
  kind: "user" | "api_token";
  userId: number;
  role: Role;
  teamIds: number[];
  permissions: ReadonlySet<Permission>;
};

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set<Permission>(ROLE_PERMISSIONS[role]);
}

export function can(actor: Pick<Actor, "permissions">, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
