import { z } from "zod";

// Messages are keys under auth.validation, translated by the form.
export const loginSchema = z.object({
  email: z.string().trim().min(1, "emailRequired").pipe(z.email("emailInvalid")),
  password: z.string().min(1, "passwordRequired"),
});

export type LoginInput = z.infer<typeof loginSchema>;
export type LoginValidationKey = "emailRequired" | "emailInvalid" | "passwordRequired";

export function isLoginValidationKey(value: unknown): value is LoginValidationKey {
  return value === "emailRequired" || value === "emailInvalid" || value === "passwordRequired";
}
