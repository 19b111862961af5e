"use server";
// Server actions of the KPI settings page (/admin/kpi): thin adapters over lib/kpi/admin.
import { actionArg, defineAction } from "@/lib/actions/define";
import { saveKpiSettings } from "@/lib/kpi/admin";

export const saveKpiSettingsAction = defineAction(
  {
    name: "saveKpiSettingsAction",
    permission: "dashboard.view",
    args: [actionArg.input],
    revalidate: ["/admin/kpi", ["/dashboard", "layout"]],
  },
  (actor, input) => saveKpiSettings(actor, input),
);
