"use server";
// Server actions of the SLA policy and business calendar admin pages: thin adapters over lib/sla/admin.
import { actionArg, defineAction } from "@/lib/actions/define";
import { createCalendar, updateCalendar } from "@/lib/sla/admin/calendar-service";
import { createPolicy, updatePolicy } from "@/lib/sla/admin/policy-service";
import { previewCalendarDraft, previewPolicyDraft } from "@/lib/sla/admin/preview-service";

const config = "admin.config" as const;

/** Creates the policy when `id` is null, else updates it from the version the form loaded. */
export const savePolicyAction = defineAction(
  {
    name: "savePolicyAction",
    permission: config,
    args: [actionArg.idOrNew, actionArg.input],
    revalidate: [["/admin/sla", "layout"]],
  },
  (actor, id, input) => (id === null ? createPolicy(actor, input) : updatePolicy(actor, id, input)),
);

export const previewPolicyAction = defineAction(
  { name: "previewPolicyAction", permission: config, args: [actionArg.input] },
  (actor, input) => previewPolicyDraft(actor, input),
);

/** Creates the calendar when `id` is null, else updates it from the version the form loaded. */
export const saveCalendarAction = defineAction(
  {
    name: "saveCalendarAction",
    permission: config,
    args: [actionArg.idOrNew, actionArg.input],
    revalidate: [
      ["/admin/calendars", "layout"],
      ["/admin/sla", "layout"],
    ],
  },
  (actor, id, input) => (id === null ? createCalendar(actor, input) : updateCalendar(actor, id, input)),
);

export const previewCalendarAction = defineAction(
  { name: "previewCalendarAction", permission: config, args: [actionArg.input] },
  (actor, input) => previewCalendarDraft(actor, input),
);
