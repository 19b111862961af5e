// The intake form's values and the pure helpers around them, without zod: the form's first paint needs these, while
// the zod schema (intake-schema.ts) is loaded only when the form is first validated (intake-resolver.ts).
import type { z } from "zod";
import type { LOCALES } from "@/lib/i18n/locales";
import { CONTACT_CHANNELS } from "@/lib/customers/contact-channels";
import type { intakeFormSchema } from "@/components/complaints/intake/intake-schema";

export type IntakeFormValues = z.infer<typeof intakeFormSchema>;

const optional = (value: string) => (value.trim() ? value.trim() : undefined);
const optionalId = (value: string) => (value ? Number(value) : undefined);

/**
 * The createComplaint payload for the form's values; `priority` is sent only when the agent overrode the suggestion.
 */
export function toCreateInput(values: IntakeFormValues, priorityOverridden: boolean) {
  const customer =
    values.customerMode === "existing"
      ? { id: optionalId(values.customer.id) }
      : {
          name: values.customer.name.trim(),
          phone: optional(values.customer.phone),
          email: optional(values.customer.email),
          membershipNumber: optional(values.customer.membershipNumber),
          locale: values.customer.locale,
          tierId: optionalId(values.customer.tierId),
          preferredChannel: CONTACT_CHANNELS.find((channel) => channel === values.customer.preferredChannel),
        };
  return {
    customer,
    channelId: optionalId(values.channelId),
    type: values.type,
    categoryId: optionalId(values.categoryId),
    subcategoryId: optionalId(values.subcategoryId),
    touchpointId: optionalId(values.touchpointId),
    severityId: optionalId(values.severityId),
    priority: priorityOverridden && values.priority ? values.priority : undefined,
    subject: values.subject.trim(),
    description: values.description.trim(),
    bookingReference: optional(values.bookingReference),
    flightNumber: optional(values.flightNumber),
    serviceDate: optional(values.serviceDate),
  };
}

export const emptyIntake = (defaults: { channelId: string; locale: (typeof LOCALES)[number] }): IntakeFormValues => ({
  customerMode: "existing",
  customer: {
    id: "",
    name: "",
    phone: "",
    email: "",
    membershipNumber: "",
    locale: defaults.locale,
    tierId: "",
    preferredChannel: "",
  },
  channelId: defaults.channelId,
  type: "complaint",
  categoryId: "",
  subcategoryId: "",
  touchpointId: "",
  severityId: "",
  priority: "",
  subject: "",
  description: "",
  bookingReference: "",
  flightNumber: "",
  serviceDate: "",
});

/** Message codes the form can translate; anything else (zod's default English texts) shows as "invalid". */
export const KNOWN_ERROR_CODES = [
  "required",
  "too_short",
  "too_long",
  "invalid_email",
  "invalid_phone",
  "contact_required",
  "unknown",
  "not_in_category",
  "service_date_range",
  "sms_not_possible",
  "email_required",
  "phone_required",
] as const;
export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

export function knownCode(message: string | undefined): KnownErrorCode | "invalid" {
  return KNOWN_ERROR_CODES.find((code) => code === message) ?? "invalid";
}
