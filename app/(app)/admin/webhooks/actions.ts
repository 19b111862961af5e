"use server";
// Server actions of the webhook admin pages: thin adapters over lib/webhooks/service.ts.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import type { Result } from "@/lib/errors";
import { createWebhook, deleteWebhook, redeliver, setAllowPrivateNetworks, updateWebhook } from "@/lib/webhooks/service";

const PAGE = "/admin/webhooks";

/** Returns the signing secret once; the list and edit pages never show it again. */
export async function createWebhookAction(input: unknown): Promise<Result<{ id: number; secret: string }>> {
  const user = await requirePermission("admin.webhooks");
  const result = await createWebhook(user.actor, input);
  if (!result.ok) return result;
  revalidatePath(PAGE, "layout");
  return { ok: true, id: result.webhook.id, secret: result.secret };
}

export async function updateWebhookAction(id: number, input: unknown): Promise<Result<{ version: string }>> {
  const user = await requirePermission("admin.webhooks");
  const result = await updateWebhook(user.actor, id, input);
  if (result.ok) revalidatePath(PAGE, "layout");
  return result;
}

export async function deleteWebhookAction(id: number): Promise<Result<{ deleted: true }>> {
  const user = await requirePermission("admin.webhooks");
  const result = await deleteWebhook(user.actor, id);
  if (result.ok) revalidatePath(PAGE, "layout");
  return result;
}

export async function redeliverAction(deliveryId: number): Promise<Result<{ delivery: { id: number } }>> {
  const user = await requirePermission("admin.webhooks");
  const result = await redeliver(user.actor, deliveryId);
  if (result.ok) revalidatePath(PAGE, "layout");
  return result;
}

export async function setAllowPrivateNetworksAction(allow: boolean): Promise<Result<{ allow: boolean }>> {
  const user = await requirePermission("admin.webhooks");
  const result = await setAllowPrivateNetworks(user.actor, allow);
  if (result.ok) revalidatePath(PAGE, "layout");
  return result;
}
