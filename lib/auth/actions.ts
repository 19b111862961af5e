"use server";
// Server actions of sign-in administration: thin adapters over lib/auth/throttle-admin.ts.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { requirePermission } from "@/lib/auth/session";
import { clearSignInThrottle } from "@/lib/auth/throttle-admin";
import type { Result } from "@/lib/errors";

export const clearSignInThrottleAction = guardAction("clearSignInThrottleAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ cleared: true }>> => {
  const user = await requirePermission("admin.users");
  const result = await clearSignInThrottle(user.actor, input);
  if (result.ok) revalidatePath("/admin/users");
  return result;
});
