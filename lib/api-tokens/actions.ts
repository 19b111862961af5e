"use server";
// Server actions on API tokens that live with the domain (issue 19's layout): changing a token's request limit.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { requirePermission } from "@/lib/auth/session";
import { updateApiTokenLimit } from "@/lib/api-tokens/service";
import type { Result } from "@/lib/errors";

/** Saves a token's requests per minute; field errors (bounds, whole number) under `rateLimitPerMinute`. */
export const updateApiTokenLimitAction = guardAction(
  "updateApiTokenLimitAction",
  z.tuple([actionArg.input]),
  async (input: unknown): Promise<Result<{ rateLimitPerMinute: number }>> => {
    const user = await requirePermission("admin.tokens");
    const result = await updateApiTokenLimit(user.actor, input);
    if (result.ok) revalidatePath("/admin/api-tokens");
    return result;
  },
);
