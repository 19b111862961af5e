// The one rule for "did this reach the customer?": which channel a written reply goes out by, and whether a staff
// message counts as a customer-facing response (first-response clock, next-update clock, FCR reply count).
// The channel itself comes from chooseWrittenChannel (lib/customers/contact-channel.ts); nothing else decides it.

export const CALL_OUTCOMES = ["reached", "no_answer", "left_message", "wrong_number"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/**
 * Written reply channels. Which one a customer gets (preferred channel, then what they have, SMS opt-out) is decided
 * by chooseWrittenChannel in lib/customers/contact-channel.ts (server side); null there means "log a call instead".
 */
export type ReplyChannel = "email" | "sms";

export type StaffContact =
  { kind: "note" } | { kind: "reply"; channel: ReplyChannel | null } | { kind: "call"; outcome: CallOutcome };

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
