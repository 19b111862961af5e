// A standing SMPP receiver session per app instance: delivery receipts for messages sent earlier and customers'
// replies (退订/TD) arrive whenever the SMSC has them, not only while a flush is sending. Several instances may each
// hold one; applying a receipt or an opt-out twice changes nothing.
import { env } from "@/lib/env";
import { handleIncomingSms } from "@/lib/sms/incoming";
import type { SmsProvider } from "@/lib/sms/provider";
import { createSmppProvider, parseSmppUrl } from "@/lib/sms/smpp";
import { logger } from "@/lib/observability/log";

const RECONNECT_CHECK_MS = 30_000;

export type SmsReceiver = { provider: SmsProvider; stop(): Promise<void> };

export async function startSmsReceiver(url: string | undefined = env().SMS_URL): Promise<SmsReceiver | null> {
  if (!url?.startsWith("smpp:")) return null;
  const provider = createSmppProvider({ ...parseSmppUrl(url), mode: "receiver" });
  provider.onIncoming((incoming) => {
    handleIncomingSms(incoming, "sms_reply", { waitForSender: true }).catch((error: unknown) =>
      logger.error("[sms] could not apply an incoming SMS", {
        kind: incoming.kind,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  });
  const connect = () =>
    provider.open().catch((error: unknown) =>
      logger.warn("[sms] SMPP receiver not bound; retrying", {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  await connect();
  // Reconnection of a dropped session (network housekeeping, not a business deadline).
  const timer = setInterval(() => {
    if (!provider.isOpen()) void connect();
  }, RECONNECT_CHECK_MS);
  timer.unref();
  return {
    provider,
    async stop() {
      clearInterval(timer);
      await provider.close();
    },
  };
}
