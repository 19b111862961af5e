// The "sms" setting (administrators edit it on /admin/sms): the sender signature 【…】 that Chinese operators require
// at the start of every message, the quiet hours for non-urgent messages and the time zone assumed for customers
// who have none on record.
import "server-only";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import { REPORT_TIME_ZONE } from "@/lib/kpi/filters";

export const SMS_SETTING = "sms";

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const smsSettingsSchema = z.object({
  /** Shown as 【signature】 in front of every message; brackets are added, not typed. */
  signature: z
    .string()
    .trim()
    .min(1, "required")
    .max(20, "too_long")
    .regex(/^[^【】[\]]+$/, "no_brackets")
    .default("Skyline"),
  quietStartHour: z.number().int().min(0).max(23).default(21),
  quietEndHour: z.number().int().min(0).max(23).default(8),
  defaultTimeZone: z.string().refine(isTimeZone, "invalid_time_zone").default(REPORT_TIME_ZONE),
});

export type SmsSettings = z.infer<typeof smsSettingsSchema>;

export const DEFAULT_SMS_SETTINGS: SmsSettings = smsSettingsSchema.parse({});

/** Each field falls back to its default on its own, so one bad value does not discard the others. */
export function parseSmsSettings(value: unknown): SmsSettings {
  const source = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const result: Record<string, unknown> = { ...DEFAULT_SMS_SETTINGS };
  for (const key of Object.keys(DEFAULT_SMS_SETTINGS) as Array<keyof SmsSettings>) {
    const parsed = smsSettingsSchema.shape[key].safeParse(source[key]);
    if (parsed.success) result[key] = parsed.data;
  }
  return result as SmsSettings;
}

export async function readSmsSettings(tx: Tx | Db): Promise<SmsSettings> {
  const row = await tx.setting.findUnique({ where: { key: SMS_SETTING }, select: { value: true } });
  return parseSmsSettings(row?.value);
}
