"use server";
// Server actions of the KPI settings page (/admin/kpi): thin adapters over lib/kpi/admin.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import { saveKpiSettings } from "@/lib/kpi/admin";

export async function saveKpiSettingsAction(input: unknown) {
  const user = await requirePermission("dashboard.view");
  const result = await saveKpiSettings(user.actor, input);
  if (result.ok) {
    revalidatePath("/admin/kpi");
    revalidatePath("/dashboard", "layout");
  }
  return result;
}
