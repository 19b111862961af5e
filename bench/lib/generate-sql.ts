// The SQL of the bulk generator: every row is computed inside PostgreSQL (generate_series + random()), so 1M
// complaints need no client-side row traffic. Statements run in order in one session; `g` is the per-complaint plan.
import {
  CATEGORY_WEIGHTS,
  CHANNEL_WEIGHTS,
  CITIES_EN,
  CITIES_ZH,
  COMPENSATION_KINDS,
  COMPLAINT_PHRASES_EN,
  COMPLAINT_PHRASES_ZH,
  CSAT_WEIGHTS,
  FIRST_EN,
  GIVEN_ZH,
  HOURS,
  LAST_EN,
  NOTES_ZH,
  REPLIES_EN,
  REPLIES_ZH,
  SEVERITY_WEIGHTS,
  SURNAMES_ZH,
  TIER_WEIGHTS,
  TYPE_WEIGHTS,
  WEEKDAY_ACCEPT,
  pick,
  weighted,
} from "./distributions";

const text = (values: readonly string[]) =>
  `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(",")}]`;

export type GenerateOptions = { complaints: number; customers: number; days: number; seed: number };

/** Reference data (ids of the seeded airline template) as temporary lookup tables. */
export function lookupStatements(): string[] {
  return [
    `CREATE TEMP TABLE lk_category AS
       SELECT p.code, p.id, array_agg(c.id ORDER BY c.id) AS children
       FROM categories p JOIN categories c ON c."parentId" = p.id WHERE p."parentId" IS NULL GROUP BY p.code, p.id`,
    `CREATE TEMP TABLE lk_agent AS
       SELECT row_number() OVER (ORDER BY u.id)::int AS idx, u.id AS user_id,
              (SELECT m."teamId" FROM team_memberships m WHERE m."userId" = u.id ORDER BY m."teamId" LIMIT 1) AS team_id
       FROM users u WHERE u.role = 'agent' AND u.active`,
    // Wall-clock length of a business minute: office-hours calendars stretch targets (9 h × 5 days of 24 × 7).
    `CREATE TEMP TABLE lk_policy AS
       SELECT p.id, p.code, p."matchSeverityId" AS severity_id, p."matchChannelId" AS channel_id, p."matchType"::text AS type,
              p."isDefault" AS is_default, p."warnPercent" AS warn_percent,
              CASE WHEN cal."is24x7" THEN 1.0 ELSE 3.7 END AS stretch,
              max(t.minutes) FILTER (WHERE t.clock = 'acknowledge') AS ack_min,
              max(t.minutes) FILTER (WHERE t.clock = 'first_response') AS fr_min,
              max(t.minutes) FILTER (WHERE t.clock = 'resolution') AS res_min,
              max(t.minutes) FILTER (WHERE t.clock = 'written_reply') AS wr_min
       FROM sla_policies p JOIN business_calendars cal ON cal.id = p."calendarId" JOIN sla_targets t ON t."policyId" = p.id
       WHERE p.active GROUP BY p.id, cal."is24x7"`,
    // The policy each (severity, channel, type) gets: the most specific match, as lib/sla/policy-match.ts decides.
    `CREATE TEMP TABLE lk_match AS
       SELECT s.id AS severity_id, ch.id AS channel_id, t.type,
              (SELECT p.id FROM lk_policy p
                WHERE (p.severity_id IS NULL OR p.severity_id = s.id) AND (p.channel_id IS NULL OR p.channel_id = ch.id)
                  AND (p.type IS NULL OR p.type = t.type)
                ORDER BY (p.severity_id IS NOT NULL)::int + (p.channel_id IS NOT NULL)::int + (p.type IS NOT NULL)::int DESC,
                         (p.severity_id IS NOT NULL) DESC, p.is_default, p.id
                LIMIT 1) AS policy_id
       FROM severities s CROSS JOIN channels ch CROSS JOIN unnest(ARRAY['complaint', 'suggestion', 'inquiry', 'praise']) AS t(type)`,
  ];
}

export function customerStatement(options: GenerateOptions): string {
  const tiers = weighted(TIER_WEIGHTS);
  return `
    INSERT INTO customers (id, name, phone, email, locale, "membershipNumber", "tierId", "valueScore", "consentSurvey", "createdAt", "updatedAt")
    SELECT base.id + i,
           CASE WHEN i % 8 = 0 THEN ${pick(text(FIRST_EN))} || ' ' || ${pick(text(LAST_EN))}
                ELSE ${pick(text(SURNAMES_ZH))} || ${pick(text(GIVEN_ZH))} END,
           '+86 13' || lpad((i * 7919 % 1000000000)::text, 9, '0'),
           CASE WHEN random() < 0.7 THEN 'c' || (base.id + i) || '@example.net' END,
           (CASE WHEN i % 8 = 0 THEN 'en' ELSE 'zh-CN' END)::"Locale",
           CASE WHEN random() < 0.4 THEN 'CA' || lpad((base.id + i)::text, 9, '0') END,
           (SELECT t.id FROM customer_tiers t WHERE t.code = tier.code),
           floor(random() * 100)::int,
           random() < 0.85,
           now() - make_interval(days => ${options.days} + floor(random() * 900)::int),
           now()
    FROM generate_series(1, ${options.customers}) AS i
    CROSS JOIN (SELECT coalesce(max(id), 0) AS id FROM customers) AS base
    CROSS JOIN LATERAL (SELECT ${pick(tiers)} || left(i::text, 0) AS code) AS tier`;
}

/**
 * The plan of each complaint: arrival time (growing volume, weekday and hour seasonality), classification, owner,
 * policy, and a fate drawn from lognormal durations relative to the policy's targets (≈ 85 % of clocks met).
 */
export function planStatement(options: GenerateOptions, customerBase: number): string {
  const hours = weighted(HOURS, 400);
  const accept = `ARRAY[${WEEKDAY_ACCEPT.join(",")}]`;
  const candidates = Math.ceil(options.complaints * 1.3) + 1000;
  return `
    CREATE TEMP TABLE g AS
    WITH arrivals AS (
      SELECT (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') - make_interval(days => floor(${options.days} * power(random(), 1.3))::int)) AS local_day
      FROM generate_series(1, ${candidates})
    ), accepted AS (
      -- today's arrivals stop at the current hour: nothing is created in the future
      SELECT created_at FROM (
        SELECT local_day + make_interval(hours => ${pick(hours)}) + random() * interval '1 hour' - interval '8 hours' AS created_at
        FROM arrivals WHERE random() < (${accept})[extract(dow FROM local_day)::int + 1]
      ) candidate
      WHERE created_at < now() - interval '1 minute'
      LIMIT ${options.complaints}
    ), drawn AS (
      SELECT a.created_at,
             ${pick(weighted(CHANNEL_WEIGHTS))} AS channel_code,
             ${pick(weighted(SEVERITY_WEIGHTS))} AS severity_code,
             ${pick(weighted(CATEGORY_WEIGHTS))} AS category_code,
             ${pick(weighted(TYPE_WEIGHTS))} AS type,
             ${customerBase} + 1 + floor(${options.customers} * power(random(), 1.6))::int AS customer_id,
             1 + floor(random() * (SELECT count(*) FROM lk_agent))::int AS agent_idx,
             random() AS u_fate, random() AS u_stuck, random() AS u_reopen, random() AS u_escalate, random() AS u_comp,
             random() AS u_survey, random() AS u_answer, random() AS u_open_status,
             exp(random_normal(ln(0.35), 0.7)) AS fr_factor, exp(random_normal(ln(0.4), 0.7)) AS res_factor,
             3 + floor(random() * 6)::int AS n_events
      FROM accepted a
    ), classified AS (
      SELECT d.*, c.id AS category_id, c.children[1 + floor(random() * cardinality(c.children))::int] AS subcategory_id,
             s.id AS severity_id, s.rank AS severity_rank, ch.id AS channel_id,
             ag.user_id AS assignee_id, ag.team_id,
             m.policy_id
      FROM drawn d
      JOIN lk_category c ON c.code = d.category_code
      JOIN severities s ON s.code = d.severity_code
      JOIN channels ch ON ch.code = d.channel_code
      JOIN lk_agent ag ON ag.idx = d.agent_idx
      JOIN lk_match m ON m.severity_id = s.id AND m.channel_id = ch.id AND m.type = d.type
    ), timed AS (
      SELECT k.*, p.stretch, p.warn_percent, p.ack_min, p.fr_min, p.res_min, p.wr_min,
             k.created_at + exp(random_normal(ln(4), 0.6)) * interval '1 minute' AS ack_time,
             k.created_at + p.fr_min * p.stretch * k.fr_factor * interval '1 minute' AS fr_time,
             k.created_at + (p.fr_min * k.fr_factor + p.res_min * k.res_factor) * p.stretch * interval '1 minute'
               + CASE WHEN k.u_reopen < 0.05 THEN interval '3 days' ELSE interval '0' END AS res_time,
             k.created_at + p.ack_min * p.stretch * interval '1 minute' AS ack_due,
             k.created_at + p.fr_min * p.stretch * interval '1 minute' AS fr_due,
             k.created_at + p.res_min * p.stretch * interval '1 minute' AS res_due,
             k.created_at + p.wr_min * p.stretch * interval '1 minute' AS wr_due
      FROM classified k JOIN lk_policy p ON p.id = k.policy_id
    )
    SELECT row_number() OVER (ORDER BY created_at)::int AS n, t.*,
           CASE WHEN t.u_fate < 0.03 THEN 'rejected' WHEN t.u_fate < 0.04 THEN 'duplicate'
                WHEN t.u_stuck < 0.05 OR t.res_time > now() THEN 'open' ELSE 'done' END AS fate
    FROM timed t`;
}

/** Status and timestamps that follow from the plan; `now()` is the cut-off for everything that has happened. */
export function fateStatement(): string {
  return `
    CREATE TEMP TABLE f AS
    SELECT g.*,
           CASE WHEN g.ack_time < now() THEN g.ack_time END AS acknowledged_at,
           CASE WHEN g.fate <> 'open' OR g.fr_time < now() THEN least(g.fr_time, now()) END AS first_response_at,
           CASE WHEN g.fate = 'done' THEN g.res_time END AS resolved_at,
           CASE WHEN g.fate IN ('rejected', 'duplicate') THEN least(g.res_time, now())
                WHEN g.fate = 'done' AND g.res_time + interval '7 days' < now() THEN g.res_time + interval '7 days' END AS closed_at,
           CASE WHEN g.fate = 'done' THEN CASE WHEN g.res_time + interval '7 days' < now() THEN 'closed' ELSE 'resolved' END
                WHEN g.fate IN ('rejected', 'duplicate') THEN g.fate
                WHEN g.ack_time > now() THEN 'new'
                WHEN g.fr_time > now() THEN 'acknowledged'
                WHEN g.u_reopen < 0.05 THEN 'reopened'
                WHEN g.u_open_status < 0.7 THEN 'in_progress' ELSE 'pending_customer' END AS status,
           CASE WHEN g.severity_code = 'critical' OR g.channel_code = 'caac-12326' THEN 2
                WHEN g.u_escalate < 0.05 THEN 2 WHEN g.u_escalate < 0.07 THEN 3 WHEN g.u_escalate < 0.075 THEN 4 ELSE 1 END AS escalation_level
    FROM g`;
}

/** Due times of the clocks and whether each was met; the complaint's denormalised SLA columns derive from them. */
export function clockStatement(): string {
  return `
    CREATE TEMP TABLE k AS
    SELECT f.n, c.kind, c.minutes, c.due, f.created_at + (c.due - f.created_at) * f.warn_percent / 100 AS warn,
           c.fulfilled,
           CASE WHEN c.fulfilled IS NULL AND f.status IN ('rejected', 'duplicate') THEN f.closed_at END AS cancelled,
           CASE WHEN coalesce(c.fulfilled, CASE WHEN f.status IN ('rejected', 'duplicate') THEN f.closed_at END, now()) > c.due THEN c.due END AS breached
    FROM f CROSS JOIN LATERAL (VALUES
      ('acknowledge'::"SlaClockKind", f.ack_min, f.ack_due, f.acknowledged_at),
      ('first_response', f.fr_min, f.fr_due, f.first_response_at),
      ('resolution', f.res_min, f.res_due, f.resolved_at),
      ('written_reply', f.wr_min, f.wr_due, f.resolved_at)
    ) AS c(kind, minutes, due, fulfilled)
    WHERE c.minutes IS NOT NULL`;
}

export function complaintStatement(complaintBase: number): string {
  const zhPhrases = text(COMPLAINT_PHRASES_ZH);
  const enPhrases = text(COMPLAINT_PHRASES_EN);
  return `
    INSERT INTO complaints (id, reference, "customerId", "channelId", type, "categoryId", "subcategoryId", "severityId", priority,
      subject, description, locale, "flightNumber", "serviceDate", status, "assigneeId", "teamId", "escalationLevel", "slaPolicyId",
      "firstResponseDueAt", "resolutionDueAt", "nextDueAt", "nextWarnAt", "slaBreached", "acknowledgedAt", "firstResponseAt",
      "resolvedAt", "closedAt", "reopenCount", "customerReplyCount", "resolutionSummary", version, "createdAt", "updatedAt")
    SELECT ${complaintBase} + f.n,
           'CMP-' || y.year || '-' || lpad((coalesce(s.last, 0) + row_number() OVER (PARTITION BY y.year ORDER BY f.n))::text, 6, '0'),
           f.customer_id, f.channel_id, f.type::"ComplaintType", f.category_id, f.subcategory_id, f.severity_id,
           (CASE f.severity_rank WHEN 1 THEN 'urgent' WHEN 2 THEN 'high' WHEN 3 THEN 'normal' ELSE 'low' END)::"Priority",
           CASE WHEN cu.locale = 'en' THEN sub."nameEn" || ': ' || fl.flight || ' ' || ${pick(text(CITIES_EN))}
                ELSE sub."nameZh" || '：' || fl.flight || ' ' || ${pick(text(CITIES_ZH))} || '航班' END,
           CASE WHEN cu.locale = 'en' THEN ${pick(enPhrases)} || ' ' || ${pick(enPhrases)} || ' Flight ' || fl.flight || '.'
                ELSE ${pick(zhPhrases)} || ${pick(zhPhrases)} || '航班号' || fl.flight || '。' END,
           cu.locale, fl.flight, (f.created_at - interval '2 days')::date,
           f.status::"ComplaintStatus",
           CASE WHEN f.status = 'new' AND f.u_open_status < 0.5 THEN NULL ELSE f.assignee_id END,
           f.team_id, f.escalation_level, f.policy_id, f.fr_due, f.res_due, nd.due, nd.warn, nd.breached,
           f.acknowledged_at, f.first_response_at, f.resolved_at, f.closed_at,
           (f.u_reopen < 0.05)::int,
           (f.first_response_at IS NOT NULL)::int + (f.resolved_at IS NOT NULL AND f.n_events >= 5)::int,
           CASE WHEN f.resolved_at IS NOT NULL THEN CASE WHEN cu.locale = 'en' THEN ${pick(text(REPLIES_EN))} ELSE ${pick(text(REPLIES_ZH))} END END,
           1, f.created_at, coalesce(f.closed_at, f.resolved_at, f.first_response_at, f.created_at)
    FROM f
    CROSS JOIN LATERAL (SELECT extract(year FROM f.created_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::int AS year) y
    LEFT JOIN complaint_sequences s ON s.year = y.year
    JOIN customers cu ON cu.id = f.customer_id
    JOIN categories sub ON sub.id = f.subcategory_id
    CROSS JOIN LATERAL (SELECT (ARRAY['CA','MU','CZ','HU','3U','ZH'])[1 + (f.n % 6)] || (1000 + (f.n * 37) % 8999)::text AS flight) fl
    CROSS JOIN LATERAL (
      SELECT min(k.due) FILTER (WHERE k.fulfilled IS NULL AND k.cancelled IS NULL) AS due,
             min(k.warn) FILTER (WHERE k.fulfilled IS NULL AND k.cancelled IS NULL) AS warn,
             bool_or(k.breached IS NOT NULL) AS breached
      FROM k WHERE k.n = f.n) nd`;
}

export function sequenceStatement(): string {
  return `
    INSERT INTO complaint_sequences (year, last)
    SELECT substr(reference, 5, 4)::int, max(substr(reference, 10)::int) FROM complaints GROUP BY 1
    ON CONFLICT (year) DO UPDATE SET last = greatest(complaint_sequences.last, EXCLUDED.last)`;
}

export function clockRowsStatement(complaintBase: number): string {
  return `
    INSERT INTO sla_clocks ("complaintId", kind, "policyId", "calendarId", "targetMinutes", "startedAt", "dueAt", "warnAt",
                            "warnedAt", "breachedAt", "fulfilledAt", "cancelledAt")
    SELECT ${complaintBase} + k.n, k.kind, f.policy_id, p."calendarId", k.minutes, f.created_at, k.due, k.warn,
           CASE WHEN coalesce(k.fulfilled, k.cancelled, now()) > k.warn THEN k.warn END, k.breached, k.fulfilled, k.cancelled
    FROM k JOIN f ON f.n = k.n JOIN sla_policies p ON p.id = f.policy_id`;
}

export function slaEventStatement(complaintBase: number): string {
  return `
    INSERT INTO sla_events ("complaintId", kind, "policyId", data, "createdAt")
    SELECT ${complaintBase} + f.n, 'applied', f.policy_id, jsonb_build_object('generated', true), f.created_at FROM f`;
}

/**
 * 3–8 timeline events per complaint: created, assigned, the first reply, work in between, and the resolution.
 * Times are spread between creation and the last thing that happened.
 */
export function eventStatement(complaintBase: number): string {
  return `
    INSERT INTO complaint_events ("complaintId", kind, visibility, "actorType", "actorId", body, data, "createdAt")
    SELECT ${complaintBase} + f.n, e.kind::"EventKind", e.visibility::"Visibility", e.actor_type::"ActorType", e.actor_id, e.body, e.data, e.at
    FROM f
    CROSS JOIN LATERAL (SELECT coalesce(f.first_response_at, f.acknowledged_at, f.created_at) AS t0,
                               coalesce(f.resolved_at, f.closed_at, least(now(), f.created_at + interval '5 days')) AS t1) span
    CROSS JOIN LATERAL generate_series(1, f.n_events) AS step
    CROSS JOIN LATERAL (SELECT
      CASE WHEN step = 1 THEN 'created' WHEN step = 2 THEN 'assigned'
           WHEN step = 3 AND f.first_response_at IS NOT NULL THEN 'reply'
           WHEN step = f.n_events AND f.resolved_at IS NOT NULL THEN 'status_changed'
           WHEN step % 3 = 0 THEN 'customer_message' WHEN step % 3 = 1 THEN 'note' ELSE 'status_changed' END AS kind,
      span.t0 + (span.t1 - span.t0) * greatest(step - 3, 0) / greatest(f.n_events - 3, 1) AS at_mid) pick
    CROSS JOIN LATERAL (SELECT pick.kind,
      CASE WHEN pick.kind IN ('reply', 'customer_message') THEN 'customer' ELSE 'internal' END AS visibility,
      CASE WHEN pick.kind = 'created' THEN 'system' WHEN pick.kind = 'customer_message' THEN 'customer' ELSE 'user' END AS actor_type,
      CASE WHEN pick.kind IN ('created', 'customer_message') THEN NULL ELSE f.assignee_id END AS actor_id,
      CASE pick.kind WHEN 'reply' THEN ${pick(text(REPLIES_ZH))} WHEN 'note' THEN ${pick(text(NOTES_ZH))}
                     WHEN 'customer_message' THEN '请问处理得怎么样了？已经等了好几天了。' END AS body,
      CASE pick.kind WHEN 'created' THEN jsonb_build_object('source', 'staff', 'channelId', f.channel_id, 'teamId', f.team_id, 'generated', true)
                     WHEN 'assigned' THEN jsonb_build_object('to', f.assignee_id)
                     WHEN 'status_changed' THEN CASE WHEN step = f.n_events AND f.resolved_at IS NOT NULL
                       THEN jsonb_build_object('from', 'in_progress', 'to', 'resolved') ELSE jsonb_build_object('from', 'acknowledged', 'to', 'in_progress') END
      END AS data,
      CASE WHEN step = 1 THEN f.created_at WHEN step = 2 THEN coalesce(f.acknowledged_at, f.created_at)
           WHEN step = 3 AND f.first_response_at IS NOT NULL THEN f.first_response_at
           ELSE pick.at_mid END AS at) e`;
}

export function escalationStatement(complaintBase: number): string {
  return `
    INSERT INTO escalations ("complaintId", "fromLevel", level, reason, "ownerId", "acknowledgedAt", outcome, "closedAt", "createdAt")
    SELECT ${complaintBase} + f.n, 1, f.escalation_level,
           (CASE WHEN f.channel_code = 'caac-12326' THEN 'regulator' WHEN f.severity_code = 'critical' THEN 'severity'
                 WHEN f.u_escalate < 0.02 THEN 'sla_breach' WHEN f.u_escalate < 0.04 THEN 'customer_request' ELSE 'manual' END)::"EscalationReason",
           t."supervisorId", f.created_at + interval '20 minutes',
           (CASE WHEN f.resolved_at IS NOT NULL OR f.closed_at IS NOT NULL THEN 'resolved' ELSE 'acknowledged' END)::"EscalationOutcome",
           coalesce(f.resolved_at, f.closed_at), f.created_at + interval '5 minutes'
    FROM f LEFT JOIN teams t ON t.id = f.team_id WHERE f.escalation_level > 1`;
}

/** Surveys for ≈ 80 % of resolved complaints (consent, weekly cap), ≈ 35 % of them answered, CSAT skewed high. */
export function surveyStatements(complaintBase: number): string[] {
  return [
    `INSERT INTO surveys ("complaintId", "customerId", "tokenHash", locale, status, "scheduledAt", "sentAt", "answeredAt", "expiresAt", "createdAt")
     SELECT ${complaintBase} + f.n, f.customer_id, encode(sha256(convert_to('bench-survey-' || (${complaintBase} + f.n), 'UTF8')), 'hex'), 'zh-CN',
            (CASE WHEN f.u_answer < 0.35 THEN 'answered' WHEN f.resolved_at + interval '7 days' < now() THEN 'expired' ELSE 'sent' END)::"SurveyStatus",
            f.resolved_at + interval '1 hour', f.resolved_at + interval '1 hour',
            CASE WHEN f.u_answer < 0.35 THEN f.resolved_at + interval '1 hour' + f.u_answer * interval '2 days' END,
            f.resolved_at + interval '8 days', f.resolved_at
     FROM f WHERE f.resolved_at IS NOT NULL AND f.u_survey < 0.8 AND f.resolved_at + interval '1 hour' < now()`,
    `INSERT INTO survey_responses ("surveyId", "complaintId", csat, nps, ces, resolved, "agentId", "teamId", "categoryId", "channelId", "createdAt", "updatedAt")
     SELECT s.id, s."complaintId", r.csat, least(10, greatest(0, r.csat * 2 + floor(random() * 3)::int - 1)),
            least(7, greatest(1, 7 - r.csat + floor(random() * 2)::int)), r.csat >= 3, c."assigneeId", c."teamId", c."categoryId", c."channelId",
            s."answeredAt", s."answeredAt"
     FROM surveys s JOIN complaints c ON c.id = s."complaintId"
     CROSS JOIN LATERAL (SELECT ${pick(weighted(CSAT_WEIGHTS))} + 0 * s.id AS csat) r
     WHERE s.status = 'answered' AND s."complaintId" > ${complaintBase}`,
  ];
}

export function compensationStatement(complaintBase: number): string {
  return `
    INSERT INTO compensations ("complaintId", kind, amount, reason, status, "proposedById", "approverId", "decidedAt", "issuedAt", "createdAt")
    SELECT ${complaintBase} + f.n, ${pick(weighted(COMPENSATION_KINDS))}::"CompensationKind",
           round(exp(random_normal(ln(300), 0.8))::numeric, 0), '服务补偿', st.status::"CompensationStatus",
           f.assignee_id, CASE WHEN st.status <> 'proposed' THEN t."supervisorId" END,
           CASE WHEN st.status <> 'proposed' THEN f.first_response_at + interval '1 day' END,
           CASE WHEN st.status = 'issued' THEN f.first_response_at + interval '2 days' END,
           f.first_response_at + interval '2 hours'
    FROM f LEFT JOIN teams t ON t.id = f.team_id
    CROSS JOIN LATERAL (SELECT CASE WHEN f.resolved_at IS NULL THEN 'proposed' WHEN f.u_comp < 0.075 THEN 'issued'
                                    WHEN f.u_comp < 0.085 THEN 'approved' ELSE 'rejected' END AS status) st
    WHERE f.u_comp < 0.10 AND f.first_response_at IS NOT NULL`;
}

/**
 * The dashboards' KPI facts of the generated complaints, computed here instead of by the app's `kpi.refresh` job
 * (lib/kpi/facts.ts), which would take minutes for 1M complaints. Same columns and rules; business minutes use the
 * generator's own approximation (wall-clock minutes ÷ the calendar's stretch), generated complaints have no pauses
 * and no reopen events (so `reopenedWithin7d` is false, FCR follows replies and escalation, the first resolution is the
 * recorded one and a done complaint has one done span, from its `doneAt`: doneSpanStatement).
 */
export function factStatement(complaintBase: number): string {
  return `
    INSERT INTO kpi_complaint_facts ("complaintId", "createdAt", "createdWeekday", "createdHour", status, inflow, "teamId", "categoryId", "channelId", "tierId",
      "severityId", "assigneeId", "rootCauseId", "firstResponseAt", "frtCalendarMin", "frtBusinessMin", "resolvedAt",
      "resolutionCalendarMin", "resolutionBusinessMin", "doneAt", "responseMet", "resolutionMet", "escalationLevel",
      "reopenCount", "reopenedWithin7d", "customerReplyCount", fcr, "firstResolvedAt", "reopenDelayMin", "refreshedAt")
    SELECT c.id, c."createdAt",
           extract(dow FROM c."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::int,
           extract(hour FROM c."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::int, c.status, c.status <> 'duplicate', c."teamId", c."categoryId", c."channelId", cu."tierId",
           c."severityId", c."assigneeId", c."rootCauseId", c."firstResponseAt",
           round(extract(epoch FROM c."firstResponseAt" - c."createdAt") / 60)::int,
           round(extract(epoch FROM c."firstResponseAt" - c."createdAt") / 60 / f.stretch)::int,
           r.resolved_at,
           round(extract(epoch FROM r.resolved_at - c."createdAt") / 60)::int,
           round(extract(epoch FROM r.resolved_at - c."createdAt") / 60 / f.stretch)::int,
           CASE WHEN c.status IN ('resolved', 'closed', 'rejected', 'duplicate') THEN coalesce(r.resolved_at, c."closedAt", c."resolvedAt") END,
           CASE WHEN fr.kind IS NULL THEN NULL WHEN fr.breached IS NOT NULL THEN false WHEN fr.fulfilled IS NOT NULL THEN fr.fulfilled <= fr.due END,
           CASE WHEN r.resolved_at IS NULL OR rs.kind IS NULL THEN NULL WHEN rs.breached IS NOT NULL THEN false
                WHEN rs.fulfilled IS NOT NULL THEN rs.fulfilled <= rs.due END,
           greatest(c."escalationLevel", 1), c."reopenCount", false, c."customerReplyCount",
           CASE WHEN r.resolved_at IS NOT NULL THEN c."customerReplyCount" <= 1 AND greatest(c."escalationLevel", 1) = 1 END,
           r.resolved_at, NULL,
           now()
    FROM f
    JOIN complaints c ON c.id = ${complaintBase} + f.n
    JOIN customers cu ON cu.id = c."customerId"
    CROSS JOIN LATERAL (SELECT CASE WHEN c.status IN ('resolved', 'closed') THEN c."resolvedAt" END AS resolved_at) r
    LEFT JOIN k fr ON fr.n = f.n AND fr.kind = 'first_response'
    LEFT JOIN k rs ON rs.n = f.n AND rs.kind = 'resolution'`;
}

/**
 * The done span of every generated complaint that is done (no reopen events are generated): backlog at a point in time.
 */
export function doneSpanStatement(complaintBase: number): string {
  return `
    INSERT INTO kpi_done_spans ("complaintId", "doneAt", "reopenedAt")
    SELECT f."complaintId", f."doneAt", NULL FROM kpi_complaint_facts f
    WHERE f."complaintId" > ${complaintBase} AND f."doneAt" IS NOT NULL`;
}
