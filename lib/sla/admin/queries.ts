// Reads of the SLA admin pages: only the columns the tables and forms show.
import "server-only";
import { db } from "@/lib/db";
import type { ComplaintType, HolidayKind, Priority, SlaClockKind } from "@/lib/generated/prisma/enums";
import { workingHoursSchema, type WorkingHours } from "@/lib/sla/calendar-schema";
import { uniformWorkingDayMinutes } from "@/lib/sla/admin/display";

const named = { id: true, nameZh: true, nameEn: true } as const;

export type NamedOption = { id: number; nameZh: string; nameEn: string };

export type PolicyListRow = {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  rank: number;
  isDefault: boolean;
  active: boolean;
  warnPercent: number;
  matchType: ComplaintType | null;
  matchPriority: Priority | null;
  matchSeverity: NamedOption | null;
  matchTier: NamedOption | null;
  matchChannel: NamedOption | null;
  calendar: NamedOption & { is24x7: boolean; workingDayMinutes: number | null };
  targets: { clock: SlaClockKind; minutes: number }[];
};

export async function listPoliciesForAdmin(): Promise<PolicyListRow[]> {
  const rows = await db.slaPolicy.findMany({
    orderBy: [{ active: "desc" }, { rank: "asc" }, { id: "asc" }],
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      rank: true,
      isDefault: true,
      active: true,
      warnPercent: true,
      matchType: true,
      matchPriority: true,
      matchSeverity: { select: named },
      matchTier: { select: named },
      matchChannel: { select: named },
      calendar: { select: { ...named, is24x7: true, workingHours: true } },
      targets: { select: { clock: true, minutes: true } },
    },
  });
  return rows.map(({ calendar: { workingHours, ...calendar }, ...row }) => {
    const hours = workingHoursSchema.safeParse(workingHours);
    const workingDayMinutes = !calendar.is24x7 && hours.success ? uniformWorkingDayMinutes(hours.data) : null;
    return { ...row, calendar: { ...calendar, workingDayMinutes } };
  });
}

export type PolicyFormOptions = {
  severities: NamedOption[];
  tiers: NamedOption[];
  channels: NamedOption[];
  calendars: (NamedOption & { is24x7: boolean; timeZone: string; workingDayMinutes: number | null })[];
};

export async function getPolicyFormOptions(): Promise<PolicyFormOptions> {
  const [severities, tiers, channels, calendars] = await Promise.all([
    db.severity.findMany({ orderBy: { rank: "asc" }, select: named }),
    db.customerTier.findMany({ orderBy: { rank: "asc" }, select: named }),
    db.channel.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: named }),
    db.businessCalendar.findMany({
      orderBy: { id: "asc" },
      select: { ...named, is24x7: true, timeZone: true, workingHours: true },
    }),
  ]);
  return {
    severities,
    tiers,
    channels,
    calendars: calendars.map(({ workingHours, ...calendar }) => {
      const hours = workingHoursSchema.safeParse(workingHours);
      return {
        ...calendar,
        workingDayMinutes: !calendar.is24x7 && hours.success ? uniformWorkingDayMinutes(hours.data) : null,
      };
    }),
  };
}

export async function getPolicyForEdit(id: number) {
  const policy = await db.slaPolicy.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      rank: true,
      isDefault: true,
      active: true,
      matchType: true,
      matchSeverityId: true,
      matchPriority: true,
      matchTierId: true,
      matchChannelId: true,
      calendarId: true,
      warnPercent: true,
      pauseOnPending: true,
      updatedAt: true,
      targets: { select: { clock: true, minutes: true } },
    },
  });
  if (!policy) return null;
  return { ...policy, updatedAt: policy.updatedAt.toISOString() };
}
export type PolicyForEdit = NonNullable<Awaited<ReturnType<typeof getPolicyForEdit>>>;

export type CalendarListRow = {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  timeZone: string;
  is24x7: boolean;
  /** null when the stored JSON is malformed (shown as such rather than crashing the list) */
  workingHours: WorkingHours | null;
  holidayCount: number;
  policyCount: number;
};

export async function listCalendarsForAdmin(): Promise<CalendarListRow[]> {
  const rows = await db.businessCalendar.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      timeZone: true,
      is24x7: true,
      workingHours: true,
      _count: { select: { holidays: true, slaPolicies: true } },
    },
  });
  return rows.map(({ _count, workingHours, ...row }) => {
    const parsed = workingHoursSchema.safeParse(workingHours);
    return {
      ...row,
      workingHours: parsed.success ? parsed.data : null,
      holidayCount: _count.holidays,
      policyCount: _count.slaPolicies,
    };
  });
}

export type CalendarForEdit = {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  timeZone: string;
  is24x7: boolean;
  workingHours: WorkingHours;
  holidays: { date: string; kind: HolidayKind; name: string }[];
  updatedAt: string;
};

export async function getCalendarForEdit(id: number): Promise<CalendarForEdit | null> {
  const row = await db.businessCalendar.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      timeZone: true,
      is24x7: true,
      workingHours: true,
      updatedAt: true,
      holidays: { orderBy: { date: "asc" }, select: { date: true, kind: true, name: true } },
    },
  });
  if (!row) return null;
  const parsed = workingHoursSchema.safeParse(row.workingHours);
  return {
    ...row,
    workingHours: parsed.success ? parsed.data : {},
    holidays: row.holidays.map((h) => ({ date: h.date.toISOString().slice(0, 10), kind: h.kind, name: h.name })),
    updatedAt: row.updatedAt.toISOString(),
  };
}
