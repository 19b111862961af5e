// Outbound webhook events. Rows are written to webhook_deliveries inside the transaction of the complaint change
// (the outbox pattern of lib/mail/outbox.ts), so a rolled-back change notifies nobody; lib/webhooks/deliver.ts sends
// them.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookEvent } from "@/lib/webhooks/event-names";

export type WebhookEventInput = {
  complaintId: number;
  /** What changed, e.g. field names, the new status or the escalation level; merged into the payload as `change`. */
  change?: Prisma.InputJsonObject;
};

/**
 * Queues one delivery per active webhook subscribed to `event`. Costs one indexed query when no webhook listens.
 * The payload is a snapshot of the complaint as this transaction sees it (no personal data beyond the reference).
 */
export async function enqueueWebhookEvent(
  tx: Tx,
  event: WebhookEvent,
  input: WebhookEventInput,
  now = new Date(),
  /** the ids of the active webhooks subscribed to `event`, when the caller has already read them in this transaction */
  subscribed?: readonly number[],
): Promise<number> {
  const hooks = subscribed
    ? subscribed.map((id) => ({ id }))
    : await tx.webhook.findMany({ where: { active: true, events: { has: event } }, select: { id: true } });
  if (hooks.length === 0) return 0;
  const complaint = await tx.complaint.findUnique({
    where: { id: input.complaintId },
    select: {
      id: true,
      reference: true,
      status: true,
      type: true,
      priority: true,
      escalationLevel: true,
      subject: true,
      channel: { select: { code: true } },
      category: { select: { code: true } },
      subcategory: { select: { code: true } },
      severity: { select: { code: true } },
      rootCause: { select: { code: true } },
      team: { select: { code: true } },
      assigneeId: true,
      createdAt: true,
      updatedAt: true,
      resolvedAt: true,
      firstResponseDueAt: true,
      resolutionDueAt: true,
    },
  });
  if (!complaint) return 0;
  const payload = {
    event,
    occurredAt: now.toISOString(),
    complaint: {
      id: complaint.id,
      reference: complaint.reference,
      status: complaint.status,
      type: complaint.type,
      priority: complaint.priority,
      escalationLevel: complaint.escalationLevel,
      subject: complaint.subject,
      channel: complaint.channel?.code ?? null,
      category: complaint.category?.code ?? null,
      subcategory: complaint.subcategory?.code ?? null,
      severity: complaint.severity?.code ?? null,
      rootCause: complaint.rootCause?.code ?? null,
      team: complaint.team?.code ?? null,
      assigneeId: complaint.assigneeId,
      createdAt: complaint.createdAt.toISOString(),
      updatedAt: complaint.updatedAt.toISOString(),
      resolvedAt: complaint.resolvedAt?.toISOString() ?? null,
      firstResponseDueAt: complaint.firstResponseDueAt?.toISOString() ?? null,
      resolutionDueAt: complaint.resolutionDueAt?.toISOString() ?? null,
    },
    ...(input.change ? { change: input.change } : {}),
  };
  await tx.webhookDelivery.createMany({
    data: hooks.map((hook) => ({ webhookId: hook.id, event, payload, nextAttemptAt: now, createdAt: now })),
  });
  return hooks.length;
}
