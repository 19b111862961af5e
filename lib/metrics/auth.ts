// /api/metrics is read by Prometheus with a bearer token (METRICS_TOKEN); without a configured token it does not exist.
import { createHash, timingSafeEqual } from "node:crypto";

type Denied = { status: 401 | 404; code: "unauthorized" | "not_found"; message: string };

const digest = (value: string) => createHash("sha256").update(value).digest();

export function authorizeMetrics(authorization: string | null, token: string | undefined): Denied | null {
  if (!token) return { status: 404, code: "not_found", message: "Metrics are disabled: set METRICS_TOKEN." };
  const presented = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? "";
  // Compare digests: equal length whatever was sent, constant time.
  if (!presented || !timingSafeEqual(digest(presented), digest(token))) {
    return { status: 401, code: "unauthorized", message: "A valid bearer token is required." };
  }
  return null;
}
