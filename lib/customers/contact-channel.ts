// The one place that decides how a written message reaches a customer (acknowledgement, replies, result notice, survey
// invitation): the preferred channel when it is usable, otherwise what the customer has. Pure.
import type { ContactChannel } from "@/lib/generated/prisma/enums";
import { smsBlocker } from "@/lib/sms/outbox";

export type ContactableCustomer = {
  email: string | null;
  phone: string | null;
  preferredChannel: ContactChannel | null;
  smsOptedOutAt: Date | null;
  anonymizedAt?: Date | null;
};

export type WrittenChannel = "email" | "sms";

/**
 * E-mail or SMS, or null when the customer can be reached by neither. Preference e-mail or none: e-mail, then SMS.
 * Preference SMS or phone (a phone-first customer still needs the reference and link in writing): SMS, then e-mail.
 * `mandatory` (a legally required notice) ignores an SMS opt-out.
 */
export function chooseWrittenChannel(
  customer: ContactableCustomer,
  options: { mandatory?: boolean } = {},
): WrittenChannel | null {
  if (customer.anonymizedAt) return null;
  const email = Boolean(customer.email?.trim());
  const sms = smsBlocker(customer, options.mandatory ?? false) === null;
  const order: WrittenChannel[] =
    customer.preferredChannel === "sms" || customer.preferredChannel === "phone" ? ["sms", "email"] : ["email", "sms"];
  return order.find((channel) => (channel === "email" ? email : sms)) ?? null;
}

/** The select every caller of chooseWrittenChannel needs. */
export const contactChannelSelect = {
  email: true,
  phone: true,
  preferredChannel: true,
  smsOptedOutAt: true,
  anonymizedAt: true,
  timeZone: true,
  id: true,
} as const;
