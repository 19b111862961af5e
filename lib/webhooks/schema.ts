// Inputs of the webhook admin page, shared by the server actions and the service.
import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/event-names";

export const webhookInputSchema = z.object({
  url: z.string().trim().min(1, "required").max(500, "too_long"),
  events: z.array(z.enum(WEBHOOK_EVENTS, "invalid")).min(1, "event_required"),
  active: z.boolean().default(true),
});

export const webhookUpdateSchema = webhookInputSchema.extend({ version: z.string().min(1, "required") });

export type WebhookInput = z.infer<typeof webhookInputSchema>;
