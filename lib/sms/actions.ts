"use server";
// Server actions for SMS: the settings (admin) and a customer's SMS opt-out by an agent. Thin adapters.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { requirePermission } from "@/lib/auth/session";
import { saveSmsSettings } from "@/lib/sms/admin";
import { setSmsOptOut } from "@/lib/sms/consent";

export const saveSmsSettingsAction = guardAction("saveSmsSettingsAction", z.tuple([actionArg.input]), async (input: unknown) => {
  const user = await requirePermission("admin.config");
  const result = await saveSmsSettings(user.actor, input);
  if (result.ok) revalidatePath("/admin/sms");
  return result;
});

export const setSmsOptOutAction = guardAction("setSmsOptOutAction", z.tuple([actionArg.input, actionArg.input]), async (customerId: unknown, optedOut: unknown) => {
  const user = await requirePermission("customer.update");
  const result = await setSmsOptOut(user.actor, customerId, optedOut);
  if (result.ok && typeof customerId === "number") revalidatePath(`/customers/${customerId}`);
  return result;
});
