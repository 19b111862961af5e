// The intake form's client schema. The form holds strings (inputs and selects), so it is its own schema, but every
// rule comes from the server's createComplaintSchema/newCustomerSchema: the values are converted to the API payload
// and validated with those, and their issues are reported on the same dotted paths the server uses.
import { z } from "zod";
import { COMPLAINT_TYPES, PRIORITIES, createComplaintSchema, newCustomerSchema } from "@/lib/complaints/schema";
import { LOCALES } from "@/lib/i18n/locales";
import { toCreateInput } from "@/components/complaints/intake/intake-values";

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
      preferredChannel: z.string(),
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
    if (values.customerMode === "existing" && !values.customer.id)
      ctx.addIssue({ code: "custom", path: ["customer", "id"], message: "required" });
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
