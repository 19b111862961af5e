// The intake form's client schema. The form holds strings (inputs and selects), so it is its own schema, but every
// rule comes from the server's createComplaintSchema/newCustomerSchema: the values are converted to the API payload
// and validated with those, and their issues are reported on the same dotted paths the server uses.
import { z } from "zod";
import { COMPLAINT_TYPES, PRIORITIES, createComplaintSchema, newCustomerSchema } from "@/lib/complaints/schema";
import { LOCALES } from "@/lib/i18n/locales";

export const intakeFormSchema = z
  .object({
    customerMode: z.enum(["existing", "new"]),
    customer: z.object({
      id: z.string(),
      name: z.string(),
      phone: z.string(),
      email: z.string(),
      membershipNumber: z.string(),
      locale: z.enum(LOCALES),
      tierId: z.string(),
    }),
    channelId: z.string(),
    type: z.enum(COMPLAINT_TYPES),
    categoryId: z.string(),
    subcategoryId: z.string(),
    touchpointId: z.string(),
    severityId: z.string(),
    priority: z.union([z.enum(PRIORITIES), z.literal("")]),
    subject: z.string(),
    description: z.string(),
    bookingReference: z.string(),
    flightNumber: z.string(),
    serviceDate: z.string(),
  })
  .superRefine((values, ctx) => {
    const payload = toCreateInput(values, true);
    const customer = values.customerMode === "existing" ? null : newCustomerSchema.safeParse(payload.customer);
    if (values.customerMode === "existing" && !values.customer.id) ctx.addIssue({ code: "custom", path: ["customer", "id"], message: "required" });
    for (const issue of customer?.success === false ? customer.error.issues : []) {
      ctx.addIssue({ code: "custom", path: ["customer", ...issue.path.map(String)], message: issue.message });
    }
    const rest = createComplaintSchema.omit({ customer: true }).safeParse(payload);
    for (const issue of rest.success ? [] : rest.error.issues) {
      // Missing ids arrive as undefined: say "required" rather than zod's type message.
      const message = issue.code === "invalid_type" ? "required" : issue.message;
      ctx.addIssue({ code: "custom", path: issue.path.map(String), message });
    }
  });

export type IntakeFormValues = z.infer<typeof intakeFormSchema>;

const optional = (value: string) => (value.trim() ? value.trim() : undefined);
const optionalId = (value: string) => (value ? Number(value) : undefined);

/** The createComplaint payload for the form's values; `priority` is sent only when the agent overrode the suggestion. */
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
  customer: { id: "", name: "", phone: "", email: "", membershipNumber: "", locale: defaults.locale, tierId: "" },
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
export const KNOWN_ERROR_CODES = ["required", "too_short", "too_long", "invalid_email", "invalid_phone", "contact_required", "unknown", "not_in_category"] as const;
export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

export function knownCode(message: string | undefined): KnownErrorCode | "invalid" {
  return KNOWN_ERROR_CODES.find((code) => code === message) ?? "invalid";
}
