// The one rule for "did this reach the customer?": which channel a written reply goes out by, and whether a staff
// message counts as a customer-facing response (first-response clock, next-update clock, FCR reply count).
// A new outbound channel (SMS …) is one more entry in REPLY_CHANNELS; nothing else decides this.

export const CALL_OUTCOMES = ["reached", "no_answer", "left_message", "wrong_number"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** What a channel needs of the customer to deliver a written reply. */
export type ContactDetails = { email: string | null; phone?: string | null };

/** Written reply channels, in order of preference. */
const REPLY_CHANNELS = {
  email: (customer: ContactDetails) => Boolean(customer.email?.trim()),
} as const satisfies Record<string, (customer: ContactDetails) => boolean>;

export type ReplyChannel = keyof typeof REPLY_CHANNELS;

/** The channel a written reply to this customer goes out by, or null when they have none (log a call instead). */
export function replyChannelFor(customer: ContactDetails): ReplyChannel | null {
  for (const [channel, reaches] of Object.entries(REPLY_CHANNELS) as [ReplyChannel, (customer: ContactDetails) => boolean][]) {
    if (reaches(customer)) return channel;
  }
  return null;
}

export type StaffContact =
  | { kind: "note" }
  | { kind: "reply"; channel: ReplyChannel | null }
  | { kind: "call"; outcome: CallOutcome };

/** A reply sent by a channel the customer has, or a call that got through, is a response the customer received. */
export function reachedCustomer(contact: StaffContact): boolean {
  switch (contact.kind) {
    case "reply":
      return contact.channel !== null;
    case "call":
      return contact.outcome === "reached";
    case "note":
      return false;
  }
}

/** A written reply (the 7-working-day written_reply clock): a reply that went out in writing. */
export function isWrittenReply(contact: StaffContact): boolean {
  return contact.kind === "reply" && contact.channel !== null;
}
