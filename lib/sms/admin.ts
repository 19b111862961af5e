// Administration of SMS: the "sms" setting (signature, quiet hours, default time zone), optimistic by updatedAt.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { diffFields, writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { parseSmsSettings, SMS_SETTING, smsSettingsSchema, type SmsSettings } from "@/lib/sms/settings";

const CONFLICT = "Someone else changed the SMS settings after you opened them.";

export const smsSettingsInputSchema = z.object({
  signature: z
    .string()
    .trim()
    .min(1, "required")
    .max(20, "too_long")
    .regex(/^[^【】[\]]+$/, "no_brackets"),
  quietStartHour: z.number({ error: "invalid" }).int().min(0).max(23),
  quietEndHour: z.number({ error: "invalid" }).int().min(0).max(23),
  defaultTimeZone: smsSettingsSchema.shape.defaultTimeZone.unwrap(),
  version: z.string().max(40),
});

export async function readSmsSettingsForAdmin(): Promise<{ settings: SmsSettings; version: string }> {
  const row = await db.setting.findUnique({ where: { key: SMS_SETTING }, select: { value: true, updatedAt: true } });
  return { settings: parseSmsSettings(row?.value), version: row ? row.updatedAt.toISOString() : "" };
}

export async function saveSmsSettings(
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ version: string }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", "You may not change the SMS settings.");
  const parsed = smsSettingsInputSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", "Some fields are invalid.", { fields: fieldErrors(parsed.error) });
  const { version, ...settings } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({
      where: { key: SMS_SETTING },
      select: { value: true, updatedAt: true },
    });
    if ((before ? before.updatedAt.toISOString() : "") !== version) return fail("conflict", CONFLICT);
    if (before) {
      const written = await tx.setting.updateMany({
        where: { key: SMS_SETTING, updatedAt: before.updatedAt },
        data: { value: settings, updatedAt: now },
      });
      if (written.count === 0) return fail("conflict", CONFLICT);
    } else {
      const created = await tx.setting.createManyAndReturn({
        data: [{ key: SMS_SETTING, value: settings, updatedAt: now }],
        skipDuplicates: true,
        select: { key: true },
      });
      if (created.length === 0) return fail("conflict", CONFLICT);
    }
    const changes = diffFields<Record<string, unknown>>(parseSmsSettings(before?.value), settings);
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "sms_settings.update",
      entityType: "setting",
      entityId: SMS_SETTING,
      changes: JSON.parse(JSON.stringify(changes)),
    });
    return { ok: true as const, version: now.toISOString() };
  });
}
