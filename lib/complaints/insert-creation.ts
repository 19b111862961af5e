// The rows every new complaint gets, written in ONE statement (issue 20: creation spent its time on ~10 round trips,
// not in the database): the complaint with its SLA columns, the "created" timeline event, the SLA clocks, the SLA
// events ("applied", then one "started" per clock, linked to their clocks), the acknowledgement e-mail in the outbox
// (when e-mail is the customer's written channel) and the audit row. The same rows, in the same order, as the
// Prisma calls it replaces (createComplaint's history in git); runs inside createComplaint's transaction.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorType, ComplaintType, Priority } from "@/lib/generated/prisma/enums";
import type { SlaStart } from "@/lib/sla/clocks";

export type CreationRows = {
  complaint: {
    reference: string;
    customerId: number;
    channelId: number;
    type: ComplaintType;
    categoryId: number | null;
    subcategoryId: number | null;
    touchpointId: number | null;
    severityId: number;
    priority: Priority;
    subject: string;
    description: string;
    locale: "zh_CN" | "en";
    bookingReference: string | null;
    flightNumber: string | null;
    /** YYYY-MM-DD */
    serviceDate: string | null;
    externalReference: string | null;
    assigneeId: number | null;
    teamId: number | null;
    trackingTokenHash: string;
  };
  sla: SlaStart | null;
  event: { actorType: ActorType; actorId: number | null; data: Prisma.InputJsonObject };
  email: { to: string; subject: string; text: string; html?: string } | null;
  audit: { actorType: ActorType; actorId: number | null; changes: Prisma.InputJsonObject };
  now: Date;
};

/** Prisma's DateTime columns are timestamp(3) holding UTC: an ISO instant cast in SQL is unambiguous. */
const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export async function insertCreationRows(tx: Tx, rows: CreationRows): Promise<{ id: number }> {
  const { complaint: c, sla, event, email, audit, now } = rows;
  const clocks = (sla?.plan ?? []).map((clock, index) => ({
    ord: index + 1,
    kind: clock.kind,
    targetMinutes: clock.targetMinutes,
    dueAt: iso(clock.dueAt),
    warnAt: iso(clock.warnAt),
  }));
  const slaApplied = sla ? { policy: sla.policy.code, matchedOn: sla.matchedOn, fallback: sla.fallback } : null;
  const inserted = await tx.$queryRaw<{ id: number }[]>`
    WITH at AS (SELECT (${iso(now)}::timestamptz AT TIME ZONE 'UTC') AS now),
    complaint AS (
      INSERT INTO complaints (reference, "customerId", "channelId", type, "categoryId", "subcategoryId", "touchpointId", "severityId", priority,
                              subject, description, locale, "bookingReference", "flightNumber", "serviceDate", "externalReference",
                              "assigneeId", "teamId", "trackingTokenHash", "createdAt", "updatedAt",
                              "slaPolicyId", "firstResponseDueAt", "resolutionDueAt", "nextDueAt", "nextWarnAt")
      SELECT ${c.reference}, ${c.customerId}::int, ${c.channelId}::int, ${c.type}::"ComplaintType", ${c.categoryId}::int, ${c.subcategoryId}::int,
             ${c.touchpointId}::int, ${c.severityId}::int, ${c.priority}::"Priority", ${c.subject}, ${c.description},
             ${c.locale === "en" ? "en" : "zh-CN"}::"Locale", ${c.bookingReference}, ${c.flightNumber}, ${c.serviceDate}::date, ${c.externalReference},
             ${c.assigneeId}::int, ${c.teamId}::int, ${c.trackingTokenHash}, at.now, at.now,
             ${sla?.fields.slaPolicyId ?? null}::int,
             (${iso(sla?.fields.firstResponseDueAt)}::timestamptz AT TIME ZONE 'UTC'),
             (${iso(sla?.fields.resolutionDueAt)}::timestamptz AT TIME ZONE 'UTC'),
             (${iso(sla?.fields.nextDueAt)}::timestamptz AT TIME ZONE 'UTC'),
             (${iso(sla?.fields.nextWarnAt)}::timestamptz AT TIME ZONE 'UTC')
        FROM at
      RETURNING id
    ),
    created_event AS (
      INSERT INTO complaint_events ("complaintId", kind, "actorType", "actorId", "createdAt", data)
      SELECT complaint.id, 'created', ${event.actorType}::"ActorType", ${event.actorId}::int, at.now, ${JSON.stringify(event.data)}::jsonb
        FROM complaint, at
      RETURNING id
    ),
    planned AS (
      SELECT p.ord, p.kind::"SlaClockKind" AS kind, p."targetMinutes", (p."dueAt"::timestamptz AT TIME ZONE 'UTC') AS "dueAt",
             (p."warnAt"::timestamptz AT TIME ZONE 'UTC') AS "warnAt"
        FROM json_to_recordset(${JSON.stringify(clocks)}::json) AS p(ord int, kind text, "targetMinutes" int, "dueAt" text, "warnAt" text)
    ),
    clocks AS (
      INSERT INTO sla_clocks ("complaintId", kind, "policyId", "calendarId", "targetMinutes", "startedAt", "dueAt", "warnAt")
      SELECT complaint.id, planned.kind, ${sla?.policy.id ?? null}::int, ${sla?.policy.calendarId ?? null}::int, planned."targetMinutes", at.now,
             planned."dueAt", planned."warnAt"
        FROM complaint, at, planned
       ORDER BY planned.ord
      RETURNING id, kind
    ),
    sla_rows AS (
      INSERT INTO sla_events ("complaintId", "clockId", "clockKind", kind, "policyId", "dueAt", "createdAt", data)
      SELECT e."complaintId", e."clockId", e."clockKind", e.kind, e."policyId", e."dueAt", e."createdAt", e.data
        FROM (
          SELECT 0 AS ord, complaint.id AS "complaintId", NULL::int AS "clockId", NULL::"SlaClockKind" AS "clockKind", 'applied'::"SlaEventKind" AS kind,
                 ${sla?.policy.id ?? null}::int AS "policyId", NULL::timestamp AS "dueAt", at.now AS "createdAt", ${JSON.stringify(slaApplied)}::jsonb AS data
            FROM complaint, at
           WHERE ${sla !== null}
          UNION ALL
          SELECT planned.ord, complaint.id, clocks.id, planned.kind, 'started', ${sla?.policy.id ?? null}::int, planned."dueAt", at.now,
                 json_build_object('targetMinutes', planned."targetMinutes")::jsonb
            FROM complaint, at, planned JOIN clocks ON clocks.kind = planned.kind
        ) e
       ORDER BY e.ord
      RETURNING id
    ),
    email AS (
      INSERT INTO outbound_emails ("to", subject, text, html, kind, "complaintId")
      SELECT ${email?.to ?? null}, ${email?.subject ?? null}, ${email?.text ?? null}, ${email?.html ?? null}, 'acknowledgement', complaint.id
        FROM complaint
       WHERE ${email !== null}
      RETURNING id
    ),
    audit AS (
      INSERT INTO audit_logs ("actorType", "actorId", action, "entityType", "entityId", changes)
      SELECT ${audit.actorType}::"ActorType", ${audit.actorId}::int, 'complaint.create', 'complaint', complaint.id::text, ${JSON.stringify(audit.changes)}::jsonb
        FROM complaint
      RETURNING id
    )
    SELECT complaint.id,
           (SELECT count(*) FROM created_event)::int AS events, (SELECT count(*) FROM sla_rows)::int AS "slaEvents",
           (SELECT count(*) FROM email)::int AS emails, (SELECT count(*) FROM audit)::int AS audits
      FROM complaint`;
  const row = inserted[0];
  if (!row) throw new Error("complaint insert returned no row");
  return { id: row.id };
}
