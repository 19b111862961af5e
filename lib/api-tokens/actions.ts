"use server";
// Server actions on API tokens that live with the domain (issue 19's layout): changing a token's request limit.
import { defineAction } from "@/lib/actions/define";
import { updateApiTokenLimitSchema } from "@/lib/api-tokens/schema";
import { updateApiTokenLimit } from "@/lib/api-tokens/service";

/** Saves a token's requests per minute; field errors (bounds, whole number) under `rateLimitPerMinute`. */
export const updateApiTokenLimitAction = defineAction(
  { name: "updateApiTokenLimitAction", permission: "admin.tokens", schema: updateApiTokenLimitSchema, revalidate: ["/admin/api-tokens"] },
  (actor, input) => updateApiTokenLimit(actor, input),
);
