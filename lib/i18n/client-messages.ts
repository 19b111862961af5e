// Which parts of the message catalogue each area's client components need. Server components translate on the
// server (getTranslations), so only these namespaces are serialised into a page's RSC payload instead of the whole
// catalogue (~100 kB per page before). tests/unit/client-messages.test.ts walks the import graph from every route
// and fails when a client component of an area uses a namespace its area does not list here.

/** Client components rendered by the root layout and the root not-found/forbidden pages (toasts, error pages). */
const ROOT = ["common", "errors", "language", "outage"] as const;

/** The staff application (app/(app)): shell, queue, workspace, intake, customers, escalations, dashboards … */
const APP = [
  ...ROOT,
  "nav",
  "shell",
  "status",
  "priority",
  "due",
  "roles",
  "escalationReason",
  "attachments",
  "compensation",
  "customerMerge",
  "customerTasks",
  "customers.edit",
  "customers.fieldErrors",
  "customers.filters",
  "customers.merges",
  "customers.value",
  "dashboard.filters",
  "escalations",
  "improvements",
  "incidents",
  "intake",
  "notifications",
  "privacy",
  "queue",
  "workspace.assign",
  "workspace.composer",
  "workspace.conflict",
  "complaintFields",
  "customerTagNames",
  "workspace.edit",
  "workspace.errors",
  "workspace.transition",
  "workspaceSurvey",
  "customerContact",
  "phoneSurvey",
  "departments", // department inbox, answer form, workspace investigation panel (issue 18); the admin form is in ADMIN
  "knowledge",
  "quality.form", // inspection scoring, appeals, appraisal sheet and quality settings (issue 22)
] as const;

/** Administration (app/(app)/admin), on top of APP. */
const ADMIN = [
  ...APP,
  "adminCalendars",
  "adminCategories",
  "adminChannels",
  "adminCompensation",
  "adminPassengerVolumes",
  "adminReplyTemplates",
  "adminSetup",
  "adminSla",
  "adminWebhooks",
  "apiTokens",
  "apiTokenLimits",
  "compensation.kinds",
  "kpiAdmin",
  "signInThrottles",
  "surveyAdmin",
  "teamAdmin",
  "userAdmin",
  "adminSms.settings",
  "departmentAdmin",
] as const;

/**
 * Incident pages (app/(app)/incidents), on top of APP: contingency plans, drills, the checklist and data breach card.
 */
const INCIDENTS = [...APP, "incidentPlans", "incidentBreach"] as const;

/** Sign-in and password pages (app/(auth)). */
const AUTH = [...ROOT, "auth", "setPassword"] as const;

/** Public complaint form, tracking page and survey (app/(public)). */
const PUBLIC = [...ROOT, "public.complaint", "public.track.reply", "survey"] as const;

export const CLIENT_NAMESPACES = {
  root: ROOT,
  app: APP,
  admin: ADMIN,
  incidents: INCIDENTS,
  auth: AUTH,
  public: PUBLIC,
} as const;
export type ClientMessageArea = keyof typeof CLIENT_NAMESPACES;

type Messages = Record<string, unknown>;

/** The sub-tree of `messages` made of the given dotted namespaces (missing ones are skipped). Pure. */
export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  const picked: Messages = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let source: unknown = messages;
    for (const part of path)
      source = typeof source === "object" && source !== null ? (source as Messages)[part] : undefined;
    if (source === undefined) continue;
    let target = picked;
    for (const part of path.slice(0, -1)) {
      const next = target[part];
      target = (typeof next === "object" && next !== null ? next : (target[part] = {})) as Messages;
    }
    target[path[path.length - 1]!] = source;
  }
  return picked;
}
