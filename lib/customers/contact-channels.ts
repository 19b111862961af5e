// The contact channels a customer may prefer (zod-free, so client components can import the list).
export const CONTACT_CHANNELS = ["email", "sms", "phone"] as const;
export type ContactChannelCode = (typeof CONTACT_CHANNELS)[number];
