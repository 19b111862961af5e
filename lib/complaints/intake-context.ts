// Everything complaint creation reads before it writes, in ONE statement: the referenced rows (channel, severity,
// category, subcategory, touchpoint, team), the existing customer with its tier, the intake and creation-escalation
// settings, the default intake team, the webhooks listening to complaint.created, the customer's recent complaints
// (repeat rule, default window) and the active SLA policies with their targets and calendars. Creation used to
// issue ~15 separate reads for this inside its transaction (bench/README.md, "Complaint creation").
import "server-only";
import type { Tx } from "@/lib/db";
import type { ComplaintType, HolidayKind, Priority, SlaClockKind } from "@/lib/generated/prisma/enums";
import type { CreateComplaintInput } from "@/lib/complaints/schema";
import type { ContactableCustomer } from "@/lib/customers/contact-channel";
import type { ContactChannel } from "@/lib/generated/prisma/enums";

export type IntakePolicy = {
  id: number;
  rank: number;
  isDefault: boolean;
  active: boolean;
  code: string;
  warnPercent: number;
  matchType: ComplaintType | null;
  matchSeverityId: number | null;
  matchPriority: Priority | null;
  matchTierId: number | null;
  matchChannelId: number | null;
  calendarId: number;
  targets: { clock: SlaClockKind; minutes: number }[];
};

export type IntakeCalendar = {
  id: number;
  timeZone: string;
  is24x7: boolean;
  workingHours: unknown;
  holidays: { date: Date; kind: HolidayKind }[];
};

export type IntakeContext = {
  channel: { isRegulator: boolean } | null;
  severity: { rank: number; escalateOnCreate: boolean } | null;
  categoryOk: boolean;
  subcategory: { parentId: number | null } | null;
  touchpointOk: boolean;
  teamOk: boolean;
  /** the customer named by id (not merged, not anonymised), null when the input names none or it does not exist */
  customer: {
    id: number;
    name: string;
    email: string | null;
    locale: "zh_CN" | "en";
    tierId: number | null;
    tier: { rank: number; escalateOnCreate: boolean } | null;
    /**
     * how the acknowledgement reaches them (lib/customers/contact-channel.ts), read here rather than once more later
     */
    contact: ContactableCustomer;
  } | null;
  /** the first active team, restricted to the code in setting "intake.defaultTeam" when that is a string */
  intakeTeamId: number | null;
  /** raw value of setting "sla.escalateOnCreate" (undefined when the row does not exist) */
  escalationSetting: unknown;
  webhookIds: number[];
  /**
   * the customer's complaints created in [now − REPEAT_WINDOW_DAYS, now], before this one; null without a known
   * customer
   */
  recentComplaints: number | null;
  policies: IntakePolicy[];
  calendars: Map<number, IntakeCalendar>;
};

/** The repeat-complaint window counted in the same statement (the default of "sla.escalateOnCreate"). */
export const REPEAT_WINDOW_DAYS = 90;

type Row = Omit<IntakeContext, "customer" | "calendars" | "escalationSetting"> & {
  customer:
    | (Omit<NonNullable<IntakeContext["customer"]>, "locale" | "contact"> & {
        locale: string;
        phone: string | null;
        preferredChannel: ContactChannel | null;
        smsOptedOutAt: string | null;
        anonymizedAt: string | null;
      })
    | null;
  escalationSetting: unknown;
  hasEscalationSetting: boolean;
  calendars: {
    id: number;
    timeZone: string;
    is24x7: boolean;
    workingHours: unknown;
    holidays: { date: string; kind: HolidayKind }[];
  }[];
};

export async function loadIntakeContext(tx: Tx, input: CreateComplaintInput, now: Date): Promise<IntakeContext> {
  const customerId = "id" in input.customer ? input.customer.id : null;
  const since = new Date(now.getTime() - REPEAT_WINDOW_DAYS * 24 * 60 * 60_000);
  const rows = await tx.$queryRaw<Row[]>`
    WITH active_policies AS (SELECT * FROM sla_policies WHERE active)
    SELECT
      (SELECT json_build_object('isRegulator', "isRegulator") FROM channels WHERE id = ${input.channelId}::int AND active) AS channel,
      (SELECT json_build_object('rank', rank, 'escalateOnCreate', "escalateOnCreate") FROM severities WHERE id = ${input.severityId}::int) AS severity,
      EXISTS (SELECT 1 FROM categories WHERE id = ${input.categoryId ?? null}::int AND active AND "parentId" IS NULL) AS "categoryOk",
      (SELECT json_build_object('parentId', "parentId") FROM categories WHERE id = ${input.subcategoryId ?? null}::int AND active) AS subcategory,
      EXISTS (SELECT 1 FROM touchpoints WHERE id = ${input.touchpointId ?? null}::int) AS "touchpointOk",
      EXISTS (SELECT 1 FROM teams WHERE id = ${input.teamId ?? null}::int AND active) AS "teamOk",
      (SELECT json_build_object('id', c.id, 'name', c.name, 'email', c.email, 'locale', c.locale, 'tierId', c."tierId",
                                'phone', c.phone, 'preferredChannel', c."preferredChannel", 'smsOptedOutAt', c."smsOptedOutAt", 'anonymizedAt', c."anonymizedAt",
                                'tier', CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('rank', t.rank, 'escalateOnCreate', t."escalateOnCreate") END)
         FROM customers c LEFT JOIN customer_tiers t ON t.id = c."tierId"
        WHERE c.id = ${customerId}::int AND c."mergedIntoId" IS NULL AND c."anonymizedAt" IS NULL) AS customer,
      (SELECT t.id FROM teams t
        WHERE t.active AND NOT EXISTS (SELECT 1 FROM settings s WHERE s.key = 'intake.defaultTeam' AND jsonb_typeof(s.value) = 'string' AND s.value #>> '{}' <> t.code)
        ORDER BY t.id LIMIT 1) AS "intakeTeamId",
      (SELECT value FROM settings WHERE key = 'sla.escalateOnCreate') AS "escalationSetting",
      EXISTS (SELECT 1 FROM settings WHERE key = 'sla.escalateOnCreate') AS "hasEscalationSetting",
      (SELECT coalesce(json_agg(id ORDER BY id), '[]') FROM webhooks WHERE active AND events @> ARRAY['complaint.created']) AS "webhookIds",
      CASE WHEN ${customerId}::int IS NULL THEN NULL ELSE
        (SELECT count(*)::int FROM complaints WHERE "customerId" = ${customerId}::int AND "createdAt" >= ${since} AND "createdAt" <= ${now}) END AS "recentComplaints",
      (SELECT coalesce(json_agg(json_build_object(
          'id', p.id, 'rank', p.rank, 'isDefault', p."isDefault", 'active', p.active, 'code', p.code, 'warnPercent', p."warnPercent",
          'matchType', p."matchType", 'matchSeverityId', p."matchSeverityId", 'matchPriority', p."matchPriority",
          'matchTierId', p."matchTierId", 'matchChannelId', p."matchChannelId", 'calendarId', p."calendarId",
          'targets', (SELECT coalesce(json_agg(json_build_object('clock', st.clock, 'minutes', st.minutes) ORDER BY st.id), '[]') FROM sla_targets st WHERE st."policyId" = p.id)
        ) ORDER BY p.id), '[]') FROM active_policies p) AS policies,
      (SELECT coalesce(json_agg(json_build_object(
          'id', bc.id, 'timeZone', bc."timeZone", 'is24x7', bc."is24x7", 'workingHours', bc."workingHours",
          'holidays', (SELECT coalesce(json_agg(json_build_object('date', h.date, 'kind', h.kind) ORDER BY h.date), '[]') FROM calendar_holidays h WHERE h."calendarId" = bc.id)
        ) ORDER BY bc.id), '[]') FROM business_calendars bc WHERE bc.id IN (SELECT "calendarId" FROM active_policies)) AS calendars`;
  const row = rows[0];
  if (!row) throw new Error("intake context query returned no row");
  const { hasEscalationSetting, calendars, customer, ...rest } = row;
  return {
    ...rest,
    escalationSetting: hasEscalationSetting ? row.escalationSetting : undefined,
    customer: customer ? customerOf(customer) : null,
    calendars: new Map(
      calendars.map((calendar) => [
        calendar.id,
        {
          ...calendar,
          holidays: calendar.holidays.map((h) => ({ date: new Date(`${h.date}T00:00:00Z`), kind: h.kind })),
        },
      ]),
    ),
  };
}

/** JSON gives timestamps as text (UTC, no zone, as Prisma stores them) and the locale by its database value. */
function customerOf(row: NonNullable<Row["customer"]>): NonNullable<IntakeContext["customer"]> {
  const { phone, preferredChannel, smsOptedOutAt, anonymizedAt, locale, ...rest } = row;
  const asDate = (value: string | null) =>
    value === null ? null : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return {
    ...rest,
    locale: locale === "en" ? "en" : "zh_CN",
    contact: {
      email: rest.email,
      phone,
      preferredChannel,
      smsOptedOutAt: asDate(smsOptedOutAt),
      anonymizedAt: asDate(anonymizedAt),
    },
  };
}
