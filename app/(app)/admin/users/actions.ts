"use server";
// Server actions of the user administration page: thin adapters over lib/users/admin-service.ts.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import { inviteUser, resendInvite, setUserActive, updateUser } from "@/lib/users/admin-service";
import type { Result } from "@/lib/errors";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

const PAGE = "/admin/users";

/** Returns the set-password link once, for installations without outgoing mail. */
export const inviteUserAction = guardAction("inviteUserAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ setPasswordUrl: string }>> => {
  const user = await requirePermission("admin.users");
  const result = await inviteUser(user.actor, input);
  if (!result.ok) return result;
  revalidatePath(PAGE);
  return { ok: true, setPasswordUrl: result.setPasswordUrl };
});

export const resendInviteAction = guardAction("resendInviteAction", z.tuple([actionArg.id]), async (userId: number): Promise<Result<{ setPasswordUrl: string }>> => {
  const user = await requirePermission("admin.users");
  const result = await resendInvite(user.actor, userId);
  if (!result.ok) return result;
  revalidatePath(PAGE);
  return { ok: true, setPasswordUrl: result.setPasswordUrl };
});

export const updateUserAction = guardAction("updateUserAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ saved: true }>> => {
  const user = await requirePermission("admin.users");
  const result = await updateUser(user.actor, input);
  if (!result.ok) return result;
  revalidatePath(PAGE);
  return { ok: true, saved: true };
});

export const setUserActiveAction = guardAction("setUserActiveAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ saved: true }>> => {
  const user = await requirePermission("admin.users");
  const result = await setUserActive(user.actor, input);
  if (!result.ok) return result;
  revalidatePath(PAGE);
  return { ok: true, saved: true };
});
