// Use case: log a complaint from any channel (agent form, public web form, inbound e-mail, REST API) in one
// transaction: customer, complaint, timeline, SLA clocks, acknowledgement e-mail and audit row.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { enqueueWebhookEvent } from "@/lib/webhooks/events";
import { fail, type Result } from "@/lib/errors";
import type { ActorType } from "@/lib/generated/prisma/enums";
import { derivePriority } from "@/lib/complaints/priority";
import { nextReference, trackingTokenFor } from "@/lib/complaints/reference";
import { createComplaintSchema, type CreateComplaintInput } from "@/lib/complaints/schema";
import { fieldErrors } from "@/lib/complaints/validation";
import { planSlaStart } from "@/lib/sla/clocks";
import { insertCreationRows } from "@/lib/complaints/insert-creation";
import { chooseWrittenChannel, contactChannelSelect, type ContactableCustomer } from "@/lib/customers/contact-channel";
import { renderAcknowledgement } from "@/lib/mail/templates";
import { fromDbLocale } from "@/lib/i18n/locales";
import { loadIntakeContext, REPEAT_WINDOW_DAYS, type IntakeContext } from "@/lib/complaints/intake-context";
import { escalateOnCreate } from "@/lib/escalations/on-create";
import { queueAcknowledgement } from "@/lib/complaints/notify-customer";
import { toDbLocale } from "@/lib/i18n/locales";
import { createCustomer } from "@/lib/customers/service";
import { linkToOpenIncident } from "@/lib/incidents/auto-link";

/** Who logs the complaint: staff (first-contact owner), an API client, or the customer through a public channel. */
export type ComplaintOrigin =
  | { kind: "staff"; actor: Actor }
  | { kind: "api"; actor: Actor }
  | { kind: "public"; ip?: string | null }
  | { kind: "email" };

export type CreatedComplaint = { complaint: { id: number; reference: string; status: "new" }; trackingToken: string };

function actorOf(origin: ComplaintOrigin): { actorType: ActorType; actorId: number | null } {
  if (origin.kind === "staff") return { actorType: "user", actorId: origin.actor.userId };
  if (origin.kind === "api") return { actorType: "api_token", actorId: origin.actor.userId };
  return { actorType: "customer", actorId: null };
}

export async function createComplaint(
  origin: ComplaintOrigin,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<CreatedComplaint>> {
  if ((origin.kind === "staff" || origin.kind === "api") && !can(origin.actor, "complaint.create")) {
    return fail("forbidden", "You may not log complaints.");
  }
  const parsed = createComplaintSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;

  const reference = await nextReference(now);
  const tracking = trackingTokenFor(reference);
  const result = await db.$transaction(async (tx) => {
    // One read for every reference row, setting, webhook and SLA policy the creation needs
    // (lib/complaints/intake-context.ts).
    const context = await loadIntakeContext(tx, input, now);
    const refs = checkReferences(context, input);
    if (!refs.ok) return refs;
    const customer = await resolveCustomer(tx, origin, input, now, context);
    if (!customer.ok) return customer;

    const { actorType, actorId } = actorOf(origin);
    const staff = origin.kind === "staff" ? origin.actor : null;
    const teamId = input.teamId ?? staff?.teamIds[0] ?? context.intakeTeamId;
    const priority = input.priority ?? derivePriority(refs.severityRank, customer.tier);
    // The SLA is planned before the insert, so the complaint row is written once with its due times.
    const sla = planSlaStart(
      context.policies,
      (policy) => {
        const calendar = context.calendars.get(policy.calendarId);
        if (!calendar) throw new Error(`calendar ${policy.calendarId} of SLA policy ${policy.id} not loaded`);
        return calendar;
      },
      { type: input.type, severityId: input.severityId, priority, channelId: input.channelId, tierId: customer.tierId },
      now,
    );
    const channel = chooseWrittenChannel(customer.contact);
    // The acknowledgement by e-mail goes into the same statement as the complaint; by SMS it needs the short link
    // (below).
    const email =
      channel === "email" && customer.email
        ? {
            to: customer.email,
            ...(await renderAcknowledgement(fromDbLocale(customer.locale), {
              reference,
              subject: input.subject,
              trackingToken: tracking.token,
              customerName: customer.name,
            })),
          }
        : null;
    const complaint = await insertCreationRows(tx, {
      complaint: {
        reference,
        customerId: customer.id,
        channelId: input.channelId,
        type: input.type,
        categoryId: input.categoryId ?? null,
        subcategoryId: input.subcategoryId ?? null,
        touchpointId: input.touchpointId ?? null,
        severityId: input.severityId,
        priority,
        subject: input.subject,
        description: input.description,
        locale: customer.locale,
        bookingReference: input.bookingReference ?? null,
        flightNumber: input.flightNumber?.toUpperCase() ?? null,
        serviceDate: input.serviceDate ?? null,
        externalReference: input.externalReference ?? null,
        // 首问负责制: the agent who accepts the complaint owns it until it is resolved or handed over.
        assigneeId: staff?.userId ?? null,
        teamId,
        trackingTokenHash: tracking.hash,
      },
      sla,
      event: {
        actorType,
        actorId,
        data: {
          source: origin.kind,
          channelId: input.channelId,
          assigneeId: staff?.userId ?? null,
          teamId,
          priority,
          derivedPriority: input.priority === undefined,
        },
      },
      email,
      audit: { actorType, actorId, changes: { reference, source: origin.kind } },
      now,
    });
    // A complaint about an active incident (its flight, airport, category …) joins it at once
    // (lib/incidents/matching.ts).
    await linkToOpenIncident(
      tx,
      {
        id: complaint.id,
        createdAt: now,
        flightNumber: input.flightNumber?.toUpperCase() ?? null,
        serviceDate: input.serviceDate ? new Date(`${input.serviceDate}T00:00:00Z`) : null,
        categoryId: input.categoryId ?? null,
        subcategoryId: input.subcategoryId ?? null,
        subject: input.subject,
        description: input.description,
        bookingReference: input.bookingReference ?? null,
      },
      { actorType, actorId },
      now,
    );
    await enqueueWebhookEvent(tx, "complaint.created", { complaintId: complaint.id }, now, context.webhookIds);
    // Critical severity, VIP tier, regulator channel or a repeat complainant go straight to the supervisor (SPEC §4).
    await escalateOnCreate(
      tx,
      {
        complaintId: complaint.id,
        severity: { escalateOnCreate: refs.severityEscalates },
        tier: customer.tier,
        channel: { isRegulator: refs.regulatorChannel },
        customerId: customer.id,
        now,
      },
      {
        setting: context.escalationSetting,
        // counted by the context read when the input named the customer by id
        earlier:
          customer.fromContext && context.recentComplaints !== null
            ? { days: REPEAT_WINDOW_DAYS, count: context.recentComplaints }
            : null,
      },
    );
    if (channel === "sms")
      await queueAcknowledgement(tx, { complaintId: complaint.id, reference, subject: input.subject, customer });
    return {
      ok: true as const,
      complaint: { id: complaint.id, reference, status: "new" as const },
      trackingToken: tracking.token,
    };
  });
  return result;
}

type ReferenceCheck =
  { ok: true; severityRank: number; severityEscalates: boolean; regulatorChannel: boolean } | ReturnType<typeof fail>;

/** Every id in the input must name an active row, and the subcategory must belong to the category. */
function checkReferences(context: IntakeContext, input: CreateComplaintInput): ReferenceCheck {
  const { channel, severity, subcategory } = context;
  const fields: Record<string, string[]> = {};
  if (!channel) fields.channelId = ["unknown"];
  if (!severity) fields.severityId = ["unknown"];
  if (input.categoryId && !context.categoryOk) fields.categoryId = ["unknown"];
  if (input.subcategoryId && (!subcategory || subcategory.parentId !== input.categoryId))
    fields.subcategoryId = ["not_in_category"];
  if (input.touchpointId && !context.touchpointOk) fields.touchpointId = ["unknown"];
  if (input.teamId && !context.teamOk) fields.teamId = ["unknown"];
  if (Object.keys(fields).length > 0 || !severity || !channel)
    return fail("invalid", "Some fields name records that do not exist.", { fields });
  return {
    ok: true,
    severityRank: severity.rank,
    severityEscalates: severity.escalateOnCreate,
    regulatorChannel: channel.isRegulator,
  };
}

type IntakeCustomer = {
  ok: true;
  id: number;
  name: string;
  email: string | null;
  locale: "zh_CN" | "en";
  tierId: number | null;
  tier: { rank: number; escalateOnCreate: boolean } | null;
  contact: ContactableCustomer;
  /** read by the intake context (named by id), whose repeat-complaint count then applies */
  fromContext: boolean;
};

const customerSelect = {
  ...contactChannelSelect,
  name: true,
  locale: true,
  tierId: true,
  tier: { select: { rank: true, escalateOnCreate: true } },
} as const;

type SelectedCustomer = {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  locale: "zh_CN" | "en";
  tierId: number | null;
  tier: IntakeCustomer["tier"];
} & ContactableCustomer;

function intakeCustomer(row: SelectedCustomer): Omit<IntakeCustomer, "ok" | "fromContext"> {
  const { id, name, email, locale, tierId, tier } = row;
  return {
    id,
    name,
    email,
    locale,
    tierId,
    tier,
    contact: {
      email,
      phone: row.phone,
      preferredChannel: row.preferredChannel,
      smsOptedOutAt: row.smsOptedOutAt,
      anonymizedAt: row.anonymizedAt,
    },
  };
}

async function resolveCustomer(
  tx: Tx,
  origin: ComplaintOrigin,
  input: CreateComplaintInput,
  now: Date,
  context: IntakeContext,
): Promise<IntakeCustomer | ReturnType<typeof fail>> {
  if ("id" in input.customer) {
    // read by the intake context: not merged, not anonymised
    if (!context.customer)
      return fail("invalid", "The customer does not exist.", { fields: { "customer.id": ["unknown"] } });
    return { ok: true, fromContext: true, ...context.customer };
  }
  const details = input.customer;
  const email = details.email?.toLowerCase();
  // Public channels reuse a known customer with the same e-mail or phone instead of creating a duplicate.
  if (origin.kind === "public" || origin.kind === "email") {
    const known = await tx.customer.findFirst({
      where: {
        mergedIntoId: null,
        anonymizedAt: null,
        OR: [...(email ? [{ email }] : []), ...(details.phone ? [{ phone: details.phone }] : [])],
      },
      orderBy: { id: "asc" },
      select: customerSelect,
    });
    if (known) return { ok: true, fromContext: false, ...intakeCustomer(known) };
  }
  if (origin.kind === "staff" || origin.kind === "api") {
    const created = await createCustomer(tx, origin.actor, details);
    if (!created.ok) return created;
    const customer = await tx.customer.findUniqueOrThrow({
      where: { id: created.customer.id },
      select: customerSelect,
    });
    return { ok: true, fromContext: false, ...intakeCustomer(customer) };
  }
  const created = await tx.customer.create({
    data: {
      name: details.name,
      phone: details.phone ?? null,
      email: email ?? null,
      membershipNumber: details.membershipNumber ?? null,
      locale: toDbLocale(details.locale),
      createdAt: now,
    },
    select: customerSelect,
  });
  await writeAudit(tx, {
    actorType: "customer",
    action: "customer.create",
    entityType: "customer",
    entityId: String(created.id),
    changes: { name: created.name, email: created.email, source: origin.kind },
  });
  return { ok: true, fromContext: false, ...intakeCustomer(created) };
}

export type { CreateComplaintInput };
