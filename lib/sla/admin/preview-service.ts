// Server side of the admin previews: loads the saved policies and calendars, then runs the pure preview functions.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { toCalendarSpec, type CalendarSpec } from "@/lib/sla/calendar-schema";
import { calendarPreviewSchema, CLOCK_KINDS, policyPreviewSchema } from "@/lib/sla/admin/schema";
import { previewCalendar, previewPolicyMatch, type CalendarPreview, type PolicyPreview } from "@/lib/sla/admin/preview";

/** Which policy the sample complaint would get if the draft were saved, and its clocks' due times. */
export async function previewPolicyDraft(
  actor: Actor,
  rawInput: unknown,
): Promise<Result<{ preview: PolicyPreview | null }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", "You may not manage SLA policies.");
  const parsed = policyPreviewSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const { policyId, draft, sample } = parsed.data;
  const [saved, calendarRows] = await Promise.all([
    db.slaPolicy.findMany({
      select: {
        id: true,
        code: true,
        nameZh: true,
        nameEn: true,
        rank: true,
        isDefault: true,
        active: true,
        calendarId: true,
        warnPercent: true,
        matchType: true,
        matchSeverityId: true,
        matchPriority: true,
        matchTierId: true,
        matchChannelId: true,
        targets: { select: { clock: true, minutes: true } },
      },
    }),
    db.businessCalendar.findMany({
      select: {
        id: true,
        timeZone: true,
        is24x7: true,
        workingHours: true,
        holidays: { select: { date: true, kind: true } },
      },
    }),
  ]);
  const calendars = new Map<number, CalendarSpec>(calendarRows.map((row) => [row.id, toCalendarSpec(row)]));
  if (!calendars.has(draft.calendarId))
    return fail("invalid", "Unknown calendar.", { fields: { "draft.calendarId": ["unknown"] } });
  const targets = CLOCK_KINDS.flatMap((clock) =>
    draft.targets[clock] === undefined ? [] : [{ clock, minutes: draft.targets[clock] }],
  );
  const preview = previewPolicyMatch(
    saved,
    { ...draft, targets },
    policyId,
    { ...sample, createdAt: new Date(sample.createdAt) },
    calendars,
  );
  return { ok: true, preview };
}

/** The next working periods of the unsaved calendar, and when N business hours from the start end. */
export async function previewCalendarDraft(
  actor: Actor,
  rawInput: unknown,
): Promise<Result<{ preview: CalendarPreview }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", "You may not manage business calendars.");
  const parsed = calendarPreviewSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const { draft, from, hours } = parsed.data;
  const spec: CalendarSpec = {
    timeZone: draft.timeZone,
    is24x7: draft.is24x7,
    workingHours: draft.workingHours,
    holidays: draft.holidays.map(({ date, kind }) => ({ date, kind })),
  };
  return { ok: true, preview: previewCalendar(spec, new Date(from), hours) };
}
