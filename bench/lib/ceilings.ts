// Ceilings: the same database work as each scenario, as bare SQL through `pg` with no HTTP, no Prisma, no rendering.
// Each mirrors the statements the app issues for the page (lib/complaints/queue.ts, workspace.ts, lib/home/queries.ts,
// lib/complaints/create-complaint.ts); app ÷ ceiling says how much the layers above the database cost.
import type pg from "pg";

const OPEN = ["new", "acknowledged", "in_progress", "pending_customer", "reopened"];

export type QueueActor = { userId: number; teamIds: number[] };

const QUEUE_COLUMNS = `
  c.id, c.reference, c.subject, c.status, c.priority, c."escalationLevel", c."nextDueAt", c."nextWarnAt", c."slaBreached", c."createdAt",
  cu.name AS customer_name, ti.code AS tier_code, ti."nameZh" AS tier_zh, ti."nameEn" AS tier_en, ti.rank AS tier_rank,
  s.code AS severity_code, s."nameZh" AS severity_zh, s."nameEn" AS severity_en, s.color, s.rank,
  cat."nameZh" AS category_zh, cat."nameEn" AS category_en, ch."nameZh" AS channel_zh, ch."nameEn" AS channel_en,
  u.id AS assignee_id, u.name AS assignee_name, t."nameZh" AS team_zh, t."nameEn" AS team_en`;

const QUEUE_JOINS = `
  FROM complaints c
  JOIN customers cu ON cu.id = c."customerId" LEFT JOIN customer_tiers ti ON ti.id = cu."tierId"
  JOIN severities s ON s.id = c."severityId" LEFT JOIN categories cat ON cat.id = c."categoryId"
  JOIN channels ch ON ch.id = c."channelId" LEFT JOIN users u ON u.id = c."assigneeId" LEFT JOIN teams t ON t.id = c."teamId"`;

const SCOPE = `(c."teamId" = ANY($1::int[]) OR c."assigneeId" = $2)`;

/**
 * Queue first page ("My open", SLA due first, 25 rows + 1) and the four tab counts, each capped at 1,000 rows as the
 * app
 * counts them ("999+"); "Mine" and "Team" lie inside the scope, so they are read without it, as the app does.
 */
export async function queueCeiling(pool: pg.Pool, actor: QueueActor) {
  const params = [actor.teamIds, actor.userId, OPEN];
  const capped = (where: string) =>
    pool.query(`SELECT count(*) FROM (SELECT 1 FROM complaints c WHERE ${where} LIMIT 1000) x`, params);
  await Promise.all([
    pool.query(
      `SELECT ${QUEUE_COLUMNS} ${QUEUE_JOINS}
       WHERE $1::int[] IS NOT NULL AND c.status = ANY($3::"ComplaintStatus"[]) AND c."assigneeId" = $2
       ORDER BY c."nextDueAt" ASC NULLS LAST, c.id ASC LIMIT 26`,
      params,
    ),
    capped(`$1::int[] IS NOT NULL AND c.status = ANY($3::"ComplaintStatus"[]) AND c."assigneeId" = $2`),
    capped(`$2::int IS NOT NULL AND c.status = ANY($3::"ComplaintStatus"[]) AND c."teamId" = ANY($1::int[])`),
    capped(`${SCOPE} AND c.status = ANY($3::"ComplaintStatus"[]) AND c."assigneeId" IS NULL`),
    capped(`${SCOPE} AND c.status = ANY($3::"ComplaintStatus"[]) AND c."escalationLevel" >= 2`),
  ]);
}

/** Search over every complaint the actor may see ("All" queue, newest first), ILIKE on the trigram-indexed columns. */
export async function searchCeiling(pool: pg.Pool, actor: QueueActor, term: string) {
  const pattern = `%${term.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
  await pool.query(
    `SELECT ${QUEUE_COLUMNS} ${QUEUE_JOINS}
     WHERE ${SCOPE} AND (c.reference ILIKE $3 OR c.subject ILIKE $3 OR c.description ILIKE $3 OR cu.name ILIKE $3)
     ORDER BY c."nextDueAt" ASC NULLS LAST, c.id ASC LIMIT 26`,
    [actor.teamIds, actor.userId, pattern],
  );
}

/** The workspace's reads: the complaint with its labels, clocks, timeline and compensation. */
export async function workspaceCeiling(pool: pg.Pool, actor: QueueActor, reference: string) {
  const row = await pool.query<{ id: number }>(
    `SELECT c.*, ch."nameZh", cat."nameZh", sub."nameZh", s.code, u.name, t."nameZh", p.code
     FROM complaints c JOIN channels ch ON ch.id = c."channelId" LEFT JOIN categories cat ON cat.id = c."categoryId"
     LEFT JOIN categories sub ON sub.id = c."subcategoryId" JOIN severities s ON s.id = c."severityId"
     LEFT JOIN users u ON u.id = c."assigneeId" LEFT JOIN teams t ON t.id = c."teamId" LEFT JOIN sla_policies p ON p.id = c."slaPolicyId"
     WHERE c.reference = $3 AND ${SCOPE}`,
    [actor.teamIds, actor.userId, reference],
  );
  const id = row.rows[0]?.id;
  if (id === undefined) return;
  await Promise.all([
    pool.query(
      `SELECT k.*, cal."is24x7", (SELECT count(*) FROM sla_events e WHERE e."clockId" = k.id AND e.kind IN ('extended', 'recomputed'))
       FROM sla_clocks k JOIN business_calendars cal ON cal.id = k."calendarId" WHERE k."complaintId" = $1 ORDER BY k."dueAt"`,
      [id],
    ),
    pool.query(
      `SELECT e.id, e.kind, e.visibility, e."actorType", e.body, e.data, e."createdAt", u.name
       FROM complaint_events e LEFT JOIN users u ON u.id = e."actorId" WHERE e."complaintId" = $1 ORDER BY e."createdAt"`,
      [id],
    ),
    pool.query(`SELECT * FROM compensations WHERE "complaintId" = $1 ORDER BY "createdAt"`, [id]),
    pool.query(
      `SELECT c.id, c.reference, c.subject, c.status, c."createdAt" FROM complaints c
       WHERE c."customerId" = (SELECT "customerId" FROM complaints WHERE id = $1) ORDER BY c."createdAt" DESC LIMIT 10`,
      [id],
    ),
  ]);
}

/**
 * The manager dashboard (`loadManagerDashboard`, 90 days, no filters) as bare SQL: the statements the loader sends,
 * read from the daily rollups and the compensation table, all in parallel (the loader needs two rounds).
 */
export async function dashboardCeiling(pool: pg.Pool, now = new Date()) {
  const day = 86_400_000;
  const local = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const toDay = local(now);
  const fromDay = local(new Date(now.getTime() - 89 * day));
  const previousFromDay = local(new Date(now.getTime() - 179 * day));
  const from = new Date(Date.parse(`${fromDay}T00:00:00Z`) - 8 * 3_600_000);
  const previousFrom = new Date(from.getTime() - 90 * day);
  const to = new Date(Date.parse(`${toDay}T00:00:00Z`) - 8 * 3_600_000 + day);
  const span = [previousFromDay, toDay, fromDay];
  const hist = ["frtBusiness", "frtCalendar", "resolutionBusiness", "resolutionCalendar"]
    .map(
      (metric) =>
        `SELECT '${metric}' AS metric, u.b, u.c FROM unnest(r."${metric}Buckets", r."${metric}Counts") AS u(b, c)${metric.endsWith("Calendar") ? " WHERE r.day >= $3::date" : ""}`,
    )
    .join(" UNION ALL ");
  await Promise.all([
    pool.query(
      `SELECT (r.day >= $3::date) AS cur, sum(r.inflow), sum(r.created), sum(r.escalated), sum(r."responseMet"), sum(r."responseDecided"),
         sum(r."frtBusinessCount"), sum(r."frtBusinessSum"), sum(r."frtCalendarCount"), sum(r."frtCalendarSum"), sum(r.resolved),
         sum(r."resolutionMet"), sum(r."resolutionDecided"), sum(r."firstResolved"), sum(r.fcr), sum(r.reopened), sum(r."resolutionBusinessCount"),
         sum(r."resolutionBusinessSum"), sum(r."resolutionCalendarCount"), sum(r."resolutionCalendarSum")
       FROM kpi_daily_rollups r WHERE r.day >= $1::date AND r.day <= $2::date AND r.grain = 0 GROUP BY 1`,
      span,
    ),
    pool.query(
      `SELECT sum(r.created - r."doneStarted" + r."doneEnded") FILTER (WHERE r.day <= $1::date), sum(r.created - r."doneStarted" + r."doneEnded") FILTER (WHERE r.day < $2::date)
       FROM kpi_daily_rollups r WHERE r.grain = 0`,
      [toDay, fromDay],
    ),
    pool.query(
      `SELECT sum(r.created), sum(r.resolved) FROM kpi_daily_rollups r WHERE r.grain = 0 AND r.day >= $1::date AND r.day <= $2::date`,
      [previousFromDay, toDay],
    ),
    pool.query(
      `SELECT (r.day >= $3::date) AS cur, m.metric, m.b, sum(m.c) FROM kpi_daily_rollups r CROSS JOIN LATERAL (${hist}) m
       WHERE r.day >= $1::date AND r.day <= $2::date AND r.grain = 0 GROUP BY 1, 2, 3`,
      span,
    ),
    pool.query(
      `SELECT to_char(r.day, 'YYYY-MM-DD'), r.inflow, r.resolved, r."inflowByHour", r."rootCauses", r."escalationLevels"
       FROM kpi_daily_rollups r WHERE r.day >= $1::date AND r.day <= $2::date AND r.grain = 0`,
      [fromDay, toDay],
    ),
    ...(["categoryId", "teamId"] as const).map((column, index) =>
      pool.query(
        `SELECT r."${column}", sum(r.inflow), sum(r."responseMet"), sum(r."responseDecided"), sum(r."resolutionMet"), sum(r."resolutionDecided")
         FROM kpi_daily_rollups r WHERE r."${column}" <> 0 AND r.day >= $1::date AND r.day <= $2::date AND r.grain = $3 GROUP BY 1`,
        [fromDay, toDay, index === 0 ? 2 : 1],
      ),
    ),
    pool.query(
      `SELECT to_char(r.day, 'YYYY-MM-DD'), sum(r."csatN"), sum(r."csatPositive"), sum(r."npsN"), sum(r.promoters), sum(r.detractors), sum(r."cesN"), sum(r."cesSum")
       FROM kpi_daily_rollups r WHERE r.day >= $1::date AND r.day <= $2::date AND r.grain = 0 GROUP BY r.day
       HAVING sum(r."csatN") + sum(r."npsN") + sum(r."cesN") > 0 ORDER BY r.day`,
      [previousFromDay, toDay],
    ),
    pool.query(
      `SELECT (r.day >= $3::date) AS cur, sum(r."surveysSent"), sum(r."surveysAnswered") FROM kpi_daily_rollups r
       WHERE r.day >= $1::date AND r.day <= $2::date AND r.grain = 0 GROUP BY 1`,
      span,
    ),
    pool.query(
      `SELECT (c."createdAt" >= $2) AS cur, c.kind, coalesce(sum(CASE WHEN c.currency = 'CNY' THEN c.amount WHEN c.currency = 'PTS' THEN c.amount / 100 END), 0),
         count(*) FILTER (WHERE c.currency NOT IN ('CNY', 'PTS'))
       FROM compensations c WHERE c.status IN ('approved', 'issued') AND c."createdAt" >= $1 AND c."createdAt" < $3 GROUP BY 1, 2`,
      [previousFrom, from, to],
    ),
  ]);
}

export type CreationShape = {
  customerId: number;
  channelId: number;
  severityId: number;
  categoryId: number;
  subcategoryId: number;
  teamId: number;
  policyId: number;
  calendarId: number;
};

/**
 * The writes of one complaint creation in one transaction: reference counter, complaint, creation event, SLA policy
 * event, three clocks with their start events, the denormalised due times, acknowledgement e-mail and audit row.
 */
export async function createCeiling(pool: pg.Pool, shape: CreationShape, serial: number) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const sequence = await client.query<{ last: number }>(
      `INSERT INTO complaint_sequences (year, last) VALUES (9999, 1) ON CONFLICT (year) DO UPDATE SET last = complaint_sequences.last + 1 RETURNING last`,
    );
    const reference = `CEIL-${process.pid}-${serial}-${sequence.rows[0]?.last ?? 0}`;
    const complaint = await client.query<{ id: number }>(
      `INSERT INTO complaints (reference, "customerId", "channelId", type, "categoryId", "subcategoryId", "severityId", priority, subject, description,
                               locale, "assigneeId", "teamId", "trackingTokenHash", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, 'complaint', $4, $5, $6, 'normal', '行李破损：CA1234 北京航班', '托运的行李到达后发现拉杆损坏，外壳有明显裂痕，要求赔偿。', 'zh-CN', NULL, $7, $8, now(), now())
       RETURNING id`,
      [
        reference,
        shape.customerId,
        shape.channelId,
        shape.categoryId,
        shape.subcategoryId,
        shape.severityId,
        shape.teamId,
        reference,
      ],
    );
    const id = complaint.rows[0]!.id;
    await client.query(
      `INSERT INTO complaint_events ("complaintId", kind, "actorType", data, "createdAt") VALUES ($1, 'created', 'api_token', '{"source":"api"}', now())`,
      [id],
    );
    await client.query(
      `INSERT INTO sla_events ("complaintId", kind, "policyId", "createdAt") VALUES ($1, 'applied', $2, now())`,
      [id, shape.policyId],
    );
    for (const [kind, minutes] of [
      ["acknowledge", 10],
      ["first_response", 60],
      ["resolution", 2880],
    ] as const) {
      const clock = await client.query<{ id: number }>(
        `INSERT INTO sla_clocks ("complaintId", kind, "policyId", "calendarId", "targetMinutes", "startedAt", "dueAt", "warnAt")
         VALUES ($1, $2, $3, $4, $5, now(), now() + make_interval(mins => $5), now() + make_interval(mins => $5 * 3 / 4)) RETURNING id`,
        [id, kind, shape.policyId, shape.calendarId, minutes],
      );
      await client.query(
        `INSERT INTO sla_events ("complaintId", "clockId", "clockKind", kind, "policyId", "dueAt", "createdAt") VALUES ($1, $2, $3, 'started', $4, now(), now())`,
        [id, clock.rows[0]!.id, kind, shape.policyId],
      );
    }
    await client.query(
      `UPDATE complaints SET "slaPolicyId" = $2, "firstResponseDueAt" = now() + interval '1 hour', "resolutionDueAt" = now() + interval '2 days',
              "nextDueAt" = now() + interval '10 minutes', "nextWarnAt" = now() + interval '7 minutes' WHERE id = $1`,
      [id, shape.policyId],
    );
    await client.query(
      `INSERT INTO outbound_emails ("to", subject, text, kind, "complaintId", "createdAt") VALUES ('bench@example.net', $1, 'ack', 'acknowledgement', $2, now())`,
      [reference, id],
    );
    await client.query(
      `INSERT INTO audit_logs ("actorType", action, "entityType", "entityId", changes, "createdAt") VALUES ('api_token', 'complaint.create', 'complaint', $1, '{}', now())`,
      [String(id)],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
