// Zod schemas for customer inputs (intake uses newCustomerSchema from lib/complaints/schema.ts).
import { z } from "zod";
import { LOCALE_CODES, type newCustomerSchema } from "@/lib/complaints/schema";
import { CONTACT_CHANNELS } from "@/lib/customers/contact-channels";
import { isTimeZone } from "@/lib/sms/settings";
import { idSchema } from "@/lib/validation";

export type NewCustomerInput = z.infer<typeof newCustomerSchema>;

const PHONE_PATTERN = /^\+?[0-9 ()-]{5,40}$/;

/** A text field that may be cleared: "" and whitespace become null. */
const clearableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((value) => (value === "" ? null : value));

export const CUSTOMER_TAG_PATTERN = /^[\p{L}\p{N}_-]{1,40}$/u;

export const updateCustomerSchema = z.object({
  version: idSchema,
  // Identity data (name, ID/passport number): only reviewers may change it directly (SPEC §2 change requests).
  name: z.string().trim().min(1, "required").max(120).optional(),
  idNumber: clearableText(40),
  phone: clearableText(40).refine((value) => !value || PHONE_PATTERN.test(value), "invalid_phone"),
  email: clearableText(254)
    .refine((value) => !value || z.email().safeParse(value).success, "invalid_email")
    .transform((value) => (value ? value.toLowerCase() : value)),
  locale: z.enum(LOCALE_CODES).optional(),
  membershipNumber: clearableText(40),
  tierId: idSchema.nullable().optional(),
  company: clearableText(200),
  tags: z
    .array(z.string().trim().regex(CUSTOMER_TAG_PATTERN, "invalid_tag"))
    .max(20)
    .optional()
    .transform((tags) => (tags ? [...new Set(tags)] : undefined)),
  specialNeeds: clearableText(1_000),
  consentContact: z.boolean().optional(),
  consentSurvey: z.boolean().optional(),
  consentMarketing: z.boolean().optional(),
  preferredChannel: z.enum(CONTACT_CHANNELS).nullable().optional(),
  timeZone: clearableText(64).refine((value) => !value || isTimeZone(value), "invalid_time_zone"),
});

export type UpdateCustomerInput = z.infer<typeof updateCustomerSchema>;

/** Fields that identify the person; changing them directly needs `customer.change_review`. */
export const IDENTITY_FIELDS = ["name", "idNumber"] as const satisfies readonly (keyof UpdateCustomerInput)[];
