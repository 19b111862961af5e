// SMS are written to the outbox inside the transaction of the change that causes them (like e-mail, lib/mail/outbox.ts)
// and sent by the sms.flush job. Here the SMS rules apply: signature, opt-out, mobile numbers only, quiet hours.
import "server-only";
import type { Tx } from "@/lib/db";
import { isMobileNumber, layoutSms, MAX_SEGMENTS, normaliseMsisdn } from "@/lib/sms/segments";
import { readSmsSettings, type SmsSettings } from "@/lib/sms/settings";
import { earliestSendTime } from "@/lib/sms/quiet-hours";

export const SMS_KINDS = [
  "acknowledgement",
  "reply",
  "result",
  "survey",
  "survey_reminder",
  "reminder",
  "legal_notice",
  "incident_update",
] as const;
export type SmsKind = (typeof SMS_KINDS)[number];

/** Non-urgent kinds wait out the quiet hours; the others concern a complaint in progress and go at once. */
const DEFERRABLE: ReadonlySet<SmsKind> = new Set(["survey", "survey_reminder", "reminder"]);

export type SmsRecipient = { id: number; phone: string | null; smsOptedOutAt: Date | null; timeZone: string | null };

export type OutboundSmsInput = {
  customer: SmsRecipient;
  body: string;
  kind: SmsKind;
  complaintId?: number;
  /** A legally required notice: sent despite an opt-out and outside the quiet hours rule. */
  mandatory?: boolean;
};

export type EnqueueSmsResult =
  | { queued: true; id: number; segments: number; notBefore: Date }
  | { queued: false; reason: "no_phone" | "not_mobile" | "opted_out" | "too_long" };

export function withSignature(body: string, settings: Pick<SmsSettings, "signature">) {
  return `【${settings.signature}】${body}`;
}

/** Why this customer cannot get this SMS, or null. Used by the channel choice as well as by the outbox. */
export function smsBlocker(
  customer: Omit<SmsRecipient, "id" | "timeZone">,
  mandatory = false,
): "no_phone" | "not_mobile" | "opted_out" | null {
  if (!customer.phone) return "no_phone";
  if (!isMobileNumber(customer.phone)) return "not_mobile";
  if (customer.smsOptedOutAt && !mandatory) return "opted_out";
  return null;
}

type SmsRow = {
  to: string;
  text: string;
  kind: SmsKind;
  mandatory: boolean;
  encoding: string;
  segments: number;
  complaintId: number | null;
  customerId: number;
  notBefore: Date;
  createdAt: Date;
};

/**
 * The outbox row for one SMS under the SMS rules, or why it cannot be sent. Pure; shared by single and batch queueing.
 */
function prepareSms(
  input: OutboundSmsInput,
  now: Date,
  config: SmsSettings,
): { row: SmsRow } | { queued: false; reason: "no_phone" | "not_mobile" | "opted_out" | "too_long" } {
  const mandatory = input.mandatory ?? input.kind === "legal_notice";
  const blocker = smsBlocker(input.customer, mandatory);
  if (blocker || !input.customer.phone) return { queued: false, reason: blocker ?? "no_phone" };
  const text = withSignature(input.body, config);
  const layout = layoutSms(text);
  if (layout.segments > MAX_SEGMENTS) return { queued: false, reason: "too_long" };
  const timeZone = input.customer.timeZone ?? config.defaultTimeZone;
  const notBefore =
    DEFERRABLE.has(input.kind) && !mandatory
      ? earliestSendTime(now, timeZone, config.quietStartHour, config.quietEndHour)
      : now;
  return {
    row: {
      to: normaliseMsisdn(input.customer.phone),
      text,
      kind: input.kind,
      mandatory,
      encoding: layout.encoding,
      segments: layout.segments,
      complaintId: input.complaintId ?? null,
      customerId: input.customer.id,
      notBefore,
      createdAt: now,
    },
  };
}

export async function enqueueSms(
  tx: Tx,
  input: OutboundSmsInput,
  now = new Date(),
  settings?: SmsSettings,
): Promise<EnqueueSmsResult> {
  const config = settings ?? (await readSmsSettings(tx));
  const prepared = prepareSms(input, now, config);
  if (!("row" in prepared)) return prepared;
  const row = await tx.outboundSms.create({ data: prepared.row, select: { id: true } });
  return { queued: true, id: row.id, segments: prepared.row.segments, notBefore: prepared.row.notBefore };
}

/**
 * Many SMS in one statement (an incident update to thousands of customers): the same rules as enqueueSms per message.
 */
export async function enqueueSmsBatch(
  tx: Tx,
  inputs: readonly OutboundSmsInput[],
  now: Date,
  settings: SmsSettings,
): Promise<Array<true | "no_phone" | "not_mobile" | "opted_out" | "too_long">> {
  const prepared = inputs.map((input) => prepareSms(input, now, settings));
  const rows = prepared.flatMap((item) => ("row" in item ? [item.row] : []));
  if (rows.length > 0) await tx.outboundSms.createMany({ data: rows });
  return prepared.map((item) => ("row" in item ? true : item.reason));
}
