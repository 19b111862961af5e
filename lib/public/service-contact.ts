// The service centre's public contact (Setting "service.contact"): the hotline customers see on the tracking page and
// in the result notice beside the team's name. Admins edit it on /admin/setup. Never an agent's name (privacy).
import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/log";
import { can, type Actor } from "@/lib/auth/permissions";
import { db, type Db, type Tx } from "@/lib/db";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";

export const SERVICE_CONTACT_SETTING = "service.contact";

export const serviceContactSchema = z.object({
  // Digits with the usual separators: "95539", "400-820-1234", "+86 10 6459 9999", "(021) 1234 5678".
  hotline: z
    .string()
    .trim()
    .max(40, "too_long")
    .refine((value) => value === "" || /^\+?[0-9][0-9 ()-]{1,38}$/.test(value), "invalid_phone")
    .transform((value) => (value === "" ? null : value)),
  version: z.string().max(40).optional(),
});

export type ServiceContact = { hotline: string | null; updatedAt: Date | null };

export async function readServiceContact(client: Db | Tx = db): Promise<ServiceContact> {
  const row = await client.setting.findUnique({
    where: { key: SERVICE_CONTACT_SETTING },
    select: { value: true, updatedAt: true },
  });
  const value = row?.value;
  const hotline =
    value && typeof value === "object" && !Array.isArray(value) && typeof value.hotline === "string" && value.hotline
      ? value.hotline
      : null;
  return { hotline, updatedAt: row?.updatedAt ?? null };
}

/**
 * Sets the hotline (empty clears it). `version` is the updatedAt the form was loaded with: a change by someone else
 * in between is a conflict, not a silent overwrite.
 */
export async function updateServiceContact(actor: Actor, raw: unknown): Promise<Result<{ contact: ServiceContact }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", "You may not change the service contact.");
  const parsed = serviceContactSchema.safeParse(raw);
  if (!parsed.success) return fail("invalid", "Check the highlighted fields.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${SERVICE_CONTACT_SETTING}))`;
    const before = await readServiceContact(tx);
    if ((input.version ?? "") !== (before.updatedAt?.toISOString() ?? "")) {
      return fail("conflict", "Someone else changed the service contact; reload and try again.", {
        details: { current: before },
      });
    }
    const row = await tx.setting.upsert({
      where: { key: SERVICE_CONTACT_SETTING },
      create: { key: SERVICE_CONTACT_SETTING, value: { hotline: input.hotline } },
      update: { value: { hotline: input.hotline } },
      select: { updatedAt: true },
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "setting.update",
      entityType: "setting",
      entityId: SERVICE_CONTACT_SETTING,
      changes: { hotline: { from: before.hotline, to: input.hotline } },
    });
    return { ok: true as const, contact: { hotline: input.hotline, updatedAt: row.updatedAt } };
  });
}
