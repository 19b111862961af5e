// What the composer needs to show the SMS a reply becomes (segment count before sending): the text around the
// excerpt, when this customer's written channel is SMS; null when replies go by e-mail (or nowhere).
import "server-only";
import { db } from "@/lib/db";
import { chooseWrittenChannel, contactChannelSelect } from "@/lib/customers/contact-channel";
import { fromDbLocale } from "@/lib/i18n/locales";
import { shortTrackingToken, shortTrackingUrl } from "@/lib/public/short-links";
import { readSmsSettings } from "@/lib/sms/settings";
import { withSignature } from "@/lib/sms/outbox";
import { smsCopy } from "@/lib/sms/templates";

export type ReplySmsFrame = { before: string; after: string };

const SENTINEL = "\u0000";

export async function replySmsFrame(complaint: {
  reference: string;
  customerId: number;
}): Promise<ReplySmsFrame | null> {
  const [customer, settings] = await Promise.all([
    db.customer.findUnique({ where: { id: complaint.customerId }, select: { ...contactChannelSelect, locale: true } }),
    // A plain read: an interactive transaction here held a second pooled connection per workspace page and, at 10
    // concurrent pages, failed with P2028 (no connection within the wait) — issue 20, target 2.
    readSmsSettings(db),
  ]);
  if (!customer || chooseWrittenChannel(customer) !== "sms") return null;
  const url = shortTrackingUrl(shortTrackingToken(complaint.reference).token);
  // The excerpt's quotes and ellipsis are added around the body by the copy; the sentinel marks where it goes.
  const text = withSignature(
    smsCopy(fromDbLocale(customer.locale)).reply(complaint.reference, SENTINEL, url),
    settings,
  );
  const [before = "", after = ""] = text.split(SENTINEL);
  return { before, after };
}
