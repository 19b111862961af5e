// The provider configured by SMS_URL (smpp:// or https://), or null: then SMS stay pending in the outbox.
import { env } from "@/lib/env";
import { createHttpGatewayProvider } from "@/lib/sms/http-gateway";
import type { SmsProvider } from "@/lib/sms/provider";
import { createSmppProvider, parseSmppUrl } from "@/lib/sms/smpp";

export function createSmsProvider(url: string): SmsProvider {
  if (url.startsWith("smpp:")) return createSmppProvider(parseSmppUrl(url));
  const config = env();
  return createHttpGatewayProvider({
    url,
    method: config.SMS_HTTP_METHOD,
    headers: config.SMS_HTTP_HEADERS,
    bodyTemplate: config.SMS_HTTP_BODY,
    success: config.SMS_HTTP_SUCCESS,
    idPath: config.SMS_HTTP_ID_PATH,
  });
}

export function configuredSmsProvider(): SmsProvider | null {
  const url = env().SMS_URL;
  return url ? createSmsProvider(url) : null;
}

/** scheme://host:port of SMS_URL without credentials or query, for the admin page. */
export function smsProviderLabel(): string | null {
  const url = env().SMS_URL;
  if (!url) return null;
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}
