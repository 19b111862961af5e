// Use cases of the KPI settings page (/admin/kpi, managers: dashboard.view): the dashboard targets and the reopen-rate
// window. One save writes both settings in one transaction with its audit row; a concurrent save gets a conflict.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { diffFields, writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import {
  KPI_DEFINITIONS_KEY,
  KPI_TARGETS_KEY,
  kpiDefinitionsSchema,
  kpiTargetsSchema,
  loadKpiSettings,
  type KpiDefinitions,
  type KpiTargets,
} from "@/lib/kpi/settings";

const FORBIDDEN = "You may not change the dashboard targets.";
const INVALID = "Some fields are missing or invalid.";
const CONFLICT = "Someone else changed the dashboard targets after you opened them.";
const KEYS = [KPI_TARGETS_KEY, KPI_DEFINITIONS_KEY];

/** Every target and the window side by side, flat (one field per input), with the version read when the form opened. */
export const kpiSettingsInputSchema = kpiTargetsSchema
  .extend({ ...kpiDefinitionsSchema.shape, version: z.string().max(80) })
  .strict();
export type KpiSettingsInput = z.infer<typeof kpiSettingsInputSchema>;

/** The stored rows' updatedAt, joined: "" parts while only defaults apply. */
async function versionOf(
  client: Pick<typeof db, "setting">,
): Promise<{ version: string; rows: { key: string; updatedAt: Date }[] }> {
  const rows = await client.setting.findMany({ where: { key: { in: KEYS } }, select: { key: true, updatedAt: true } });
  const stamp = (key: string) => rows.find((row) => row.key === key)?.updatedAt.toISOString() ?? "";
  return { version: KEYS.map(stamp).join("|"), rows };
}

export async function getKpiSettingsForAdmin(): Promise<{
  targets: KpiTargets;
  definitions: KpiDefinitions;
  version: string;
}> {
  const [settings, { version }] = await Promise.all([loadKpiSettings(db), versionOf(db)]);
  return { ...settings, version };
}

export async function saveKpiSettings(
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ version: string }>> {
  if (!can(actor, "dashboard.view")) return fail("forbidden", FORBIDDEN);
  const parsed = kpiSettingsInputSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", INVALID, { fields: fieldErrors(parsed.error) });
  const { version, reopenWindowDays, ...targets } = parsed.data;
  const definitions: KpiDefinitions = { reopenWindowDays };

  return db.$transaction(async (tx) => {
    // Lock both rows (when they exist) so that the version check and the writes are atomic against a concurrent save.
    await tx.$queryRaw`SELECT key FROM settings WHERE key = ANY(${KEYS}::text[]) FOR UPDATE`;
    const before = await loadKpiSettings(tx);
    const current = await versionOf(tx);
    if (current.version !== version)
      return fail("conflict", CONFLICT, { details: { currentVersion: current.version } });
    for (const [key, value] of [
      [KPI_TARGETS_KEY, targets],
      [KPI_DEFINITIONS_KEY, definitions],
    ] as const) {
      if (current.rows.some((row) => row.key === key))
        await tx.setting.update({ where: { key }, data: { value, updatedAt: now } });
      else {
        const created = await tx.setting.createManyAndReturn({
          data: [{ key, value, updatedAt: now }],
          skipDuplicates: true,
          select: { key: true },
        });
        if (created.length === 0) return fail("conflict", CONFLICT);
      }
    }
    const changes = { ...diffFields(before.targets, targets), ...diffFields(before.definitions, definitions) };
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "kpi_settings.update",
      entityType: "setting",
      entityId: KPI_TARGETS_KEY,
      changes: JSON.parse(JSON.stringify(changes)),
    });
    return { ok: true as const, version: (await versionOf(tx)).version };
  });
}
