"use server";
// Server action of the channel admin page: a thin adapter over lib/reference/channels.ts.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import type { Result } from "@/lib/errors";
import { updateChannel } from "@/lib/reference/channels";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

export const updateChannelAction = guardAction("updateChannelAction", z.tuple([actionArg.id, actionArg.input]), async (id: number, input: unknown): Promise<Result<{ version: string }>> => {
  const user = await requirePermission("admin.config");
  const result = await updateChannel(user.actor, id, input);
  if (result.ok) revalidatePath("/admin/channels");
  return result;
});
