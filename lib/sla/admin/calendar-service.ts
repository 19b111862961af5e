// Use cases of the business calendar admin page (admin.config): create and update, holidays replaced atomically.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { diffFields, writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { calendarInputSchema, calendarUpdateSchema, type CalendarInput } from "@/lib/sla/admin/schema";

type SavedCalendar = { id: number; code: string; updatedAt: string };

function sortedHolidays(input: CalendarInput) {
  return [...input.holidays].sort((a, b) => a.date.localeCompare(b.date));
}

function holidayRows(input: CalendarInput, calendarId: number) {
  // A @db.Date column takes UTC midnight of the calendar date.
  return sortedHolidays(input).map((h) => ({
    calendarId,
    date: new Date(`${h.date}T00:00:00Z`),
    kind: h.kind,
    name: h.name,
  }));
}

function calendarRow<W>(input: Omit<CalendarInput, "holidays" | "workingHours"> & { workingHours: W }) {
  return {
    code: input.code,
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    timeZone: input.timeZone,
    is24x7: input.is24x7,
    workingHours: input.workingHours,
  };
}

async function codeTaken(tx: Tx, code: string, selfId: number | null) {
  const same = await tx.businessCalendar.findUnique({ where: { code }, select: { id: true } });
  return same !== null && same.id !== selfId;
}

const invalid = (fields: Record<string, string[]>) =>
  fail("invalid", "Some fields are missing or invalid.", { fields });

export async function createCalendar(actor: Actor, rawInput: unknown): Promise<Result<{ calendar: SavedCalendar }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", "You may not manage business calendars.");
  const parsed = calendarInputSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    if (await codeTaken(tx, input.code, null)) return invalid({ code: ["taken"] });
    const created = await tx.businessCalendar.create({
      data: calendarRow(input),
      select: { id: true, code: true, updatedAt: true },
    });
    await tx.calendarHoliday.createMany({ data: holidayRows(input, created.id) });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "business_calendar.create",
      entityType: "business_calendar",
      entityId: String(created.id),
      changes: { ...calendarRow(input), holidays: sortedHolidays(input) },
    });
    return { ok: true as const, calendar: { ...created, updatedAt: created.updatedAt.toISOString() } };
  });
}

/**
 * Saves a calendar edited from the version the admin loaded (its updatedAt). Running clocks keep the due times they
 * were given; the new hours apply to clocks started or recomputed from now on.
 */
export async function updateCalendar(
  actor: Actor,
  id: number,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ calendar: SavedCalendar }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", "You may not manage business calendars.");
  const parsed = calendarUpdateSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { version, ...input } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.businessCalendar.findUnique({
      where: { id },
      include: { holidays: { select: { date: true, kind: true, name: true }, orderBy: { date: "asc" } } },
    });
    if (!before) return fail("not_found", "No such business calendar.");
    if (before.updatedAt.toISOString() !== version) {
      return fail("conflict", "Someone else changed this calendar after you opened it.", {
        details: { currentVersion: before.updatedAt.toISOString() },
      });
    }
    if (await codeTaken(tx, input.code, id)) return invalid({ code: ["taken"] });
    const written = await tx.businessCalendar.updateMany({
      where: { id, updatedAt: before.updatedAt },
      data: { ...calendarRow(input), updatedAt: now },
    });
    if (written.count === 0) return fail("conflict", "Someone else changed this calendar after you opened it.");
    await tx.calendarHoliday.deleteMany({ where: { calendarId: id } });
    await tx.calendarHoliday.createMany({ data: holidayRows(input, id) });

    const beforeHolidays = before.holidays.map((h) => ({
      date: h.date.toISOString().slice(0, 10),
      kind: h.kind,
      name: h.name,
    }));
    const changes = diffFields(
      { ...calendarRow(before), holidays: beforeHolidays },
      { ...calendarRow(input), holidays: sortedHolidays(input) },
    );
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "business_calendar.update",
      entityType: "business_calendar",
      entityId: String(id),
      changes: JSON.parse(JSON.stringify(changes)),
    });
    return { ok: true as const, calendar: { id, code: input.code, updatedAt: now.toISOString() } };
  });
}
