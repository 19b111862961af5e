// The outbound webhook event names: shared by the schema, the admin form (a client component) and
// lib/webhooks/events.ts.
export const WEBHOOK_EVENTS = [
  "complaint.created",
  "complaint.updated",
  "complaint.escalated",
  "complaint.resolved",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
