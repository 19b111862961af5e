// Authorization matrix: every page, route handler and server action (found on disk) × every role, plus team
// ownership (an agent of team B against team A's complaint). A new page/route/action without an entry fails the
// test. Pages are called as functions (their guard and data loading run; child components do not render), route
// handlers with a Request, server actions with plausible input. No response may contain the seeded customer's PII.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

class Interrupt extends Error {
  constructor(readonly kind: "login" | "forbidden" | "not_found") {
    super(kind);
  }
}
const session = vi.hoisted(() => {
  process.env.INBOUND_EMAIL_SECRET = "authz-matrix-inbound-secret";
  return { current: null as null | { userId: number; sessionVersion: number } };
});

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: vi.fn(async () => session.current),
}));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  redirect: () => {
    throw new Interrupt("login");
  },
  forbidden: () => {
    throw new Interrupt("forbidden");
  },
  notFound: () => {
    throw new Interrupt("not_found");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }),
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    set: () => undefined,
    delete: () => undefined,
  }),
}));
vi.mock("@/lib/mail/flush", () => ({ requestMailFlush: vi.fn(async () => true) }));
vi.mock("next-intl/server", () => {
  // Translations and formatting return plain strings: the test looks at guards and data, not at copy.
  const t = Object.assign((key: string) => key, {
    rich: (key: string) => key,
    markup: (key: string) => key,
    raw: (key: string) => key,
    has: () => true,
  });
  // Not thenable ("then" undefined), or awaiting it would hang.
  const format = new Proxy(
    {},
    { get: (_target, key) => (key === "then" ? undefined : (value: unknown) => String(value)) },
  );
  return {
    getTranslations: async () => t,
    getLocale: async () => "en",
    getFormatter: async () => format,
    getNow: async () => new Date(),
    getTimeZone: async () => "Asia/Shanghai",
    // The real catalogue: pages that read message trees (the audit log's labels) need its shape.
    getMessages: async () => (await import("@/messages/en.json")).default,
    setRequestLocale: () => undefined,
    getRequestConfig: (factory: unknown) => factory,
  };
});

import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { ROLE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { generateApiToken } from "@/lib/api-tokens/token";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ROLES = ["anonymous", "agent", "agentB", "supervisor", "manager", "admin", "liaison"] as const;
type RoleKey = (typeof ROLES)[number];
type Outcome = "ok" | "login" | "forbidden" | "not_found";
/**
 * "denied": forbidden or not found — both refuse; which one depends on whether scope or permission is checked first.
 */
type Expected = Outcome | "denied";
type Expectation = Record<RoleKey, Expected>;

const PII = { phone: "+86 137 9999 8888", email: "pii.secret@example.com", idNumber: "110101198001019999" };
const PII_NEEDLES = ["137 9999 8888", "13799998888", PII.email, PII.idNumber];

// ── expectation builders: derived from the one permission table ──
const staffRole = (role: RoleKey) => (role === "agentB" ? "agent" : role) as keyof typeof ROLE_PERMISSIONS;
const holds = (role: RoleKey, permission: Permission) =>
  role !== "anonymous" && (ROLE_PERMISSIONS[staffRole(role)] as readonly Permission[]).includes(permission);
const byRole = (decide: (role: RoleKey) => Expected): Expectation =>
  Object.fromEntries(ROLES.map((role) => [role, decide(role)])) as Expectation;
const perm = (permission: Permission) =>
  byRole((role) => (role === "anonymous" ? "login" : holds(role, permission) ? "ok" : "forbidden"));
const signedIn = () => byRole((role) => (role === "anonymous" ? "login" : "ok"));
const everyone = (outcome: Expected = "ok") => byRole(() => outcome);
/** A permission checked on an entity that does not exist: holders get past the guard to a 404. */
const permMissing = (permission: Permission) =>
  byRole((role) => (role === "anonymous" ? "login" : holds(role, permission) ? "not_found" : "forbidden"));
/** Team A's complaint: its team's agent and supervisor, read_all holders; agentB is out of scope (refused). */
const teamA = (permission: Permission) =>
  byRole((role) => {
    if (role === "anonymous") return "login";
    if (role === "agentB") return "denied";
    return holds(role, permission) ? "ok" : "denied";
  });
const readTeamA = () =>
  byRole((role) =>
    role === "anonymous" ? "login" : role === "agentB" ? "not_found" : role === "liaison" ? "denied" : "ok",
  );
/** Guarded by either of two permissions (e.g. improvements: improvement.manage or dashboard.team). */
const permEither = (first: Permission, second: Permission, allowed: Expected = "ok") =>
  byRole((role) =>
    role === "anonymous" ? "login" : holds(role, first) || holds(role, second) ? allowed : "forbidden",
  );
const with_ = (base: Expectation, overrides: Partial<Expectation>): Expectation => ({ ...base, ...overrides });

type Ctx = {
  complaintId: number;
  reference: string;
  customerId: number;
  /** A second customer without complaints (visible to every staff member): the other side of a merge preview. */
  otherCustomerId: number;
  /** A follow-up task on the seeded customer, assigned to team A's agent. */
  taskId: number;
  calendarId: number;
  policyId: number;
  mailId: number;
  attachmentId: number;
  /** An investigation request on the complaint to the liaison's department, sharing the attachment (issue 18). */
  requestId: number;
  departmentId: number;
  tokens: Record<RoleKey, string | null>;
};
type Call = (ctx: Ctx, role: RoleKey) => Promise<unknown>;
type Entry = { expect: Expectation; call: Call; piiAllowed?: RoleKey[] };

const params = <T extends object>(value: T) => ({ params: Promise.resolve(value), searchParams: Promise.resolve({}) });
const query = <T extends object>(value: T) => ({ params: Promise.resolve({}), searchParams: Promise.resolve(value) });
const page =
  (file: string, props: (ctx: Ctx) => object = () => params({})): Call =>
  async (ctx) => {
    const loaded = (await import(/* @vite-ignore */ path.join(ROOT, file))) as {
      default: (props: object) => Promise<unknown>;
    };
    return loaded.default(props(ctx));
  };
const action =
  (file: string, name: string, args: (ctx: Ctx) => unknown[]): Call =>
  async (ctx) => {
    const loaded = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    const fn = loaded[name];
    if (!fn) throw new Error(`${file} has no export ${name}`);
    return fn(...args(ctx));
  };
type Handler = (request: Request, context: { params: Promise<object> }) => Promise<Response>;
const route =
  (
    file: string,
    method: string,
    url: (ctx: Ctx) => string,
    init: { params?: (ctx: Ctx) => object; body?: unknown; bearer?: boolean } = {},
  ): Call =>
  async (ctx, role) => {
    const loaded = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, Handler>;
    const handler = loaded[method];
    if (!handler) throw new Error(`${file} has no ${method}`);
    const headers: Record<string, string> = { "content-type": "application/json" };
    const token = ctx.tokens[role];
    if (init.bearer && token) headers.authorization = `Bearer ${token}`;
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    return handler(new Request(`http://localhost${url(ctx)}`, { method, headers, body }), {
      params: Promise.resolve(init.params?.(ctx) ?? {}),
    });
  };
const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
};

/**
 * API tokens are scoped by permission, not by role: each "role" column calls /api/v1 with a token holding what
 * that role may grant — agents a team-less token without read_all (sees no complaints), supervisors/managers a
 * read_all token without pii.view, admins a token with pii.view. Anonymous sends no token (401).
 */
const API_SCOPES: Record<Exclude<RoleKey, "anonymous">, string[]> = {
  agent: [
    "complaint.read",
    "complaint.create",
    "complaint.update",
    "complaint.transition",
    "complaint.reply",
    "customer.read",
    "customer.update",
  ],
  agentB: ["complaint.reopen"],
  supervisor: ["complaint.read", "complaint.read_all", "customer.read"],
  manager: [
    "complaint.read",
    "complaint.read_all",
    "complaint.update",
    "complaint.transition",
    "complaint.reply",
    "customer.read",
    "customer.update",
  ],
  admin: ["complaint.read", "complaint.read_all", "customer.read", "pii.view"],
  liaison: [],
};
const api = (decide: (scopes: string[]) => Expected) =>
  byRole((role) => (role === "anonymous" ? "login" : decide(API_SCOPES[role])));
const apiNeeds = (permission: string) => api((scopes) => (scopes.includes(permission) ? "ok" : "forbidden"));
/** Token reads of one complaint: without read_all a token sees none (404). */
const apiComplaint = (permission: string) =>
  api((scopes) =>
    !scopes.includes(permission) ? "forbidden" : scopes.includes("complaint.read_all") ? "ok" : "not_found",
  );

const ENTRIES: Record<string, Record<string, Entry>> = {
  // ── pages ──
  // A liaison's home is a redirect to the department inbox (the mocked redirect reports "login").
  "app/(app)/(home)/page.tsx": {
    default: { expect: with_(signedIn(), { liaison: "login" }), call: page("app/(app)/(home)/page.tsx") },
  },
  "app/(app)/admin/departments/page.tsx": {
    default: { expect: perm("department.manage"), call: page("app/(app)/admin/departments/page.tsx") },
  },
  "app/(app)/department-requests/page.tsx": {
    default: { expect: perm("investigation.answer"), call: page("app/(app)/department-requests/page.tsx") },
  },
  "app/(app)/department-requests/[id]/page.tsx": {
    default: {
      expect: perm("investigation.answer"),
      call: page("app/(app)/department-requests/[id]/page.tsx", (ctx) => params({ id: String(ctx.requestId) })),
    },
  },
  "app/api/department-requests/[id]/attachments/[attachmentId]/route.ts": {
    GET: {
      expect: byRole((role) => (role === "anonymous" ? "login" : role === "liaison" ? "ok" : "not_found")),
      call: route(
        "app/api/department-requests/[id]/attachments/[attachmentId]/route.ts",
        "GET",
        (ctx) => `/api/department-requests/${ctx.requestId}/attachments/${ctx.attachmentId}`,
        { params: (ctx) => ({ id: String(ctx.requestId), attachmentId: String(ctx.attachmentId) }) },
      ),
    },
  },
  "lib/departments/actions.ts": {
    updateDepartmentAction: {
      expect: perm("department.manage"),
      call: action("lib/departments/actions.ts", "updateDepartmentAction", (ctx) => [ctx.departmentId, {}]),
    },
    requestInvestigationAction: {
      expect: teamA("investigation.request"),
      call: action("lib/departments/actions.ts", "requestInvestigationAction", (ctx) => [
        ctx.reference,
        { departmentIds: [ctx.departmentId], urgency: "normal", question: "请核实" },
      ]),
    },
    answerInvestigationAction: {
      expect: perm("investigation.answer"),
      call: action("lib/departments/actions.ts", "answerInvestigationAction", (ctx) => [ctx.requestId, {}]),
    },
    decideAnswerAction: {
      expect: perm("investigation.request"),
      call: action("lib/departments/actions.ts", "decideAnswerAction", (ctx) => [ctx.reference, ctx.requestId, {}]),
    },
    cancelInvestigationAction: {
      expect: perm("investigation.request"),
      call: action("lib/departments/actions.ts", "cancelInvestigationAction", (ctx) => [
        ctx.reference,
        ctx.requestId,
        {},
      ]),
    },
  },
  "app/(app)/admin/access-log/page.tsx": {
    default: { expect: perm("admin.audit"), call: page("app/(app)/admin/access-log/page.tsx") },
  },
  "app/(app)/admin/audit/page.tsx": {
    default: { expect: perm("admin.audit"), call: page("app/(app)/admin/audit/page.tsx") },
  },
  "app/(app)/admin/api-tokens/page.tsx": {
    default: { expect: perm("admin.tokens"), call: page("app/(app)/admin/api-tokens/page.tsx") },
  },
  "app/(app)/admin/calendars/[id]/page.tsx": {
    default: {
      expect: perm("admin.config"),
      call: page("app/(app)/admin/calendars/[id]/page.tsx", (ctx) => params({ id: String(ctx.calendarId) })),
    },
  },
  "app/(app)/admin/calendars/new/page.tsx": {
    default: { expect: perm("admin.config"), call: page("app/(app)/admin/calendars/new/page.tsx") },
  },
  "app/(app)/admin/calendars/page.tsx": {
    default: { expect: perm("admin.config"), call: page("app/(app)/admin/calendars/page.tsx") },
  },
  "app/(app)/admin/categories/page.tsx": {
    default: { expect: perm("admin.config"), call: page("app/(app)/admin/categories/page.tsx") },
  },
  "app/(app)/admin/channels/page.tsx": {
    default: { expect: perm("admin.config"), call: page("app/(app)/admin/channels/page.tsx") },
  },
  "app/(app)/admin/compensation/page.tsx": {
    default: { expect: perm("admin.config"), call: page("app/(app)/admin/compensation/page.tsx") },
  },
  "app/(app)/admin/reply-templates/page.tsx": {
    default: { expect: perm("admin.config"), call: page("app/(app)/admin/reply-templates/page.tsx") },
  },
  "app/(app)/admin/passenger-volumes/page.tsx": {
    default: { expect: perm("admin.config"), call: page("app/(app)/admin/passenger-volumes/page.tsx") },
  },
  // Searching for the seeded customer: hits show masked contact values only (clear values go through revealPiiAction).
  "app/(app)/admin/privacy/page.tsx": {
    default: {
      expect: perm("admin.privacy"),
      call: page("app/(app)/admin/privacy/page.tsx", () => query({ q: "隐私客户" })),
    },
  },
  "app/(app)/admin/setup/page.tsx": {
    default: { expect: perm("admin.config"), call: page("app/(app)/admin/setup/page.tsx") },
  },
  "app/(app)/admin/surveys/page.tsx": {
    default: { expect: perm("survey.manage"), call: page("app/(app)/admin/surveys/page.tsx") },
  },
  "app/(app)/admin/kpi/page.tsx": {
    default: { expect: perm("dashboard.view"), call: page("app/(app)/admin/kpi/page.tsx") },
  },
  "app/(app)/admin/webhooks/[id]/page.tsx": {
    default: {
      expect: permMissing("admin.webhooks"),
      call: page("app/(app)/admin/webhooks/[id]/page.tsx", () => params({ id: "999999" })),
    },
  },
  "app/(app)/admin/webhooks/page.tsx": {
    default: { expect: perm("admin.webhooks"), call: page("app/(app)/admin/webhooks/page.tsx") },
  },
  "app/(app)/admin/mail/[id]/page.tsx": {
    default: {
      expect: permMissing("admin.mail"),
      call: page("app/(app)/admin/mail/[id]/page.tsx", () => params({ id: "999999" })),
    },
  },
  // The dev mail catcher shows caught messages as sent (recipients included): admin-only tooling, PII allowed.
  "app/(app)/admin/mail/page.tsx": {
    default: { expect: perm("admin.mail"), piiAllowed: ["admin"], call: page("app/(app)/admin/mail/page.tsx") },
  },
  "app/(app)/admin/sms/page.tsx": {
    default: { expect: perm("admin.mail"), piiAllowed: ["admin"], call: page("app/(app)/admin/sms/page.tsx") },
  },
  "app/(app)/admin/sla/[id]/page.tsx": {
    default: {
      expect: permMissing("admin.config"),
      call: page("app/(app)/admin/sla/[id]/page.tsx", () => params({ id: "999999" })),
    },
  },
  "app/(app)/admin/sla/new/page.tsx": {
    default: { expect: perm("admin.config"), call: page("app/(app)/admin/sla/new/page.tsx") },
  },
  "app/(app)/admin/sla/page.tsx": {
    default: { expect: perm("admin.config"), call: page("app/(app)/admin/sla/page.tsx") },
  },
  "app/(app)/admin/teams/page.tsx": {
    default: { expect: perm("admin.teams"), call: page("app/(app)/admin/teams/page.tsx") },
  },
  "app/(app)/admin/users/page.tsx": {
    default: { expect: perm("admin.users"), call: page("app/(app)/admin/users/page.tsx") },
  },
  "app/(app)/api-docs/page.tsx": { default: { expect: signedIn(), call: page("app/(app)/api-docs/page.tsx") } },
  "app/(app)/complaints/[reference]/page.tsx": {
    default: {
      expect: readTeamA(),
      call: page("app/(app)/complaints/[reference]/page.tsx", (ctx) => params({ reference: ctx.reference })),
    },
  },
  // Phone 回访: who may resolve team A's complaint (complaint.transition within scope) opens the recording page.
  "app/(app)/complaints/[reference]/phone-survey/page.tsx": {
    default: {
      expect: teamA("complaint.transition"),
      call: page("app/(app)/complaints/[reference]/phone-survey/page.tsx", (ctx) =>
        params({ reference: ctx.reference }),
      ),
    },
  },
  "app/(app)/complaints/new/page.tsx": {
    default: { expect: perm("complaint.create"), call: page("app/(app)/complaints/new/page.tsx") },
  },
  "app/(app)/complaints/page.tsx": {
    default: { expect: perm("complaint.read"), call: page("app/(app)/complaints/page.tsx") },
  },
  // The customer has only a team A complaint: out of agentB's scope (404); admins read every customer.
  "app/(app)/customers/[id]/page.tsx": {
    default: {
      expect: with_(perm("customer.read"), { agentB: "not_found" }),
      call: page("app/(app)/customers/[id]/page.tsx", (ctx) => params({ id: String(ctx.customerId) })),
    },
  },
  "app/(app)/customers/duplicates/page.tsx": {
    default: { expect: perm("customer.merge"), call: page("app/(app)/customers/duplicates/page.tsx") },
  },
  // The merge preview of the seeded customer and a second one (same name): both sides masked.
  "app/(app)/customers/merge/page.tsx": {
    default: {
      expect: perm("customer.merge"),
      call: page("app/(app)/customers/merge/page.tsx", (ctx) =>
        query({ survivor: String(ctx.customerId), merged: String(ctx.otherCustomerId) }),
      ),
    },
  },
  "app/(app)/customers/(list)/page.tsx": {
    default: { expect: perm("customer.read"), call: page("app/(app)/customers/(list)/page.tsx") },
  },
  "app/(app)/dashboard/me/page.tsx": {
    default: { expect: perm("complaint.read"), call: page("app/(app)/dashboard/me/page.tsx") },
  },
  // Staff without dashboard.view are sent on to their own dashboard (team or personal): a redirect, not a refusal.
  "app/(app)/dashboard/(overview)/page.tsx": {
    default: {
      expect: byRole((role) => (role === "anonymous" ? "login" : holds(role, "dashboard.view") ? "ok" : "login")),
      call: page("app/(app)/dashboard/(overview)/page.tsx"),
    },
  },
  "app/(app)/dashboard/report/page.tsx": {
    default: {
      expect: permEither("dashboard.view", "dashboard.team"),
      call: page("app/(app)/dashboard/report/page.tsx"),
    },
  },
  "app/(app)/dashboard/team/page.tsx": {
    default: { expect: perm("dashboard.team"), call: page("app/(app)/dashboard/team/page.tsx") },
  },
  "app/(app)/escalations/page.tsx": {
    default: { expect: perm("escalation.manage"), call: page("app/(app)/escalations/page.tsx") },
  },
  // Incidents: every reader of complaints sees the list and an incident page; declaring needs incident.manage.
  "app/(app)/incidents/page.tsx": {
    default: { expect: perm("complaint.read"), call: page("app/(app)/incidents/page.tsx") },
  },
  "app/(app)/incidents/new/page.tsx": {
    default: { expect: perm("incident.manage"), call: page("app/(app)/incidents/new/page.tsx") },
  },
  "app/(app)/incidents/[id]/page.tsx": {
    default: {
      expect: permMissing("complaint.read"),
      call: page("app/(app)/incidents/[id]/page.tsx", () => params({ id: "999999" })),
    },
  },
  // Contingency plans: readers of incidents see the library and a plan; writing one needs incident.manage.
  "app/(app)/incidents/plans/page.tsx": {
    default: { expect: perm("complaint.read"), call: page("app/(app)/incidents/plans/page.tsx") },
  },
  "app/(app)/incidents/plans/new/page.tsx": {
    default: { expect: perm("incident.manage"), call: page("app/(app)/incidents/plans/new/page.tsx") },
  },
  "app/(app)/incidents/plans/[id]/page.tsx": {
    default: {
      expect: permMissing("complaint.read"),
      call: page("app/(app)/incidents/plans/[id]/page.tsx", () => params({ id: "999999" })),
    },
  },
  "app/(app)/incidents/plans/[id]/edit/page.tsx": {
    default: {
      expect: permMissing("incident.manage"),
      call: page("app/(app)/incidents/plans/[id]/edit/page.tsx", () => params({ id: "999999" })),
    },
  },
  // Improvement actions are read by improvement.manage or dashboard.team holders (managers, supervisors).
  "app/(app)/improvements/[id]/page.tsx": {
    default: {
      expect: permEither("improvement.manage", "dashboard.team", "not_found"),
      call: page("app/(app)/improvements/[id]/page.tsx", () => params({ id: "999999" })),
    },
  },
  "app/(app)/improvements/new/page.tsx": {
    default: { expect: perm("improvement.manage"), call: page("app/(app)/improvements/new/page.tsx") },
  },
  "app/(app)/improvements/page.tsx": {
    default: {
      expect: permEither("improvement.manage", "dashboard.team"),
      call: page("app/(app)/improvements/page.tsx"),
    },
  },
  "app/(app)/notifications/page.tsx": {
    default: { expect: signedIn(), call: page("app/(app)/notifications/page.tsx") },
  },
  "app/(app)/approvals/page.tsx": {
    default: { expect: perm("compensation.approve"), call: page("app/(app)/approvals/page.tsx") },
  },
  "app/(app)/tasks/page.tsx": { default: { expect: perm("customer.read"), call: page("app/(app)/tasks/page.tsx") } },
  // Signed-in users are sent on from the sign-in page (redirect), everyone else sees the form.
  "app/(auth)/login/page.tsx": {
    default: {
      expect: byRole((role) => (role === "anonymous" ? "ok" : "login")),
      call: page("app/(auth)/login/page.tsx"),
    },
  },
  "app/(auth)/set-password/[token]/page.tsx": {
    default: {
      expect: everyone(),
      call: page("app/(auth)/set-password/[token]/page.tsx", () => params({ token: "x".repeat(43) })),
    },
  },
  "app/(public)/complaint/page.tsx": { default: { expect: everyone(), call: page("app/(public)/complaint/page.tsx") } },
  "app/(public)/help/page.tsx": {
    default: { expect: everyone(), call: page("app/(public)/help/page.tsx", () => query({ q: "行李" })) },
  },
  "app/(app)/knowledge/page.tsx": {
    default: {
      expect: perm("knowledge.read"),
      call: page("app/(app)/knowledge/page.tsx", () => query({ q: "行李 delay", mine: "1" })),
    },
  },
  "app/(app)/knowledge/new/page.tsx": {
    default: { expect: perm("knowledge.manage"), call: page("app/(app)/knowledge/new/page.tsx") },
  },
  "app/(app)/knowledge/[id]/page.tsx": {
    default: {
      expect: permMissing("knowledge.read"),
      call: page("app/(app)/knowledge/[id]/page.tsx", () => params({ id: "999999" })),
    },
  },
  "app/(app)/knowledge/[id]/edit/page.tsx": {
    default: {
      expect: permMissing("knowledge.manage"),
      call: page("app/(app)/knowledge/[id]/edit/page.tsx", () => params({ id: "999999" })),
    },
  },
  // Quality (issue 22): agents see their own results and appraisals, inspectors their teams', managers everything.
  "app/(app)/quality/page.tsx": {
    default: {
      expect: permEither("quality.own", "quality.inspect"),
      call: page("app/(app)/quality/page.tsx", () => query({ tab: "appeals", month: "2026-10" })),
    },
  },
  "app/(app)/quality/inspections/[id]/page.tsx": {
    default: {
      expect: permEither("quality.own", "quality.inspect", "not_found"),
      call: page("app/(app)/quality/inspections/[id]/page.tsx", () => params({ id: "999999" })),
    },
  },
  "app/(app)/quality/appraisals/page.tsx": {
    default: {
      expect: permEither("quality.own", "quality.inspect"),
      call: page("app/(app)/quality/appraisals/page.tsx", () => query({ month: "2026-10" })),
    },
  },
  "app/(app)/quality/appraisals/[id]/page.tsx": {
    default: {
      expect: permEither("quality.own", "quality.inspect", "not_found"),
      call: page("app/(app)/quality/appraisals/[id]/page.tsx", () => params({ id: "999999" })),
    },
  },
  "app/(app)/quality/settings/page.tsx": {
    default: { expect: perm("quality.manage"), call: page("app/(app)/quality/settings/page.tsx") },
  },
  "app/(public)/survey/[token]/page.tsx": {
    default: {
      expect: everyone("not_found"),
      call: page("app/(public)/survey/[token]/page.tsx", () => params({ token: "unknown-token-000000000000" })),
    },
  },
  "app/(public)/track/[token]/page.tsx": {
    default: {
      expect: everyone("not_found"),
      call: page("app/(public)/track/[token]/page.tsx", () => params({ token: "unknown-token-000000000000" })),
    },
  },
  "app/(public)/t/[token]/page.tsx": {
    default: {
      expect: everyone("not_found"),
      call: page("app/(public)/t/[token]/page.tsx", () => params({ token: "unknownunknownunknown0" })),
    },
  },
  "app/(public)/s/[token]/page.tsx": {
    default: {
      expect: everyone("not_found"),
      call: page("app/(public)/s/[token]/page.tsx", () => params({ token: "unknownunknownunknown0" })),
    },
  },

  // ── route handlers ──
  // The JSON export of everything stored about one customer (SPEC §9): clear PII is its purpose, for admin.privacy
  // holders only.
  "app/api/admin/privacy/customers/[id]/export/route.ts": {
    GET: {
      expect: perm("admin.privacy"),
      piiAllowed: ["admin"],
      call: route(
        "app/api/admin/privacy/customers/[id]/export/route.ts",
        "GET",
        (ctx) => `/api/admin/privacy/customers/${ctx.customerId}/export`,
        { params: (ctx) => ({ id: String(ctx.customerId) }) },
      ),
    },
  },
  "app/api/dashboard/export/route.ts": {
    GET: {
      expect: perm("report.export"),
      call: route("app/api/dashboard/export/route.ts", "GET", () => "/api/dashboard/export?table=kpis&format=csv"),
    },
  },
  "app/api/quality/appraisals/export/route.ts": {
    GET: {
      expect: perm("quality.inspect"),
      call: route(
        "app/api/quality/appraisals/export/route.ts",
        "GET",
        () => "/api/quality/appraisals/export?month=2026-10&format=csv",
      ),
    },
  },
  "app/api/attachments/[id]/route.ts": {
    GET: {
      expect: readTeamA(),
      call: route("app/api/attachments/[id]/route.ts", "GET", (ctx) => `/api/attachments/${ctx.attachmentId}`, {
        params: (ctx) => ({ id: String(ctx.attachmentId) }),
      }),
    },
  },
  "app/api/complaints/[reference]/attachments/route.ts": {
    // The guard runs before the body is read: signed-in staff get past it (400 for the empty body), anonymous gets 401.
    POST: {
      expect: signedIn(),
      call: route(
        "app/api/complaints/[reference]/attachments/route.ts",
        "POST",
        (ctx) => `/api/complaints/${ctx.reference}/attachments`,
        { params: (ctx) => ({ reference: ctx.reference }) },
      ),
    },
  },
  "app/api/auth/[...nextauth]/route.ts": {}, // next-auth's own endpoints (sign-in, CSRF, session): public by design
  "app/api/health/route.ts": {
    GET: { expect: everyone(), call: route("app/api/health/route.ts", "GET", () => "/api/health") },
  },
  // Prometheus metrics: a bearer token (METRICS_TOKEN), not a user; with no token configured the endpoint does not
  // exist.
  "app/api/metrics/route.ts": {
    GET: { expect: everyone("not_found"), call: route("app/api/metrics/route.ts", "GET", () => "/api/metrics") },
  },
  // The inbound mail webhook authenticates the gateway by its shared secret, not by a user: unauthenticated calls get
  // 401.
  "app/api/inbound/email/route.ts": {
    POST: {
      expect: everyone("login"),
      call: route("app/api/inbound/email/route.ts", "POST", () => "/api/inbound/email", { body: {} }),
    },
  },
  "app/api/sms/callback/route.ts": {
    POST: {
      expect: everyone("login"),
      call: route("app/api/sms/callback/route.ts", "POST", () => "/api/sms/callback", { body: {} }),
    },
  },
  "app/api/v1/openapi.json/route.ts": {
    GET: { expect: everyone(), call: route("app/api/v1/openapi.json/route.ts", "GET", () => "/api/v1/openapi.json") },
  },
  "app/api/v1/complaints/route.ts": {
    GET: {
      expect: apiNeeds("complaint.read"),
      call: route("app/api/v1/complaints/route.ts", "GET", () => "/api/v1/complaints", { bearer: true }),
    },
    POST: {
      expect: apiNeeds("complaint.create"),
      call: route("app/api/v1/complaints/route.ts", "POST", () => "/api/v1/complaints", { bearer: true, body: {} }),
    },
  },
  "app/api/v1/complaints/[reference]/route.ts": {
    GET: {
      expect: apiComplaint("complaint.read"),
      call: route("app/api/v1/complaints/[reference]/route.ts", "GET", (ctx) => `/api/v1/complaints/${ctx.reference}`, {
        bearer: true,
        params: (ctx) => ({ reference: ctx.reference }),
      }),
    },
    PATCH: {
      expect: apiNeeds("complaint.update"),
      call: route(
        "app/api/v1/complaints/[reference]/route.ts",
        "PATCH",
        (ctx) => `/api/v1/complaints/${ctx.reference}`,
        { bearer: true, body: {}, params: (ctx) => ({ reference: ctx.reference }) },
      ),
    },
  },
  "app/api/v1/complaints/[reference]/comments/route.ts": {
    POST: {
      expect: api((scopes) =>
        scopes.includes("complaint.update") || scopes.includes("complaint.reply") ? "ok" : "forbidden",
      ),
      call: route(
        "app/api/v1/complaints/[reference]/comments/route.ts",
        "POST",
        (ctx) => `/api/v1/complaints/${ctx.reference}/comments`,
        { bearer: true, body: {}, params: (ctx) => ({ reference: ctx.reference }) },
      ),
    },
  },
  "app/api/v1/complaints/[reference]/transitions/route.ts": {
    POST: {
      expect: apiNeeds("complaint.transition"),
      call: route(
        "app/api/v1/complaints/[reference]/transitions/route.ts",
        "POST",
        (ctx) => `/api/v1/complaints/${ctx.reference}/transitions`,
        { bearer: true, body: {}, params: (ctx) => ({ reference: ctx.reference }) },
      ),
    },
  },
  "app/api/v1/customers/route.ts": {
    GET: {
      expect: apiNeeds("customer.read"),
      piiAllowed: ["admin"],
      call: route("app/api/v1/customers/route.ts", "GET", () => "/api/v1/customers", { bearer: true }),
    },
    POST: {
      expect: apiNeeds("complaint.create"),
      call: route("app/api/v1/customers/route.ts", "POST", () => "/api/v1/customers", { bearer: true, body: {} }),
    },
  },
  "app/api/v1/customers/[id]/route.ts": {
    // A token without read_all sees only customers without complaints; this one has a team A complaint.
    GET: {
      expect: apiComplaint("customer.read"),
      piiAllowed: ["admin"],
      call: route("app/api/v1/customers/[id]/route.ts", "GET", (ctx) => `/api/v1/customers/${ctx.customerId}`, {
        bearer: true,
        params: (ctx) => ({ id: String(ctx.customerId) }),
      }),
    },
    PATCH: {
      expect: apiComplaint("customer.update"),
      call: route("app/api/v1/customers/[id]/route.ts", "PATCH", (ctx) => `/api/v1/customers/${ctx.customerId}`, {
        bearer: true,
        body: { version: 1, company: "Skyline" },
        params: (ctx) => ({ id: String(ctx.customerId) }),
      }),
    },
  },

  // ── server actions ──
  "lib/api-tokens/actions.ts": {
    createApiTokenAction: {
      expect: perm("admin.tokens"),
      call: action("lib/api-tokens/actions.ts", "createApiTokenAction", () => [{}]),
    },
    revokeApiTokenAction: {
      expect: with_(perm("admin.tokens"), { admin: "not_found" }),
      call: action("lib/api-tokens/actions.ts", "revokeApiTokenAction", () => [999_999]),
    },
    updateApiTokenLimitAction: {
      expect: with_(perm("admin.tokens"), { admin: "not_found" }),
      call: action("lib/api-tokens/actions.ts", "updateApiTokenLimitAction", () => [
        { id: 999_999, rateLimitPerMinute: 3000, expectedRateLimitPerMinute: 600 },
      ]),
    },
  },
  "lib/users/actions.ts": {
    inviteUserAction: {
      expect: perm("admin.users"),
      call: action("lib/users/actions.ts", "inviteUserAction", () => [{}]),
    },
    resendInviteAction: {
      expect: with_(perm("admin.users"), { admin: "not_found" }),
      call: action("lib/users/actions.ts", "resendInviteAction", () => [999_999]),
    },
    updateUserAction: {
      expect: perm("admin.users"),
      call: action("lib/users/actions.ts", "updateUserAction", () => [{}]),
    },
    setUserActiveAction: {
      expect: perm("admin.users"),
      call: action("lib/users/actions.ts", "setUserActiveAction", () => [{}]),
    },
    createTeamAction: {
      expect: perm("admin.teams"),
      call: action("lib/users/actions.ts", "createTeamAction", () => [{}]),
    },
    updateTeamAction: {
      expect: perm("admin.teams"),
      call: action("lib/users/actions.ts", "updateTeamAction", () => [{}]),
    },
    setTeamActiveAction: {
      expect: perm("admin.teams"),
      call: action("lib/users/actions.ts", "setTeamActiveAction", () => [{}]),
    },
  },
  "lib/sla/actions.ts": {
    savePolicyAction: {
      expect: perm("admin.config"),
      call: action("lib/sla/actions.ts", "savePolicyAction", () => [null, {}]),
    },
    previewPolicyAction: {
      expect: perm("admin.config"),
      call: action("lib/sla/actions.ts", "previewPolicyAction", () => [{}]),
    },
    saveCalendarAction: {
      expect: perm("admin.config"),
      call: action("lib/sla/actions.ts", "saveCalendarAction", () => [null, {}]),
    },
    previewCalendarAction: {
      expect: perm("admin.config"),
      call: action("lib/sla/actions.ts", "previewCalendarAction", () => [{}]),
    },
  },
  "lib/reference/actions.ts": {
    saveCategoryAction: {
      expect: perm("admin.config"),
      call: action("lib/reference/actions.ts", "saveCategoryAction", () => [null, {}]),
    },
    deleteCategoryAction: {
      expect: permMissing("admin.config"),
      call: action("lib/reference/actions.ts", "deleteCategoryAction", () => [999_999]),
    },
    saveRootCauseAction: {
      expect: perm("admin.config"),
      call: action("lib/reference/actions.ts", "saveRootCauseAction", () => [null, {}]),
    },
    deleteRootCauseAction: {
      expect: permMissing("admin.config"),
      call: action("lib/reference/actions.ts", "deleteRootCauseAction", () => [999_999]),
    },
    updateChannelAction: {
      expect: perm("admin.config"),
      call: action("lib/reference/actions.ts", "updateChannelAction", () => [999_999, {}]),
    },
    saveReplyTemplateAction: {
      expect: perm("admin.config"),
      call: action("lib/reference/actions.ts", "saveReplyTemplateAction", () => [null, {}]),
    },
    setReplyTemplateActiveAction: {
      expect: perm("admin.config"),
      call: action("lib/reference/actions.ts", "setReplyTemplateActiveAction", () => [999_999, {}]),
    },
    savePassengerVolumesAction: {
      expect: perm("admin.config"),
      call: action("lib/reference/actions.ts", "savePassengerVolumesAction", () => [{}]),
    },
  },
  "lib/compensation/actions.ts": {
    saveCompensationConfigAction: {
      expect: perm("admin.config"),
      call: action("lib/compensation/actions.ts", "saveCompensationConfigAction", () => [{}]),
    },
    proposeCompensationAction: {
      expect: teamA("compensation.propose"),
      call: action("lib/compensation/actions.ts", "proposeCompensationAction", (ctx) => [
        ctx.reference,
        { complaintId: ctx.complaintId, kind: "voucher", amount: "100", currency: "CNY", reason: "Delay" },
      ]),
    },
    decideCompensationAction: {
      expect: permMissing("compensation.approve"),
      call: action("lib/compensation/actions.ts", "decideCompensationAction", (ctx) => [
        ctx.reference,
        { compensationId: 999_999, version: 1, decision: "approve" },
      ]),
    },
    issueCompensationAction: {
      expect: permMissing("compensation.propose"),
      call: action("lib/compensation/actions.ts", "issueCompensationAction", (ctx) => [
        ctx.reference,
        { compensationId: 999_999, version: 1 },
      ]),
    },
  },
  "lib/setup/actions.ts": {
    // Complaints exist, so applying a template is refused (unprocessable) after the guard: nothing is changed.
    applyIndustryTemplateAction: {
      expect: perm("admin.config"),
      call: action("lib/setup/actions.ts", "applyIndustryTemplateAction", () => ["airline"]),
    },
  },
  "lib/customers/actions.ts": {
    saveRetentionAction: {
      expect: perm("admin.privacy"),
      call: action("lib/customers/actions.ts", "saveRetentionAction", () => [{}]),
    },
    runRetentionAction: {
      expect: perm("admin.privacy"),
      call: action("lib/customers/actions.ts", "runRetentionAction", () => []),
    },
    eraseCustomerAction: {
      expect: permMissing("admin.privacy"),
      call: action("lib/customers/actions.ts", "eraseCustomerAction", () => [
        { customerId: 999_999, confirmation: "999999" },
      ]),
    },
    // The seeded customer has only a team A complaint: agentB does not see it (404); admins may read but not edit
    // customers.
    updateCustomerAction: {
      expect: with_(perm("customer.update"), { agentB: "not_found" }),
      call: action("lib/customers/actions.ts", "updateCustomerAction", (ctx) => [
        ctx.customerId,
        { version: 1, company: "Skyline" },
      ]),
    },
    updateValueFactorsAction: {
      expect: with_(perm("customer.update"), { agentB: "not_found" }),
      call: action("lib/customers/actions.ts", "updateValueFactorsAction", (ctx) => [
        ctx.customerId,
        { version: 999, factors: {} },
      ]),
    },
    createTaskAction: {
      expect: with_(perm("customer.update"), { agentB: "not_found" }),
      call: action("lib/customers/actions.ts", "createTaskAction", (ctx) => [
        { customerId: ctx.customerId, title: "Call back", dueAt: new Date(Date.now() + 86_400_000).toISOString() },
      ]),
    },
    // The assignee (team A's agent) or a customer.update holder who sees the customer may change a task.
    setTaskStatusAction: {
      expect: with_(perm("customer.update"), { agentB: "not_found" }),
      call: action("lib/customers/actions.ts", "setTaskStatusAction", (ctx) => [
        { taskId: ctx.taskId, status: "done" },
      ]),
    },
    mergeCustomersAction: {
      expect: permMissing("customer.merge"),
      call: action("lib/customers/actions.ts", "mergeCustomersAction", (ctx) => [
        { survivorId: ctx.customerId, mergedId: 999_999, survivorVersion: 1, mergedVersion: 1 },
      ]),
    },
    undoMergeAction: {
      expect: permMissing("admin.privacy"),
      call: action("lib/customers/actions.ts", "undoMergeAction", () => [999_999]),
    },
  },
  "lib/surveys/actions.ts": {
    saveSurveySettingsAction: {
      expect: perm("survey.manage"),
      call: action("lib/surveys/actions.ts", "saveSurveySettingsAction", () => [{}]),
    },
    saveSurveyTextsAction: {
      expect: perm("survey.manage"),
      call: action("lib/surveys/actions.ts", "saveSurveyTextsAction", () => [{}]),
    },
    saveSurveyReasonAction: {
      expect: perm("survey.manage"),
      call: action("lib/surveys/actions.ts", "saveSurveyReasonAction", () => [{}]),
    },
    // The seeded complaint has an open survey: its link is derived for staff who read the complaint (agentB: out of
    // scope).
    copySurveyLinkAction: {
      expect: readTeamA(),
      call: action("lib/surveys/actions.ts", "copySurveyLinkAction", (ctx) => [ctx.reference]),
    },
    submitSurveyAction: {
      expect: everyone(),
      call: action("lib/surveys/actions.ts", "submitSurveyAction", () => [
        { status: "idle" },
        form({ token: "unknown" }),
      ]),
    },
    // Phone 回访: who may resolve team A's complaint. It is not resolved: holders in scope get a refusal that is
    // neither 403 nor 404 (nothing is recorded).
    recordPhoneSurveyAction: {
      expect: teamA("complaint.transition"),
      call: action("lib/surveys/actions.ts", "recordPhoneSurveyAction", (ctx) => [ctx.reference, { csat: 4 }]),
    },
  },
  "lib/webhooks/actions.ts": {
    createWebhookAction: {
      expect: perm("admin.webhooks"),
      call: action("lib/webhooks/actions.ts", "createWebhookAction", () => [{}]),
    },
    updateWebhookAction: {
      expect: perm("admin.webhooks"),
      call: action("lib/webhooks/actions.ts", "updateWebhookAction", () => [999_999, {}]),
    },
    deleteWebhookAction: {
      expect: permMissing("admin.webhooks"),
      call: action("lib/webhooks/actions.ts", "deleteWebhookAction", () => [999_999]),
    },
    redeliverAction: {
      expect: permMissing("admin.webhooks"),
      call: action("lib/webhooks/actions.ts", "redeliverAction", () => [999_999]),
    },
    setAllowPrivateNetworksAction: {
      expect: perm("admin.webhooks"),
      call: action("lib/webhooks/actions.ts", "setAllowPrivateNetworksAction", () => [false]),
    },
  },
  "lib/notifications/actions.ts": {
    notificationSummaryAction: {
      expect: signedIn(),
      call: action("lib/notifications/actions.ts", "notificationSummaryAction", () => []),
    },
    markReadAction: { expect: signedIn(), call: action("lib/notifications/actions.ts", "markReadAction", () => [[]]) },
  },
  // Incident actions: incident.manage only (agents read incidents but change nothing); an unknown incident is a 404.
  // Plans, drills, checklist and data breach actions: incident.manage only; the schema is checked before the lookup.
  "lib/incidents/actions.ts": {
    createPlanAction: {
      expect: perm("incident.manage"),
      call: action("lib/incidents/actions.ts", "createPlanAction", () => [{}]),
    },
    revisePlanAction: {
      expect: perm("incident.manage"),
      call: action("lib/incidents/actions.ts", "revisePlanAction", () => [999_999, {}]),
    },
    recordDrillAction: {
      expect: perm("incident.manage"),
      call: action("lib/incidents/actions.ts", "recordDrillAction", () => [999_999, {}]),
    },
    adoptPlanAction: {
      expect: perm("incident.manage"),
      call: action("lib/incidents/actions.ts", "adoptPlanAction", () => [999_999, {}]),
    },
    checkPlanStepAction: {
      expect: permMissing("incident.manage"),
      call: action("lib/incidents/actions.ts", "checkPlanStepAction", () => [999_999, { step: 0, checked: true }]),
    },
    addAffectedCustomerAction: {
      expect: perm("incident.manage"),
      call: action("lib/incidents/actions.ts", "addAffectedCustomerAction", () => [999_999, {}]),
    },
    removeAffectedCustomerAction: {
      expect: permMissing("incident.manage"),
      call: action("lib/incidents/actions.ts", "removeAffectedCustomerAction", () => [999_999, 1]),
    },
    regulatorReportAction: {
      expect: perm("incident.manage"),
      call: action("lib/incidents/actions.ts", "regulatorReportAction", () => [999_999, {}]),
    },
    notifyAffectedAction: {
      expect: permMissing("incident.manage"),
      call: action("lib/incidents/actions.ts", "notifyAffectedAction", () => [
        999_999,
        { subjectZh: "通知", subjectEn: "Notice", bodyZh: "正文", bodyEn: "Body" },
      ]),
    },
    declareIncidentAction: {
      expect: perm("incident.manage"),
      call: action("lib/incidents/actions.ts", "declareIncidentAction", () => [{}]),
    },
    reportIncidentAction: {
      expect: perm("incident.manage"),
      call: action("lib/incidents/actions.ts", "reportIncidentAction", () => [999_999, {}]),
    },
    incidentStatusAction: {
      expect: perm("incident.manage"),
      call: action("lib/incidents/actions.ts", "incidentStatusAction", () => [999_999, {}]),
    },
    incidentTextsAction: {
      expect: perm("incident.manage"),
      call: action("lib/incidents/actions.ts", "incidentTextsAction", () => [999_999, {}]),
    },
    incidentExclusionAction: {
      expect: permMissing("incident.manage"),
      call: action("lib/incidents/actions.ts", "incidentExclusionAction", () => [
        999_999,
        { complaintId: 1, excluded: true },
      ]),
    },
    proposeLinksAction: {
      expect: permMissing("incident.manage"),
      call: action("lib/incidents/actions.ts", "proposeLinksAction", () => [999_999]),
    },
    linkComplaintsRunAction: {
      expect: permMissing("incident.manage"),
      call: action("lib/incidents/actions.ts", "linkComplaintsRunAction", () => [999_999]),
    },
    notifyCustomersAction: {
      expect: permMissing("incident.manage"),
      call: action("lib/incidents/actions.ts", "notifyCustomersAction", () => [
        999_999,
        { subjectZh: "更新", subjectEn: "Update", bodyZh: "正文", bodyEn: "Body" },
      ]),
    },
    bulkResolveAction: {
      expect: permMissing("incident.manage"),
      call: action("lib/incidents/actions.ts", "bulkResolveAction", () => [
        999_999,
        { rootCauseId: 1, resolutionText: "Done" },
      ]),
    },
    compensationRulesAction: {
      expect: permMissing("incident.manage"),
      call: action("lib/incidents/actions.ts", "compensationRulesAction", () => [
        999_999,
        { version: 0, rules: [], flights: [] },
      ]),
    },
    previewCompensationAction: {
      expect: permMissing("incident.manage"),
      call: action("lib/incidents/actions.ts", "previewCompensationAction", () => [999_999]),
    },
    compensateRunAction: {
      expect: permMissing("incident.manage"),
      call: action("lib/incidents/actions.ts", "compensateRunAction", () => [999_999, { rulesVersion: 0 }]),
    },
    // One-step approval of an incident's compensation: whoever approves compensation (their limit decides how much).
    approveIncidentCompensationAction: {
      expect: permMissing("compensation.approve"),
      call: action("lib/incidents/actions.ts", "approveIncidentCompensationAction", () => [
        999_999,
        { mode: "all", token: "0:0:" },
      ]),
    },
    incidentScopeAction: {
      expect: permMissing("incident.manage"),
      call: action("lib/incidents/actions.ts", "incidentScopeAction", () => [
        999_999,
        { version: 1, scope: { flightNumbers: ["MU5101"] } },
      ]),
    },
    incidentReviewAction: {
      expect: permMissing("incident.manage"),
      call: action("lib/incidents/actions.ts", "incidentReviewAction", () => [
        999_999,
        { version: 0, summary: "经过", wentWell: "好", wentBadly: "差" },
      ]),
    },
  },
  "lib/complaints/actions.ts": {
    searchCustomersAction: {
      expect: signedIn(),
      call: action("lib/complaints/actions.ts", "searchCustomersAction", () => ["王"]),
    },
    findDuplicatesAction: {
      expect: signedIn(),
      call: action("lib/complaints/actions.ts", "findDuplicatesAction", () => [{ phone: PII.phone, email: PII.email }]),
    },
    createComplaintAction: {
      expect: perm("complaint.create"),
      call: action("lib/complaints/actions.ts", "createComplaintAction", () => [{}]),
    },
    bulkAssignAction: {
      expect: perm("complaint.bulk"),
      call: action("lib/complaints/actions.ts", "bulkAssignAction", () => [{}]),
    },
    bulkTransitionAction: {
      expect: perm("complaint.bulk"),
      call: action("lib/complaints/actions.ts", "bulkTransitionAction", () => [{}]),
    },
    transitionAction: {
      expect: teamA("complaint.transition"),
      call: action("lib/complaints/actions.ts", "transitionAction", (ctx) => [
        ctx.reference,
        { to: "in_progress", version: 1 },
      ]),
    },
    updateAction: {
      expect: teamA("complaint.update"),
      call: action("lib/complaints/actions.ts", "updateAction", (ctx) => [
        ctx.reference,
        { version: 1, subject: "Changed subject" },
      ]),
    },
    assignAction: {
      expect: teamA("complaint.assign"),
      call: action("lib/complaints/actions.ts", "assignAction", (ctx) => [
        ctx.reference,
        { version: 1, assigneeId: null },
      ]),
    },
    addMessageAction: {
      expect: teamA("complaint.update"),
      call: action("lib/complaints/actions.ts", "addMessageAction", (ctx) => [
        ctx.reference,
        { kind: "note", body: "Internal note", version: 1 },
      ]),
    },
    // A refused call answers null ("nothing to open"), which reads as "ok" here: the liaison learns nothing.
    complaintToOpenAction: {
      expect: with_(perm("complaint.read"), { liaison: "ok" }),
      call: action("lib/complaints/actions.ts", "complaintToOpenAction", (ctx) => [ctx.reference]),
    },
  },
  "lib/quality/actions.ts": {
    scoreInspectionAction: {
      expect: permMissing("quality.inspect"),
      call: action("lib/quality/actions.ts", "scoreInspectionAction", () => [
        999_999,
        { version: 1, kind: "primary", points: [{ code: "attitude", points: 1 }] },
      ]),
    },
    setCalibrationAction: {
      expect: permMissing("quality.inspect"),
      call: action("lib/quality/actions.ts", "setCalibrationAction", () => [999_999, true, { version: 1 }]),
    },
    appealInspectionAction: {
      expect: permMissing("quality.own"),
      call: action("lib/quality/actions.ts", "appealInspectionAction", () => [
        999_999,
        { version: 1, reason: "The customer was rude first; I followed the script." },
      ]),
    },
    decideAppealAction: {
      expect: permMissing("quality.inspect"),
      call: action("lib/quality/actions.ts", "decideAppealAction", () => [
        999_999,
        { version: 1, decision: "rejected", comment: "Score stands." },
      ]),
    },
    createScorecardAction: {
      expect: perm("quality.manage"),
      call: action("lib/quality/actions.ts", "createScorecardAction", () => [{}]),
    },
    updateScorecardAction: {
      expect: perm("quality.manage"),
      call: action("lib/quality/actions.ts", "updateScorecardAction", () => [999_999, {}]),
    },
    saveSamplingPlanAction: {
      expect: perm("quality.manage"),
      call: action("lib/quality/actions.ts", "saveSamplingPlanAction", () => [{}]),
    },
    requestSamplingAction: {
      expect: perm("quality.manage"),
      call: action("lib/quality/actions.ts", "requestSamplingAction", () => [{ month: "2026-13" }]),
    },
    requestAppraisalsAction: {
      expect: perm("quality.manage"),
      call: action("lib/quality/actions.ts", "requestAppraisalsAction", () => [{ month: "not a month" }]),
    },
    saveTeamWeightsAction: {
      expect: perm("quality.manage"),
      call: action("lib/quality/actions.ts", "saveTeamWeightsAction", () => [{}]),
    },
    commentAppraisalAction: {
      expect: permMissing("quality.inspect"),
      call: action("lib/quality/actions.ts", "commentAppraisalAction", () => [
        999_999,
        { version: 1, comment: "Good month." },
      ]),
    },
    acknowledgeAppraisalAction: {
      expect: permMissing("quality.own"),
      call: action("lib/quality/actions.ts", "acknowledgeAppraisalAction", () => [999_999, { version: 1 }]),
    },
  },
  "lib/knowledge/actions.ts": {
    createArticleAction: {
      expect: perm("knowledge.manage"),
      call: action("lib/knowledge/actions.ts", "createArticleAction", () => [{}]),
    },
    updateArticleAction: {
      expect: perm("knowledge.manage"),
      call: action("lib/knowledge/actions.ts", "updateArticleAction", () => [999_999, {}]),
    },
    transitionArticleAction: {
      expect: permMissing("knowledge.approve"),
      call: action("lib/knowledge/actions.ts", "transitionArticleAction", () => [
        999_999,
        { step: "approve", version: 1 },
      ]),
    },
    markHelpfulAction: {
      expect: permMissing("knowledge.read"),
      call: action("lib/knowledge/actions.ts", "markHelpfulAction", () => [999_999, { complaintId: null }]),
    },
  },
  "lib/improvements/actions.ts": {
    createImprovementAction: {
      expect: perm("improvement.manage"),
      call: action("lib/improvements/actions.ts", "createImprovementAction", () => [{}]),
    },
    updateImprovementAction: {
      expect: perm("improvement.manage"),
      call: action("lib/improvements/actions.ts", "updateImprovementAction", () => [999_999, {}]),
    },
    linkComplaintsAction: {
      expect: perm("improvement.manage"),
      call: action("lib/improvements/actions.ts", "linkComplaintsAction", () => [999_999, {}]),
    },
    unlinkComplaintAction: {
      expect: permMissing("improvement.manage"),
      call: action("lib/improvements/actions.ts", "unlinkComplaintAction", (ctx) => [999_999, ctx.complaintId]),
    },
  },
  "lib/escalations/actions.ts": {
    escalationAction: {
      expect: permMissing("escalation.manage"),
      call: action("lib/escalations/actions.ts", "escalationAction", (ctx) => [
        "acknowledge",
        999_999,
        ctx.reference,
        { version: 1 },
      ]),
    },
    requestEscalationAction: {
      expect: teamA("complaint.update"),
      call: action("lib/escalations/actions.ts", "requestEscalationAction", (ctx) => [
        ctx.reference,
        { version: 1, reason: "customer_request", note: "Asked for a supervisor" },
      ]),
    },
  },
  "lib/privacy/actions.ts": {
    // The point of the action: holders of pii.view get the clear value (logged; see user-admin.test.ts).
    revealPiiAction: {
      expect: perm("pii.view"),
      piiAllowed: ["supervisor", "manager", "admin"],
      call: action("lib/privacy/actions.ts", "revealPiiAction", (ctx) => [
        { customerId: ctx.customerId, field: "email", context: "authz-matrix" },
      ]),
    },
  },
  "lib/auth/actions.ts": {
    setPasswordAction: {
      expect: everyone("not_found"),
      call: action("lib/auth/actions.ts", "setPasswordAction", () => [
        { token: "y".repeat(43), password: "Valid-pass-2026", confirmation: "Valid-pass-2026" },
      ]),
    },
    clearSignInThrottleAction: {
      expect: with_(perm("admin.users"), { admin: "not_found" }),
      call: action("lib/auth/actions.ts", "clearSignInThrottleAction", () => [
        { key: "pair:nobody@test.example|192.0.2.1" },
      ]),
    },
  },
  "lib/public/actions.ts": {
    submitComplaintAction: {
      expect: everyone(),
      call: action("lib/public/actions.ts", "submitComplaintAction", () => [{ status: "idle" }, form({})]),
    },
    postTrackingReplyAction: {
      expect: everyone(),
      call: action("lib/public/actions.ts", "postTrackingReplyAction", () => [
        { status: "idle" },
        form({ token: "unknown", body: "hello" }),
      ]),
    },
    saveServiceContactAction: {
      expect: perm("admin.config"),
      call: action("lib/public/actions.ts", "saveServiceContactAction", () => [{}]),
    },
  },
  "lib/kpi/actions.ts": {
    saveKpiSettingsAction: {
      expect: perm("dashboard.view"),
      call: action("lib/kpi/actions.ts", "saveKpiSettingsAction", () => [{}]),
    },
  },
  "lib/sms/actions.ts": {
    saveSmsSettingsAction: {
      expect: perm("admin.config"),
      call: action("lib/sms/actions.ts", "saveSmsSettingsAction", () => [{}]),
    },
    setSmsOptOutAction: {
      expect: perm("customer.update"),
      call: action("lib/sms/actions.ts", "setSmsOptOutAction", () => [0, true]),
    },
  },
  "lib/i18n/actions.ts": {
    setLocale: { expect: everyone(), call: action("lib/i18n/actions.ts", "setLocale", () => ["en"]) },
  },
};

// ── discovery ──
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? (name === "generated" || name === "node_modules" ? [] : walk(full)) : [full];
  });
}
const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");
const appFiles = walk(path.join(ROOT, "app")).map(relative);
const pages = appFiles.filter((file) => file.endsWith("/page.tsx"));
const routes = appFiles.filter((file) => file.endsWith("/route.ts"));
const actionFiles = [
  ...appFiles,
  ...walk(path.join(ROOT, "lib")).map(relative),
  ...walk(path.join(ROOT, "components")).map(relative),
].filter((file) => /\.tsx?$/.test(file) && /^\s*["']use server["']/.test(readFileSync(path.join(ROOT, file), "utf8")));
const exportedFunctions = (file: string) =>
  [
    ...readFileSync(path.join(ROOT, file), "utf8").matchAll(
      /^export (?:async function (\w+)|const (GET|POST|PUT|PATCH|DELETE)\b|const (\w+) = (?:guardAction|defineAction|definePublicAction)\()/gm,
    ),
  ].map((match) => match[1] ?? match[2] ?? match[3] ?? "");

// ── outcome of one call ──
function outcomeOf(value: unknown): Outcome {
  if (value instanceof Response) {
    if (value.status === 401) return "login";
    if (value.status === 403) return "forbidden";
    if (value.status === 404) return "not_found";
    return "ok";
  }
  if (value && typeof value === "object" && "ok" in value && value.ok === false && "error" in value) {
    if (value.error === "forbidden") return "forbidden";
    if (value.error === "not_found") return "not_found";
    if (value.error === "unauthorized") return "login";
  }
  return "ok";
}

/** Text of a page's element tree or a response body, for the PII check. */
async function bodyText(value: unknown): Promise<string> {
  if (value instanceof Response) return value.clone().text();
  const seen = new WeakSet<object>();
  return (
    JSON.stringify(value, (_key, item: unknown) => {
      if (typeof item === "object" && item !== null) {
        if (seen.has(item)) return undefined;
        seen.add(item);
      }
      return typeof item === "bigint" ? String(item) : item;
    }) ?? ""
  );
}

let ctx: Ctx;
const sessions = {} as Record<RoleKey, { userId: number; sessionVersion: number } | null>;

beforeAll(async () => {
  const [teamA, teamB] = [await makeTeam(), await makeTeam()];
  const staff = {
    agent: await makeStaff("agent", [teamA]),
    agentB: await makeStaff("agent", [teamB]),
    supervisor: await makeStaff("supervisor", [teamA]),
    manager: await makeStaff("manager"),
    admin: await makeStaff("admin"),
    liaison: await makeStaff("liaison"),
  };
  sessions.anonymous = null;
  for (const role of ["agent", "agentB", "supervisor", "manager", "admin", "liaison"] as const)
    sessions[role] = { userId: staff[role].user.id, sessionVersion: staff[role].user.sessionVersion };
  const customer = await makeCustomer({ name: "隐私客户", ...PII });
  const complaint = await makeComplaint({
    customerId: customer.id,
    teamId: teamA.id,
    assigneeId: staff.agent.user.id,
    status: "acknowledged",
  });
  const otherCustomer = await makeCustomer({ name: "隐私客户" });
  const task = await db.followUpTask.create({
    data: {
      kind: "callback",
      customerId: customer.id,
      complaintId: complaint.id,
      assigneeId: staff.agent.user.id,
      teamId: teamA.id,
      dueAt: new Date(Date.now() + 86_400_000),
    },
  });
  await db.survey.create({
    data: {
      complaintId: complaint.id,
      customerId: customer.id,
      tokenHash: randomBytes(32).toString("hex"),
      locale: "en",
      status: "sent",
      sentAt: new Date(),
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    },
  });
  const calendar = await db.businessCalendar.create({
    data: {
      code: `cal-${complaint.id}`,
      nameZh: "日历",
      nameEn: "Calendar",
      timeZone: "Asia/Shanghai",
      is24x7: true,
      workingHours: {},
    },
  });
  const policy = await db.slaPolicy.findFirst({ select: { id: true } });
  const mail = await db.outboundEmail.create({
    data: { to: PII.email, subject: "Ack", text: "Hello", kind: "acknowledgement" },
  });
  const attachment = await db.attachment.create({
    data: {
      complaintId: complaint.id,
      fileName: "photo.png",
      contentType: "image/png",
      size: 4,
      sha256: "0".repeat(64),
      content: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    },
  });
  const tokens = { anonymous: null } as Record<RoleKey, string | null>;
  for (const role of ["agent", "agentB", "supervisor", "manager", "admin", "liaison"] as const) {
    const generated = generateApiToken();
    await db.apiToken.create({
      data: {
        name: `matrix ${role}`,
        prefix: generated.prefix,
        tokenHash: generated.hash,
        permissions: API_SCOPES[role],
        createdById: staff.admin.user.id,
      },
    });
    tokens[role] = generated.token;
  }
  // The complaint is routed to the liaison's department: the liaison still reaches none of its pages, actions, API
  // or attachment URLs, only the request page (masked) and the attachment it shares.
  const department = await db.department.create({
    data: {
      code: `dept-${complaint.id}`,
      nameZh: "行李部",
      nameEn: "Baggage",
      calendarId: calendar.id,
      liaisons: { create: [{ userId: staff.liaison.user.id }] },
    },
  });
  const request = await db.investigationRequest.create({
    data: {
      complaintId: complaint.id,
      departmentId: department.id,
      requestedById: staff.agent.user.id,
      question: "请核实",
      sharedAttachmentIds: [attachment.id],
      dueAt: new Date(Date.now() + 86_400_000),
      warnAt: new Date(Date.now() + 60_000_000),
    },
  });
  ctx = {
    requestId: request.id,
    departmentId: department.id,
    complaintId: complaint.id,
    reference: complaint.reference,
    customerId: customer.id,
    otherCustomerId: otherCustomer.id,
    taskId: task.id,
    calendarId: calendar.id,
    policyId: policy?.id ?? 999_999,
    mailId: mail.id,
    attachmentId: attachment.id,
    tokens,
  };
});

afterAll(async () => {
  await stopBoss();
});

describe("authorization matrix", { timeout: 120_000 }, () => {
  it("has an entry for every page, route handler and server action on disk (and none for files that are gone)", () => {
    const onDisk = [...pages, ...routes, ...actionFiles].sort();
    expect(
      onDisk.filter((file) => !(file in ENTRIES)),
      "add these to ENTRIES",
    ).toEqual([]);
    expect(
      Object.keys(ENTRIES).filter((file) => !onDisk.includes(file)),
      "remove these from ENTRIES",
    ).toEqual([]);
    for (const file of [...routes, ...actionFiles]) {
      if (file === "app/api/auth/[...nextauth]/route.ts") continue;
      expect(Object.keys(ENTRIES[file] ?? {}).sort(), `exports of ${file}`).toEqual(exportedFunctions(file).sort());
    }
  });

  const cases = Object.entries(ENTRIES).flatMap(([file, exports]) =>
    Object.entries(exports).map(([name, entry]) => [`${file} ${name}`, entry] as const),
  );
  it.each(cases)("%s", async (label, entry) => {
    const problems: string[] = [];
    for (const role of ROLES) {
      session.current = sessions[role];
      let outcome: Outcome;
      let text = "";
      try {
        const value = await entry.call(ctx, role);
        outcome = outcomeOf(value);
        text = await bodyText(value);
      } catch (error) {
        if (!(error instanceof Interrupt))
          throw new Error(`${role}: ${error instanceof Error ? error.stack : String(error)}`);
        outcome = error.kind;
      }
      const expected = entry.expect[role];
      const matches = expected === "denied" ? outcome === "forbidden" || outcome === "not_found" : outcome === expected;
      if (!matches) problems.push(`${role}: expected ${expected}, got ${outcome}`);
      const leaked = PII_NEEDLES.filter((needle) => text.includes(needle));
      if (leaked.length > 0 && !entry.piiAllowed?.includes(role))
        problems.push(`${role}: PII in response (${leaked.join(", ")})`);
    }
    expect(problems, label).toEqual([]);
  });
});
