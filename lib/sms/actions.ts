"use server";
// Server actions for SMS: the settings (admin) and a customer's SMS opt-out by an agent. Thin adapters.
import { actionArg, defineAction } from "@/lib/actions/define";
import { saveSmsSettings } from "@/lib/sms/admin";
import { setSmsOptOut } from "@/lib/sms/consent";

export const saveSmsSettingsAction = defineAction(
  { name: "saveSmsSettingsAction", permission: "admin.config", args: [actionArg.input], revalidate: ["/admin/sms"] },
  (actor, input) => saveSmsSettings(actor, input),
);

export const setSmsOptOutAction = defineAction(
  {
    name: "setSmsOptOutAction",
    permission: "customer.update",
    args: [actionArg.input, actionArg.input],
    revalidate: (_result, customerId) => (typeof customerId === "number" ? [`/customers/${customerId}`] : []),
  },
  (actor, customerId, optedOut) => setSmsOptOut(actor, customerId, optedOut),
);
