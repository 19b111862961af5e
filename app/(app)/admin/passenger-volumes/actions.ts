"use server";
// Server action of the passenger volume grid: a thin adapter over lib/reference/passenger-volumes.ts.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import type { Result } from "@/lib/errors";
import { savePassengerVolumes } from "@/lib/reference/passenger-volumes";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

export const savePassengerVolumesAction = guardAction("savePassengerVolumesAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ saved: number }>> => {
  const user = await requirePermission("admin.config");
  const result = await savePassengerVolumes(user.actor, input);
  if (result.ok) revalidatePath("/admin/passenger-volumes");
  return result;
});
