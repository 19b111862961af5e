// zod schemas of the user and team administration forms, shared by the server actions and the dialogs.
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { ROLES } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { coercedIdSchema, idSchema } from "@/lib/validation";

const teamIds = z.array(coercedIdSchema).max(50).default([]);
/** The `updatedAt` the editor saw, as an ISO string: the optimistic-locking token of users and teams. */
const expectedUpdatedAt = z.iso.datetime({ message: "invalid" });

export const inviteUserSchema = z.object({
  name: z.string().trim().min(1, "required").max(100, "too_long"),
  email: z.string().trim().toLowerCase().pipe(z.email("invalid_email")).pipe(z.string().max(200, "too_long")),
  role: z.enum(ROLES as [Role, ...Role[]], { message: "required" }),
  locale: z.enum(LOCALES, { message: "required" }),
  teamIds,
});
export type InviteUserInput = z.infer<typeof inviteUserSchema>;

export const updateUserSchema = z.object({
  id: idSchema,
  expectedUpdatedAt,
  name: z.string().trim().min(1, "required").max(100, "too_long"),
  role: z.enum(ROLES as [Role, ...Role[]], { message: "required" }),
  locale: z.enum(LOCALES, { message: "required" }),
  teamIds,
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const setUserActiveSchema = z.object({ id: idSchema, active: z.boolean(), expectedUpdatedAt });

/** Password rules: 10–128 characters with at least one letter and one digit. */
export const newPasswordSchema = z
  .string()
  .min(10, "too_short")
  .max(128, "too_long")
  .regex(/\p{L}/u, "needs_letter")
  .regex(/\d/, "needs_digit");

export const setPasswordSchema = z
  .object({ token: z.string().min(20).max(200), password: newPasswordSchema, confirmation: z.string() })
  .refine((value) => value.password === value.confirmation, { path: ["confirmation"], message: "mismatch" });

export const teamSchema = z.object({
  code: z
    .string()
    .trim()
    .min(2, "too_short")
    .max(40, "too_long")
    .regex(/^[a-z0-9][a-z0-9-]*$/, "invalid_code"),
  nameZh: z.string().trim().min(1, "required").max(100, "too_long"),
  nameEn: z.string().trim().min(1, "required").max(100, "too_long"),
  supervisorId: idSchema.nullable().default(null),
  memberIds: z.array(idSchema).max(500).default([]),
});
export type TeamInput = z.infer<typeof teamSchema>;

export const updateTeamSchema = teamSchema.omit({ code: true }).extend({ id: idSchema, expectedUpdatedAt });
export type UpdateTeamInput = z.infer<typeof updateTeamSchema>;
export const setTeamActiveSchema = z.object({ id: idSchema, active: z.boolean(), expectedUpdatedAt });
export type SetTeamActiveInput = z.infer<typeof setTeamActiveSchema>;
