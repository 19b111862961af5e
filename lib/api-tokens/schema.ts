// Input of the API token admin form, shared by the server action and the service.
import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { idSchema } from "@/lib/validation";

/**
 * What an API token may be granted: the permissions the /api/v1 endpoints check, nothing administrative. Tokens
 * exist for integrations (chat, social media, regulator gateways) that log and update complaints, which admins
 * themselves may not do, so a token's permissions are chosen from this list rather than copied from its creator.
 * Without "complaint.read_all" a token sees no complaints (it belongs to no team); grant it for integrations that
 * read or update complaints they did not create themselves.
 */
export const TOKEN_PERMISSIONS = [
  "complaint.read",
  "complaint.read_all",
  "complaint.create",
  "complaint.update",
  "complaint.transition",
  "complaint.reply",
  "complaint.reopen",
  "customer.read",
  "customer.update",
  "customer.change_review",
  "pii.view",
] as const satisfies readonly Permission[];

export type TokenPermission = (typeof TOKEN_PERMISSIONS)[number];

/**
 * Requests per minute a token may make (issue 20): the default is the former fixed limit; the bounds keep a typo sane.
 */
export const TOKEN_RATE_LIMIT = { default: 600, min: 1, max: 100_000 } as const;

/** A whole number of requests per minute within the bounds; a form's text is accepted ("3000"). */
export const rateLimitPerMinuteSchema = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? Number(value.trim()) : value),
  z
    .number({ error: "limit_invalid" })
    .int("limit_whole")
    .min(TOKEN_RATE_LIMIT.min, "limit_too_low")
    .max(TOKEN_RATE_LIMIT.max, "limit_too_high"),
);

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "required").max(80, "too_long"),
  permissions: z.array(z.enum(TOKEN_PERMISSIONS)).min(1, "permission_required"),
  // A calendar date (YYYY-MM-DD); the token stops working at the end of that day in the business time zone
  // (lib/time/zone.ts).
  expiresOn: z.iso
    .date("invalid_date")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  rateLimitPerMinute: rateLimitPerMinuteSchema.optional().or(z.literal("").transform(() => undefined)),
});

/** Changing a token's limit; `expectedRateLimitPerMinute` is the value the admin saw (optimistic locking). */
export const updateApiTokenLimitSchema = z.object({
  id: idSchema,
  rateLimitPerMinute: rateLimitPerMinuteSchema,
  expectedRateLimitPerMinute: z.number().int().min(TOKEN_RATE_LIMIT.min).max(TOKEN_RATE_LIMIT.max),
});

export type UpdateApiTokenLimitInput = z.infer<typeof updateApiTokenLimitSchema>;

export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
