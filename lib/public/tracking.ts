// The customer's view of their complaint through the private tracking link: only what the customer may see, and
// the customer's reply from that page.
import "server-only";
import { db } from "@/lib/db";
import { addCustomerMessage, customerMessageSchema } from "@/lib/complaints/add-message";
import { fieldErrors } from "@/lib/complaints/validation";
import { hashToken } from "@/lib/complaints/reference";
import { fail, type Result } from "@/lib/errors";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";
import { fromDbLocale, type AppLocale } from "@/lib/i18n/locales";
import { rateLimitSubject } from "@/lib/security/client-ip";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { readServiceContact } from "@/lib/public/service-contact";

/** Replies allowed per tracking link per hour: enough for a conversation, too few to flood an agent's queue. */
export const TRACKING_REPLY_LIMIT = 10;
export const TRACKING_REPLY_WINDOW_SECONDS = 3600;
/** Replies allowed per client address per hour, across links: one sender cannot flood many complaints. */
export const TRACKING_REPLY_IP_LIMIT = 30;

/** Customer-facing timeline entries. Staff are never named (privacy): the page says "Skyline customer service". */
export type TrackingEvent =
  | { id: number; kind: "reply"; from: "service"; body: string; createdAt: Date }
  | { id: number; kind: "call"; from: "service"; createdAt: Date }
  | { id: number; kind: "customer_message"; from: "customer"; body: string; createdAt: Date };

export type TrackingView = {
  reference: string;
  subject: string;
  status: ComplaintStatus;
  createdAt: Date;
  resolvedAt: Date | null;
  /** Only once resolved or closed: while work is going on, the summary is an internal draft. */
  resolutionSummary: string | null;
  locale: AppLocale;
  events: TrackingEvent[];
  /** While the complaint is open: when we expect to finish (the resolution clock's due time) and how that stands. */
  expected: { state: "on_track" | "late"; dueAt: Date } | { state: "paused" } | null;
  /** Whom the customer may contact: the handling team (never an agent) and the service hotline from the settings. */
  contact: { team: { nameZh: string; nameEn: string } | null; hotline: string | null };
};

const OPEN_FOR_CUSTOMER: readonly ComplaintStatus[] = [
  "new",
  "acknowledged",
  "in_progress",
  "pending_customer",
  "reopened",
];

type ResolutionClock = { dueAt: Date; pausedAt: Date | null; fulfilledAt: Date | null; cancelledAt: Date | null };

/** The customer's expectation from the resolution clock (pure). */
export function expectedCompletion(
  status: ComplaintStatus,
  clock: ResolutionClock | undefined,
  now: Date,
): TrackingView["expected"] {
  if (!OPEN_FOR_CUSTOMER.includes(status) || !clock || clock.fulfilledAt || clock.cancelledAt) return null;
  if (clock.pausedAt || status === "pending_customer") return { state: "paused" };
  return { state: clock.dueAt.getTime() < now.getTime() ? "late" : "on_track", dueAt: clock.dueAt };
}

const CUSTOMER_KINDS = ["reply", "call", "customer_message"] as const;

/**
 * The complaint behind a tracking token, or null. Always one hash and one indexed look-up whatever the token, so the
 * response time does not tell a near-miss from nonsense.
 */
export async function getTrackingView(token: string, now = new Date()): Promise<TrackingView | null> {
  const complaint = await db.complaint.findUnique({
    where: { trackingTokenHash: hashToken(token) },
    select: {
      reference: true,
      subject: true,
      status: true,
      createdAt: true,
      resolvedAt: true,
      resolutionSummary: true,
      locale: true,
      team: { select: { nameZh: true, nameEn: true } },
      slaClocks: {
        where: { kind: "resolution" },
        select: { dueAt: true, pausedAt: true, fulfilledAt: true, cancelledAt: true },
      },
      events: {
        where: { visibility: "customer", kind: { in: [...CUSTOMER_KINDS] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        // Deliberately no actor: the agent's name stays inside the service centre.
        select: { id: true, kind: true, body: true, createdAt: true },
      },
    },
  });
  if (!complaint) return null;
  const { hotline } = await readServiceContact();
  const shared = complaint.status === "resolved" || complaint.status === "closed";
  return {
    reference: complaint.reference,
    subject: complaint.subject,
    status: complaint.status,
    createdAt: complaint.createdAt,
    resolvedAt: shared ? complaint.resolvedAt : null,
    resolutionSummary: shared ? complaint.resolutionSummary : null,
    locale: fromDbLocale(complaint.locale),
    expected: expectedCompletion(complaint.status, complaint.slaClocks[0], now),
    contact: { team: complaint.team, hotline },
    events: complaint.events.flatMap((event): TrackingEvent[] => {
      if (event.kind === "call") return [{ id: event.id, kind: "call", from: "service", createdAt: event.createdAt }];
      if (event.kind === "reply")
        return [{ id: event.id, kind: "reply", from: "service", body: event.body ?? "", createdAt: event.createdAt }];
      if (event.kind === "customer_message")
        return [
          {
            id: event.id,
            kind: "customer_message",
            from: "customer",
            body: event.body ?? "",
            createdAt: event.createdAt,
          },
        ];
      return [];
    }),
  };
}

/** Whether the customer may still write on the page (a merged duplicate continues on the other complaint). */
export function canReplyOnTrackingPage(status: ComplaintStatus): boolean {
  return status !== "duplicate";
}

/** The customer's reply from the tracking page: pending → in progress, resolved/closed → reopened. */
export async function postTrackingReply(
  token: string,
  raw: unknown,
  now = new Date(),
  ip: string | null = null,
): Promise<Result<{ reopened: boolean }>> {
  const hash = hashToken(token);
  const complaint = await db.complaint.findUnique({ where: { trackingTokenHash: hash }, select: { id: true } });
  if (!complaint) return fail("not_found", "No such complaint.");
  // Checked before counting, so an empty send does not use up the customer's messages.
  const parsed = customerMessageSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", "The message is empty or too long.", { fields: fieldErrors(parsed.error) });
  // Keyed by the token's hash: the rate-limit table never holds a usable link.
  const verdicts = await Promise.all([
    hitRateLimit(`public-track:token:${hash}`, TRACKING_REPLY_LIMIT, TRACKING_REPLY_WINDOW_SECONDS, now),
    ...(ip
      ? [
          hitRateLimit(
            `public-track:ip:${rateLimitSubject(ip)}`,
            TRACKING_REPLY_IP_LIMIT,
            TRACKING_REPLY_WINDOW_SECONDS,
            now,
          ),
        ]
      : []),
  ]);
  const refused = verdicts.find((verdict) => !verdict.allowed);
  if (refused)
    return fail("rate_limited", "Too many messages; try again later.", {
      details: { retryAfterSeconds: refused.retryAfterSeconds },
    });
  const result = await addCustomerMessage(complaint.id, parsed.data, "tracking_page", now);
  if (!result.ok) return result;
  return { ok: true, reopened: result.reopened };
}
