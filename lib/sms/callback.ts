// What an HTTPS SMS gateway reports back (delivery receipts, customers' replies such as 退订/TD), in one generic JSON
// shape; gateways whose own format differs are mapped by a small relay or their "callback template" feature.
import { z } from "zod";
import { handleIncomingSms } from "@/lib/sms/incoming";

const receipt = z.object({
  type: z.literal("receipt"),
  messageId: z.string().trim().min(1).max(100),
  status: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .transform((value) => value.toUpperCase()),
});
const message = z.object({
  type: z.literal("message"),
  from: z
    .string()
    .trim()
    .regex(/^\+?[0-9]{5,20}$/, "invalid_phone"),
  text: z.string().max(2000),
});
const item = z.discriminatedUnion("type", [receipt, message]);

export const smsCallbackSchema = z.union([item, z.array(item).min(1).max(500)]);
export type SmsCallback = z.infer<typeof smsCallbackSchema>;

export async function applySmsCallback(input: SmsCallback, now = new Date()) {
  const items = Array.isArray(input) ? input : [input];
  let receipts = 0;
  let optOuts = 0;
  for (const entry of items) {
    if (entry.type === "receipt") {
      const applied = await handleIncomingSms(
        { kind: "receipt", messageId: entry.messageId, status: entry.status, at: now },
        "gateway_callback",
      );
      if ("receipt" in applied && applied.receipt) receipts++;
    } else {
      const applied = await handleIncomingSms(
        { kind: "message", from: entry.from, text: entry.text, at: now },
        "gateway_callback",
      );
      if ("optOut" in applied && applied.optOut) optOuts++;
    }
  }
  return { received: items.length, receipts, optOuts };
}
