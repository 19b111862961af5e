// Use cases of the webhook admin page (permission admin.webhooks): create (secret shown once), edit with optimistic
// locking, delete, redeliver, the private-network setting, and the reads of the list and delivery log.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { diffFields, writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { webhookInputSchema, webhookUpdateSchema } from "@/lib/webhooks/schema";
import { checkWebhookUrl } from "@/lib/webhooks/url-guard";
import { ALLOW_PRIVATE_SETTING, allowPrivateNetworks } from "@/lib/webhooks/settings";
import { newWebhookSecret } from "@/lib/webhooks/signature";

const FORBIDDEN = "You may not manage webhooks.";
const invalid = (fields: Record<string, string[]>) =>
  fail("invalid", "Some fields are missing or invalid.", { fields });
export const DELIVERY_PAGE_SIZE = 25;

async function urlProblem(tx: Tx, url: string) {
  const problem = checkWebhookUrl(url, await allowPrivateNetworks(tx));
  return problem ? invalid({ url: [problem] }) : null;
}

export async function createWebhook(
  actor: Actor,
  raw: unknown,
): Promise<Result<{ webhook: { id: number }; secret: string }>> {
  if (!can(actor, "admin.webhooks")) return fail("forbidden", FORBIDDEN);
  const parsed = webhookInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const problem = await urlProblem(tx, input.url);
    if (problem) return problem;
    const secret = newWebhookSecret();
    const webhook = await tx.webhook.create({
      data: { url: input.url, events: [...input.events], active: input.active, secret },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "webhook.create",
      entityType: "webhook",
      entityId: String(webhook.id),
      changes: { url: input.url, events: input.events, active: input.active },
    });
    return { ok: true as const, webhook, secret };
  });
}

/** Saves an edit made from the version (updatedAt) the admin loaded; someone else's save in between is a conflict. */
export async function updateWebhook(
  actor: Actor,
  id: number,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ version: string }>> {
  if (!can(actor, "admin.webhooks")) return fail("forbidden", FORBIDDEN);
  const parsed = webhookUpdateSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { version, ...input } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.webhook.findUnique({
      where: { id },
      select: { url: true, events: true, active: true, updatedAt: true },
    });
    if (!before) return fail("not_found", "No such webhook.");
    if (before.updatedAt.toISOString() !== version)
      return fail("conflict", "Someone else changed this webhook after you opened it.");
    const problem = await urlProblem(tx, input.url);
    if (problem) return problem;
    const written = await tx.webhook.updateMany({
      where: { id, updatedAt: before.updatedAt },
      data: { url: input.url, events: [...input.events], active: input.active, updatedAt: now },
    });
    if (written.count === 0) return fail("conflict", "Someone else changed this webhook after you opened it.");
    const changes = diffFields(
      { url: before.url, events: before.events, active: before.active },
      { ...input, events: [...input.events] },
    );
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "webhook.update",
      entityType: "webhook",
      entityId: String(id),
      changes: JSON.parse(JSON.stringify(changes)),
    });
    return { ok: true as const, version: now.toISOString() };
  });
}

export async function deleteWebhook(actor: Actor, id: number): Promise<Result<{ deleted: true }>> {
  if (!can(actor, "admin.webhooks")) return fail("forbidden", FORBIDDEN);
  return db.$transaction(async (tx) => {
    const before = await tx.webhook.findUnique({ where: { id }, select: { url: true } });
    if (!before) return fail("not_found", "No such webhook.");
    await tx.webhook.delete({ where: { id } });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "webhook.delete",
      entityType: "webhook",
      entityId: String(id),
      changes: { url: before.url },
    });
    return { ok: true as const, deleted: true as const };
  });
}

/** Sends a delivery again as a new log row (same event and payload), due at once; the old row stays as it was. */
export async function redeliver(
  actor: Actor,
  deliveryId: number,
  now = new Date(),
): Promise<Result<{ delivery: { id: number } }>> {
  if (!can(actor, "admin.webhooks")) return fail("forbidden", FORBIDDEN);
  return db.$transaction(async (tx) => {
    const source = await tx.webhookDelivery.findUnique({
      where: { id: deliveryId },
      select: { webhookId: true, event: true, payload: true },
    });
    if (!source) return fail("not_found", "No such delivery.");
    const delivery = await tx.webhookDelivery.create({
      data: {
        webhookId: source.webhookId,
        event: source.event,
        payload: source.payload ?? {},
        nextAttemptAt: now,
        createdAt: now,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "webhook.redeliver",
      entityType: "webhook",
      entityId: String(source.webhookId),
      changes: { from: deliveryId, to: delivery.id },
    });
    return { ok: true as const, delivery };
  });
}

export async function setAllowPrivateNetworks(actor: Actor, allow: boolean): Promise<Result<{ allow: boolean }>> {
  if (!can(actor, "admin.webhooks")) return fail("forbidden", FORBIDDEN);
  if (typeof allow !== "boolean") return invalid({ allow: ["invalid"] });
  return db.$transaction(async (tx) => {
    const before = await allowPrivateNetworks(tx);
    await tx.setting.upsert({
      where: { key: ALLOW_PRIVATE_SETTING },
      create: { key: ALLOW_PRIVATE_SETTING, value: allow },
      update: { value: allow },
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "setting.update",
      entityType: "setting",
      entityId: ALLOW_PRIVATE_SETTING,
      changes: { from: before, to: allow },
    });
    return { ok: true as const, allow };
  });
}

/** Whether targets on loopback/private networks are allowed (the page's checkbox). */
export async function readAllowPrivateNetworks() {
  return allowPrivateNetworks(db);
}

export async function listWebhooks() {
  const hooks = await db.webhook.findMany({
    orderBy: { id: "asc" },
    select: { id: true, url: true, events: true, active: true, createdAt: true, updatedAt: true },
  });
  const stats = await db.webhookDelivery.groupBy({ by: ["webhookId", "status"], _count: { _all: true } });
  return hooks.map((hook) => {
    const count = (status: string) =>
      stats.find((row) => row.webhookId === hook.id && row.status === status)?._count._all ?? 0;
    return { ...hook, pending: count("pending"), sent: count("sent"), failed: count("failed") };
  });
}

export type WebhookListRow = Awaited<ReturnType<typeof listWebhooks>>[number];

export async function getWebhook(id: number) {
  return db.webhook.findUnique({
    where: { id },
    select: { id: true, url: true, events: true, active: true, createdAt: true, updatedAt: true },
  });
}

/** The delivery log, newest first, one page at a time (cursor = the last id shown). */
export async function listDeliveries(webhookId: number, cursor: number | null) {
  const rows = await db.webhookDelivery.findMany({
    where: { webhookId, ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: "desc" },
    take: DELIVERY_PAGE_SIZE + 1,
    select: {
      id: true,
      event: true,
      status: true,
      attempts: true,
      responseStatus: true,
      lastError: true,
      nextAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
      payload: true,
    },
  });
  const page = rows.slice(0, DELIVERY_PAGE_SIZE);
  return { rows: page, nextCursor: rows.length > DELIVERY_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null };
}

export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>["rows"][number];
