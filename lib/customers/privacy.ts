// Privacy officer's tools (SPEC §9, permission admin.privacy): retention setting, run retention now, export of one
// customer's data (clear values, by design) and erasure on request. Every use is audited.
import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/log";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fail, type Result } from "@/lib/errors";
import { anonymiseCustomerData, type AnonymiseCounts } from "@/lib/customers/anonymise";
import {
  MAX_RETENTION_MONTHS,
  MIN_RETENTION_MONTHS,
  RETENTION_SETTING,
  readRetentionSettings,
  retentionSettingsSchema,
  runRetention,
  type RetentionSettings,
} from "@/lib/customers/retention";
import { idSchema } from "@/lib/validation";

const EXPORT_FORMAT = "skyline.customer-export.v1";

export async function updateRetentionSettings(
  actor: Actor,
  raw: unknown,
): Promise<Result<{ settings: RetentionSettings }>> {
  if (!can(actor, "admin.privacy")) return fail("forbidden", "You may not change the retention policy.");
  const parsed = retentionSettingsSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", `Enter a number of months between ${MIN_RETENTION_MONTHS} and ${MAX_RETENTION_MONTHS}.`, {
      fields: z.flattenError(parsed.error).fieldErrors,
    });
  return db.$transaction(async (tx) => {
    const before = await readRetentionSettings(tx);
    await tx.setting.upsert({
      where: { key: RETENTION_SETTING },
      create: { key: RETENTION_SETTING, value: parsed.data },
      update: { value: parsed.data },
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "setting.update",
      entityType: "setting",
      entityId: RETENTION_SETTING,
      changes: { months: { from: before.months, to: parsed.data.months } },
    });
    return { ok: true as const, settings: parsed.data };
  });
}

export async function runRetentionNow(actor: Actor): Promise<Result<{ anonymised: number }>> {
  if (!can(actor, "admin.privacy")) return fail("forbidden", "You may not run the retention job.");
  const result = await runRetention();
  await writeAudit(db, {
    actorType: actor.kind,
    actorId: actor.userId,
    action: "retention.run",
    entityType: "setting",
    entityId: RETENTION_SETTING,
    changes: { anonymised: result.anonymised, cutoff: result.cutoff.toISOString() },
  });
  return { ok: true, anonymised: result.anonymised };
}

/**
 * Everything stored about one customer, in clear: profile, complaints with their messages, surveys, compensations,
 * tasks.
 */
export async function exportCustomerData(
  actor: Actor,
  customerId: number,
  now = new Date(),
): Promise<Result<{ fileName: string; data: Record<string, unknown> }>> {
  if (!can(actor, "admin.privacy")) return fail("forbidden", "You may not export customer data.");
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      id: true,
      name: true,
      phone: true,
      email: true,
      idNumber: true,
      locale: true,
      membershipNumber: true,
      company: true,
      tier: { select: { code: true, nameZh: true, nameEn: true } },
      valueScore: true,
      valueFactors: true,
      tags: true,
      specialNeeds: true,
      consentContact: true,
      consentSurvey: true,
      consentMarketing: true,
      mergedIntoId: true,
      anonymizedAt: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  if (!customer) return fail("not_found", "Customer not found.");
  const [complaints, surveys, tasks, mergedFrom, consentEvents, smsSent, smsReceived] = await Promise.all([
    db.complaint.findMany({
      where: { customerId },
      orderBy: { createdAt: "asc" },
      select: {
        reference: true,
        type: true,
        status: true,
        subject: true,
        description: true,
        bookingReference: true,
        flightNumber: true,
        serviceDate: true,
        createdAt: true,
        resolvedAt: true,
        closedAt: true,
        resolutionSummary: true,
        category: { select: { nameZh: true, nameEn: true } },
        channel: { select: { nameZh: true, nameEn: true } },
        events: {
          where: { visibility: "customer" },
          orderBy: { createdAt: "asc" },
          select: { kind: true, actorType: true, body: true, createdAt: true },
        },
        attachments: { select: { fileName: true, contentType: true, size: true, createdAt: true } },
        compensations: {
          orderBy: { createdAt: "asc" },
          select: {
            kind: true,
            amount: true,
            currency: true,
            reason: true,
            status: true,
            createdAt: true,
            issuedAt: true,
          },
        },
      },
    }),
    db.survey.findMany({
      where: { customerId },
      orderBy: { createdAt: "asc" },
      select: {
        status: true,
        sentAt: true,
        answeredAt: true,
        complaint: { select: { reference: true } },
        response: {
          select: { csat: true, nps: true, ces: true, resolved: true, comment: true, reasonCodes: true, mode: true },
        },
      },
    }),
    db.followUpTask.findMany({
      where: { customerId },
      orderBy: { createdAt: "asc" },
      select: {
        kind: true,
        status: true,
        dueAt: true,
        note: true,
        completedAt: true,
        createdAt: true,
        complaint: { select: { reference: true } },
      },
    }),
    db.customer.findMany({
      where: { mergedIntoId: customerId },
      select: { id: true, name: true, phone: true, email: true, idNumber: true },
    }),
    // Consent given or withdrawn (PIPL's record) and every SMS to and from the customer.
    db.customerConsentEvent.findMany({
      where: { customerId },
      orderBy: { createdAt: "asc" },
      select: { channel: true, granted: true, source: true, createdAt: true },
    }),
    db.outboundSms.findMany({
      where: { customerId },
      orderBy: { createdAt: "asc" },
      select: {
        to: true,
        text: true,
        kind: true,
        status: true,
        segments: true,
        createdAt: true,
        sentAt: true,
        deliveredAt: true,
        complaint: { select: { reference: true } },
      },
    }),
    db.inboundSms.findMany({
      where: { customerId },
      orderBy: { receivedAt: "asc" },
      select: { from: true, text: true, optOut: true, receivedAt: true },
    }),
  ]);
  await writeAudit(db, {
    actorType: actor.kind,
    actorId: actor.userId,
    action: "customer.export",
    entityType: "customer",
    entityId: String(customerId),
    changes: {
      complaints: complaints.length,
      surveys: surveys.length,
      tasks: tasks.length,
      consentEvents: consentEvents.length,
      smsMessages: smsSent.length + smsReceived.length,
    },
  });
  const data = {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    customer,
    mergedRecords: mergedFrom,
    complaints: complaints.map((complaint) => ({
      ...complaint,
      compensations: complaint.compensations.map((row) => ({ ...row, amount: row.amount.toFixed(2) })),
    })),
    surveys,
    followUpTasks: tasks,
    consentEvents,
    smsMessages: { sent: smsSent, received: smsReceived },
  };
  return { ok: true, fileName: `customer-${customerId}-${now.toISOString().slice(0, 10)}.json`, data };
}

export const eraseCustomerSchema = z.object({
  customerId: idSchema,
  /** The customer number typed again, so an erasure is never one stray click. */
  confirmation: z.string().trim(),
});

/** Erasure on request: anonymises the customer now, whatever the age of their complaints (open ones keep running). */
export async function eraseCustomer(
  actor: Actor,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ counts: AnonymiseCounts }>> {
  if (!can(actor, "admin.privacy")) return fail("forbidden", "You may not erase customer data.");
  const parsed = eraseCustomerSchema.safeParse(raw);
  if (!parsed.success) return fail("invalid", "Invalid request.");
  const { customerId, confirmation } = parsed.data;
  if (confirmation !== String(customerId))
    return fail("invalid", "Type the customer number to confirm.", { fields: { confirmation: ["mismatch"] } });
  return db.$transaction(async (tx): Promise<Result<{ counts: AnonymiseCounts }>> => {
    const [row] = await tx.$queryRaw<{ id: number; anonymizedAt: Date | null }[]>`
      SELECT id, "anonymizedAt" FROM customers WHERE id = ${customerId} FOR UPDATE`;
    if (!row) return fail("not_found", "Customer not found.");
    if (row.anonymizedAt) return fail("conflict", "The customer has already been anonymised.");
    const counts = await anonymiseCustomerData(tx, customerId, now);
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "customer.erase",
      entityType: "customer",
      entityId: String(customerId),
      changes: { reason: "request", ...counts },
    });
    return { ok: true, counts };
  });
}
