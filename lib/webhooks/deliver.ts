// Delivers queued webhook events (lib/webhooks/events.ts). Each delivery is claimed in its own transaction with
// FOR UPDATE SKIP LOCKED and sent while the row lock is held, so several workers/instances never send one twice;
// a failure schedules the next attempt with exponential back-off, and after the last one the delivery is "failed".
import "server-only";
import { db, type Tx } from "@/lib/db";
import { Agent, fetch as pinnedFetch } from "undici";
import { checkResolvedWebhookUrl, guardedLookup, RefusedAddressError } from "@/lib/webhooks/url-guard";
import { allowPrivateNetworks } from "@/lib/webhooks/settings";
import { SIGNATURE_HEADER, signPayload } from "@/lib/webhooks/signature";
import { logger } from "@/lib/observability/log";

/** Minutes to wait after failed attempt n (1-based); after the last one the delivery gives up (6 attempts in all). */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 720] as const;
export const REQUEST_TIMEOUT_MS = 5_000;
const ERROR_MAX_LENGTH = 500;
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: REQUEST_TIMEOUT_MS + 15_000 } as const;

export type DeliverResult = { sent: number; retrying: number; failed: number };
type Claimed = {
  id: number;
  webhookId: number;
  event: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
  active: boolean;
};
type Attempt = { ok: true; status: number } | { ok: false; status: number | null; error: string; permanent: boolean };

/** The next attempt's time after `attempts` failed attempts, or null when the delivery gives up. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MINUTES[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay * 60_000);
}

// One connection pool per value of the private-network setting; every connection resolves through the guard.
const agents = new Map<boolean, Agent>();
function guardedAgent(allowPrivate: boolean): Agent {
  let agent = agents.get(allowPrivate);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(allowPrivate) } });
    agents.set(allowPrivate, agent);
  }
  return agent;
}

export async function deliverPendingWebhooks(
  options: { limit?: number; now?: () => Date } = {},
): Promise<DeliverResult> {
  const result: DeliverResult = { sent: 0, retrying: 0, failed: 0 };
  const clock = options.now ?? (() => new Date());
  for (let index = 0; index < (options.limit ?? 50); index++) {
    const outcome = await db.$transaction((tx) => deliverNext(tx, clock()), TRANSACTION_OPTIONS);
    if (outcome === "none") break;
    result[outcome]++;
  }
  return result;
}

async function claimNext(tx: Tx, now: Date): Promise<Claimed | undefined> {
  const rows = await tx.$queryRaw<Claimed[]>`
    SELECT d.id, d."webhookId", d.event, d.payload, d.attempts, w.url, w.secret, w.active
    FROM webhook_deliveries d JOIN webhooks w ON w.id = d."webhookId"
    WHERE d.status = 'pending' AND d."nextAttemptAt" <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    ORDER BY d."nextAttemptAt", d.id
    LIMIT 1
    FOR UPDATE OF d SKIP LOCKED`;
  return rows[0];
}

async function deliverNext(tx: Tx, now: Date): Promise<"sent" | "retrying" | "failed" | "none"> {
  const delivery = await claimNext(tx, now);
  if (!delivery) return "none";
  const attempt: Attempt = delivery.active
    ? await send(delivery, now, await allowPrivateNetworks(tx))
    : { ok: false, status: null, error: "webhook_disabled", permanent: true };
  const attempts = delivery.attempts + 1;
  if (attempt.ok) {
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        status: "sent",
        attempts,
        responseStatus: attempt.status,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: new Date(),
      },
    });
    return "sent";
  }
  const next = attempt.permanent ? null : nextAttemptAfter(attempts, now);
  await tx.webhookDelivery.update({
    where: { id: delivery.id },
    data: {
      status: next ? "pending" : "failed",
      attempts,
      responseStatus: attempt.status,
      lastError: attempt.error.slice(0, ERROR_MAX_LENGTH),
      nextAttemptAt: next,
    },
  });
  if (!next)
    logger.warn("[webhooks] delivery failed for good", {
      deliveryId: delivery.id,
      webhookId: delivery.webhookId,
      attempts,
      error: attempt.error,
    });
  return next ? "retrying" : "failed";
}

async function send(delivery: Claimed, now: Date, allowPrivate: boolean): Promise<Attempt> {
  const problem = await checkResolvedWebhookUrl(delivery.url, allowPrivate);
  // A refused address may become acceptable (setting, DNS): retried like a network error, not given up at once.
  if (problem) return { ok: false, status: null, error: `url_refused:${problem}`, permanent: false };
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  try {
    const response = await pinnedFetch(delivery.url, {
      dispatcher: guardedAgent(allowPrivate),
      method: "POST",
      body,
      // Redirects are not followed: they could lead the request to an address the guard would refuse.
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Skyline-Webhooks/1",
        "X-Skyline-Event": delivery.event,
        "X-Skyline-Delivery": String(delivery.id),
        [SIGNATURE_HEADER]: signPayload(delivery.secret, body, timestamp),
      },
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `http_${response.status}`, permanent: false };
  } catch (error) {
    if (error instanceof Error && error.cause instanceof RefusedAddressError)
      return { ok: false, status: null, error: error.cause.message, permanent: false };
    const message =
      error instanceof Error
        ? error.name === "TimeoutError"
          ? "timeout"
          : `${error.name}: ${error.message}`
        : String(error);
    return { ok: false, status: null, error: message, permanent: false };
  }
}
