// The backlog figures behind /api/metrics, read in one round trip: pg-boss queues, due SLA clocks, the e-mail and SMS
// outboxes, webhooks.
import "server-only";
import { db } from "@/lib/db";
import { JOB_SCHEMA } from "@/lib/jobs/boss";
import { replicaStatus } from "@/lib/db-replica";

export type Backlog = {
  queues: { queue: string; state: string; count: number; oldestSeconds: number }[];
  sla: { due: number; lagSeconds: number };
  outbox: { pending: number; oldestSeconds: number };
  /** SMS waiting to be sent; the age counts from when each may go (quiet hours hold non-urgent ones until morning). */
  smsOutbox: { pending: number; oldestSeconds: number };
  webhooks: { pending: number; oldestSeconds: number };
  replica: { up: boolean; lagSeconds: number | null } | null;
};

type Row = {
  queues: Backlog["queues"] | null;
  sla_due: number;
  sla_lag: number;
  outbox: number;
  outbox_age: number;
  sms: number;
  sms_age: number;
  webhooks: number;
  webhooks_age: number;
};

async function jobTableExists(): Promise<boolean> {
  const rows = await db.$queryRaw<
    { found: boolean }[]
  >`SELECT to_regclass(${`"${JOB_SCHEMA}".job`}) IS NOT NULL AS found`;
  return rows[0]?.found === true;
}

export async function readBacklog(): Promise<Backlog> {
  // The schema name is a constant of this app (lib/jobs/boss.ts), not input; before pg-boss first started there is
  // none.
  const queues = (await jobTableExists())
    ? `(SELECT json_agg(q) FROM (
           SELECT name AS queue, state::text AS state, count(*)::int AS count,
                  COALESCE(EXTRACT(EPOCH FROM now() - min(CASE WHEN state = 'active' THEN started_on ELSE created_on END)), 0)::float8 AS "oldestSeconds"
           FROM "${JOB_SCHEMA}".job WHERE state IN ('created', 'retry', 'active') GROUP BY name, state) q)`
    : "NULL::json";
  const [rows, replica] = await Promise.all([
    db.$queryRawUnsafe<Row[]>(`
      SELECT
        ${queues} AS queues,
        (SELECT count(*)::int FROM sla_clocks c
          WHERE c."fulfilledAt" IS NULL AND c."cancelledAt" IS NULL AND c."pausedAt" IS NULL
            AND ((c."dueAt" <= now() AND c."breachedAt" IS NULL) OR (c."warnAt" <= now() AND c."warnedAt" IS NULL))) AS sla_due,
        (SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(LEAST(
                  CASE WHEN c."breachedAt" IS NULL AND c."dueAt" <= now() THEN c."dueAt" END,
                  CASE WHEN c."warnedAt" IS NULL AND c."warnAt" <= now() THEN c."warnAt" END))), 0)::float8 FROM sla_clocks c
          WHERE c."fulfilledAt" IS NULL AND c."cancelledAt" IS NULL AND c."pausedAt" IS NULL
            AND ((c."dueAt" <= now() AND c."breachedAt" IS NULL) OR (c."warnAt" <= now() AND c."warnedAt" IS NULL))) AS sla_lag,
        (SELECT count(*)::int FROM outbound_emails WHERE status = 'pending') AS outbox,
        (SELECT COALESCE(EXTRACT(EPOCH FROM now() - min("createdAt")), 0)::float8 FROM outbound_emails WHERE status = 'pending') AS outbox_age,
        (SELECT count(*)::int FROM outbound_sms WHERE status = 'pending') AS sms,
        (SELECT COALESCE(EXTRACT(EPOCH FROM now() - min("notBefore")), 0)::float8 FROM outbound_sms WHERE status = 'pending' AND "notBefore" <= now()) AS sms_age,
        (SELECT count(*)::int FROM webhook_deliveries WHERE status = 'pending') AS webhooks,
        (SELECT COALESCE(EXTRACT(EPOCH FROM now() - min("createdAt")), 0)::float8 FROM webhook_deliveries WHERE status = 'pending') AS webhooks_age`),
    replicaStatus(),
  ]);
  const row = rows[0];
  return {
    queues: row?.queues ?? [],
    sla: { due: row?.sla_due ?? 0, lagSeconds: row?.sla_lag ?? 0 },
    outbox: { pending: row?.outbox ?? 0, oldestSeconds: row?.outbox_age ?? 0 },
    smsOutbox: { pending: row?.sms ?? 0, oldestSeconds: row?.sms_age ?? 0 },
    webhooks: { pending: row?.webhooks ?? 0, oldestSeconds: row?.webhooks_age ?? 0 },
    replica,
  };
}
