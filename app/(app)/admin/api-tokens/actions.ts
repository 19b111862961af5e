"use server";
// Server actions of the API token admin page: thin adapters over lib/api-tokens/service.ts.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/service";
import type { Result } from "@/lib/errors";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

const PAGE = "/admin/api-tokens";

/** Returns the plain token once; it is not stored and cannot be shown again. */
export const createApiTokenAction = guardAction("createApiTokenAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ token: string }>> => {
  const user = await requirePermission("admin.tokens");
  const result = await createApiToken(user.actor, input);
  if (!result.ok) return result;
  revalidatePath(PAGE);
  return { ok: true, token: result.token };
});

export const revokeApiTokenAction = guardAction("revokeApiTokenAction", z.tuple([actionArg.id]), async (id: number): Promise<Result<{ revoked: true }>> => {
  const user = await requirePermission("admin.tokens");
  const result = await revokeApiToken(user.actor, id);
  if (!result.ok) return result;
  revalidatePath(PAGE);
  return { ok: true, revoked: true };
});
