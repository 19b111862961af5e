"use server";
// Server actions of the API token admin page: thin adapters over lib/api-tokens/service.ts.
import { actionArg, defineAction } from "@/lib/actions/define";
import { updateApiTokenLimitSchema } from "@/lib/api-tokens/schema";
import { createApiToken, revokeApiToken, updateApiTokenLimit } from "@/lib/api-tokens/service";

const PAGE = "/admin/api-tokens";

/** Returns the plain token once; it is not stored and cannot be shown again. */
export const createApiTokenAction = defineAction(
  { name: "createApiTokenAction", permission: "admin.tokens", args: [actionArg.input], revalidate: [PAGE] },
  async (actor, input) => {
    const result = await createApiToken(actor, input);
    return result.ok ? { ok: true as const, token: result.token } : result;
  },
);

export const revokeApiTokenAction = defineAction(
  { name: "revokeApiTokenAction", permission: "admin.tokens", args: [actionArg.id], revalidate: [PAGE] },
  async (actor, id) => {
    const result = await revokeApiToken(actor, id);
    return result.ok ? { ok: true as const, revoked: true as const } : result;
  },
);

/** Saves a token's requests per minute (issue 20); field errors (bounds, whole number) under `rateLimitPerMinute`. */
export const updateApiTokenLimitAction = defineAction(
  {
    name: "updateApiTokenLimitAction",
    permission: "admin.tokens",
    schema: updateApiTokenLimitSchema,
    revalidate: [PAGE],
  },
  (actor, input) => updateApiTokenLimit(actor, input),
);
