// Channel admin (admin.config): bilingual names, regulator flag, sort order, enable/disable. The code and kind are
// fixed (reports, API and SLA policies refer to them); a disabled channel is no longer offered for new complaints.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { diffFields, writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { rowVersion } from "@/lib/reference/version";

const name = z.string().trim().min(1, "required").max(80, "too_long");
export const channelUpdateSchema = z.object({
  nameZh: name,
  nameEn: name,
  isRegulator: z.boolean(),
  active: z.boolean(),
  sortOrder: z.number().int("integer").min(0, "sort_range").max(9999, "sort_range"),
  version: z.string().min(1),
});

type ChannelFields = { nameZh: string; nameEn: string; isRegulator: boolean; active: boolean; sortOrder: number };
const fieldsOf = (row: ChannelFields): ChannelFields => ({
  nameZh: row.nameZh,
  nameEn: row.nameEn,
  isRegulator: row.isRegulator,
  active: row.active,
  sortOrder: row.sortOrder,
});
export const channelVersion = (row: ChannelFields) => rowVersion(fieldsOf(row));

export async function updateChannel(actor: Actor, id: number, raw: unknown): Promise<Result<{ version: string }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", "You may not manage channels.");
  const parsed = channelUpdateSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const { version, ...input } = parsed.data;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM channels WHERE id = ${id} FOR UPDATE`;
    const before = await tx.channel.findUnique({ where: { id } });
    if (!before) return fail("not_found", "No such channel.");
    if (channelVersion(before) !== version)
      return fail("conflict", "Someone else changed this channel after you opened it.");
    await tx.channel.update({ where: { id }, data: input });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "channel.update",
      entityType: "channel",
      entityId: String(id),
      changes: JSON.parse(JSON.stringify(diffFields(fieldsOf(before), input))),
    });
    return { ok: true as const, version: rowVersion(input) };
  });
}

export async function listChannelsForAdmin() {
  const rows = await db.channel.findMany({
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      code: true,
      kind: true,
      nameZh: true,
      nameEn: true,
      isRegulator: true,
      active: true,
      sortOrder: true,
      _count: { select: { complaints: true } },
    },
  });
  return rows.map((row) => ({ ...row, complaints: row._count.complaints, version: channelVersion(row) }));
}

export type AdminChannel = Awaited<ReturnType<typeof listChannelsForAdmin>>[number];
