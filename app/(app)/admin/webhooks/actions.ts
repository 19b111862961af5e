"use server";
// Server actions of the webhook admin pages: thin adapters over lib/webhooks/service.ts.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import type { Result } from "@/lib/errors";
import { createWebhook, deleteWebhook, redeliver, setAllowPrivateNetworks, updateWebhook } from "@/lib/webhooks/service";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

const PAGE = "/admin/webhooks";

/** Returns the signing secret once; the list and edit pages never show it again. */
export const createWebhookAction = guardAction("createWebhookAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ id: number; secret: string }>> => {
  const user = await requirePermission("admin.webhooks");
  const result = await createWebhook(user.actor, input);
  if (!result.ok) return result;
  revalidatePath(PAGE, "layout");
  return { ok: true, id: result.webhook.id, secret: result.secret };
});

export const updateWebhookAction = guardAction("updateWebhookAction", z.tuple([actionArg.id, actionArg.input]), async (id: number, input: unknown): Promise<Result<{ version: string }>> => {
  const user = await requirePermission("admin.webhooks");
  const result = await updateWebhook(user.actor, id, input);
  if (result.ok) revalidatePath(PAGE, "layout");
  return result;
});

export const deleteWebhookAction = guardAction("deleteWebhookAction", z.tuple([actionArg.id]), async (id: number): Promise<Result<{ deleted: true }>> => {
  const user = await requirePermission("admin.webhooks");
  const result = await deleteWebhook(user.actor, id);
  if (result.ok) revalidatePath(PAGE, "layout");
  return result;
});

export const redeliverAction = guardAction("redeliverAction", z.tuple([actionArg.id]), async (deliveryId: number): Promise<Result<{ delivery: { id: number } }>> => {
  const user = await requirePermission("admin.webhooks");
  const result = await redeliver(user.actor, deliveryId);
  if (result.ok) revalidatePath(PAGE, "layout");
  return result;
});

export const setAllowPrivateNetworksAction = guardAction("setAllowPrivateNetworksAction", z.tuple([actionArg.flag]), async (allow: boolean): Promise<Result<{ allow: boolean }>> => {
  const user = await requirePermission("admin.webhooks");
  const result = await setAllowPrivateNetworks(user.actor, allow);
  if (result.ok) revalidatePath(PAGE, "layout");
  return result;
});
