"use server";
// Server actions of the KPI settings page (/admin/kpi): thin adapters over lib/kpi/admin.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { requirePermission } from "@/lib/auth/session";
import { saveKpiSettings } from "@/lib/kpi/admin";

export const saveKpiSettingsAction = guardAction("saveKpiSettingsAction", z.tuple([actionArg.input]), async (input: unknown) => {
  const user = await requirePermission("dashboard.view");
  const result = await saveKpiSettings(user.actor, input);
  if (result.ok) {
    revalidatePath("/admin/kpi");
    revalidatePath("/dashboard", "layout");
  }
  return result;
});
