// Passengers (or customers) served per month, entered by admins; the dashboards divide complaints by it for the
// rate per 10,000 (SPEC §6). One row per month; an emptied cell deletes the month. Stale cells are a conflict.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";

const MAX_PASSENGERS = 2_000_000_000;

export const passengerVolumesSchema = z.object({
  entries: z
    .array(
      z.object({
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "invalid_month"),
        passengers: z.number("integer").int("integer").min(0, "negative").max(MAX_PASSENGERS, "too_large").nullable(),
        /** updatedAt of the row as loaded, or null when the month had no row. */
        version: z.string().nullable(),
      }),
    )
    .min(1, "nothing_to_save")
    .max(120, "too_many"),
});

const monthDate = (month: string) => new Date(`${month}-01T00:00:00Z`);
export const monthKey = (date: Date) => date.toISOString().slice(0, 7);

/** The latest month that may be entered: twelve months after the current one (plans and forecasts). */
export function latestAllowedMonth(now: Date) {
  return monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 12, 1)));
}

export async function savePassengerVolumes(
  actor: Actor,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ saved: number }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", "You may not edit passenger volumes.");
  const parsed = passengerVolumesSchema.safeParse(raw);
  if (!parsed.success) return fail("invalid", "Some values are invalid.", { fields: fieldErrors(parsed.error) });
  const { entries } = parsed.data;
  const latest = latestAllowedMonth(now);
  const fields: Record<string, string[]> = {};
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (entry.month > latest) fields[`entries.${index}.month`] = ["too_far_ahead"];
    if (seen.has(entry.month)) fields[`entries.${index}.month`] = ["duplicate"];
    seen.add(entry.month);
  });
  if (Object.keys(fields).length) return fail("invalid", "Some values are invalid.", { fields });

  return db.$transaction(async (tx) => {
    const existing = await tx.passengerVolume.findMany({
      where: { month: { in: entries.map((entry) => monthDate(entry.month)) } },
    });
    const byMonth = new Map(existing.map((row) => [monthKey(row.month), row]));
    const stale = entries
      .filter((entry) => (byMonth.get(entry.month)?.updatedAt.toISOString() ?? null) !== entry.version)
      .map((entry) => entry.month);
    if (stale.length)
      return fail("conflict", "Someone else changed these months after you opened the page.", {
        details: { months: stale },
      });
    const changes: Record<string, { from: number | null; to: number | null }> = {};
    for (const entry of entries) {
      const before = byMonth.get(entry.month)?.passengers ?? null;
      if (before === entry.passengers) continue;
      changes[entry.month] = { from: before, to: entry.passengers };
      const month = monthDate(entry.month);
      if (entry.passengers === null) await tx.passengerVolume.delete({ where: { month } });
      else
        await tx.passengerVolume.upsert({
          where: { month },
          create: { month, passengers: entry.passengers },
          update: { passengers: entry.passengers },
        });
    }
    if (Object.keys(changes).length)
      await writeAudit(tx, {
        actorType: actor.kind,
        actorId: actor.userId,
        action: "passenger_volume.update",
        entityType: "passenger_volume",
        changes,
      });
    return { ok: true as const, saved: Object.keys(changes).length };
  });
}

/** Months from `from` to the latest allowed month, newest first, with their values and versions. */
export async function passengerVolumeGrid(year: number, now = new Date()) {
  const rows = await db.passengerVolume.findMany({
    where: { month: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
  });
  const byMonth = new Map(rows.map((row) => [monthKey(row.month), row]));
  const latest = latestAllowedMonth(now);
  return Array.from({ length: 12 }, (_, index) => {
    const month = `${year}-${String(index + 1).padStart(2, "0")}`;
    const row = byMonth.get(month);
    return {
      month,
      passengers: row?.passengers ?? null,
      version: row?.updatedAt.toISOString() ?? null,
      editable: month <= latest,
    };
  });
}
