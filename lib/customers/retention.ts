// Retention (SPEC §9): customers whose complaints are all finished and older than the configured number of months
// are anonymised by a daily job. Safe with several instances: candidates are claimed with FOR UPDATE SKIP LOCKED and
// re-checked inside the same transaction, and anonymising is idempotent.
import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/log";
import { db, type Db, type Tx } from "@/lib/db";
import { anonymiseCustomerData } from "@/lib/customers/anonymise";
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from "@/lib/customers/retention-limits";

export { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from "@/lib/customers/retention-limits";

export const RETENTION_SETTING = "retention";
export const DEFAULT_RETENTION_MONTHS = 36;

export const retentionSettingsSchema = z.object({
  months: z.coerce
    .number({ error: "invalid_number" })
    .int("invalid_number")
    .min(MIN_RETENTION_MONTHS, "retention_range")
    .max(MAX_RETENTION_MONTHS, "retention_range"),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export async function readRetentionSettings(client: Db | Tx = db): Promise<RetentionSettings> {
  const row = await client.setting.findUnique({ where: { key: RETENTION_SETTING }, select: { value: true } });
  const parsed = retentionSettingsSchema.safeParse(row?.value);
  if (parsed.success) return parsed.data;
  // A value stored before the 12-month floor existed is raised to it, never used as it is.
  const stored = z.object({ months: z.coerce.number().int() }).safeParse(row?.value);
  if (stored.success && stored.data.months < MIN_RETENTION_MONTHS) return { months: MIN_RETENTION_MONTHS };
  return { months: DEFAULT_RETENTION_MONTHS };
}

export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

const BATCH = 100;

/**
 * One run of the retention job: anonymises every due customer in batches of 100 and returns how many. A customer is
 * due when it is not yet anonymised, has at least one complaint, and every complaint is finished (closed, rejected
 * or duplicate) with its close time (or, lacking one, its last update) before the cutoff. Merged-away records have
 * no complaints left and are not touched.
 */
export async function runRetention(
  options: { now?: Date; maxBatches?: number } = {},
): Promise<{ anonymised: number; cutoff: Date }> {
  const now = options.now ?? new Date();
  const { months } = await readRetentionSettings();
  const cutoff = retentionCutoff(now, months);
  let anonymised = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 1_000); batch += 1) {
    const done = await db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ id: number }[]>`
        SELECT c.id FROM customers c
        WHERE c."anonymizedAt" IS NULL
          AND EXISTS (SELECT 1 FROM complaints x WHERE x."customerId" = c.id)
          AND NOT EXISTS (
            SELECT 1 FROM complaints x WHERE x."customerId" = c.id
              AND (x.status::text NOT IN ('closed', 'rejected', 'duplicate') OR coalesce(x."closedAt", x."updatedAt") >= ${cutoff})
          )
        ORDER BY c.id
        LIMIT ${BATCH}
        FOR UPDATE OF c SKIP LOCKED`;
      for (const { id } of due) {
        const counts = await anonymiseCustomerData(tx, id, now);
        await writeAudit(tx, {
          actorType: "system",
          action: "customer.anonymise",
          entityType: "customer",
          entityId: String(id),
          changes: { reason: "retention", months, cutoff: cutoff.toISOString(), ...counts },
        });
      }
      return due.length;
    });
    anonymised += done;
    if (done < BATCH) break;
  }
  return { anonymised, cutoff };
}
