import { describe, expect, it } from "vitest";
import { hasFreshWriteCookie } from "@/lib/observability/http";
import { acceptableRequestId, workContext } from "@/lib/observability/context";
import { logLine } from "@/lib/observability/log";
import { routeLabel } from "@/lib/observability/route-label";
import { authorizeMetrics } from "@/lib/metrics/auth";
import { mayWrite, PRIMARY_COOKIE } from "@/lib/db-replica-cookie";

describe("routeLabel", () => {
  it("replaces ids, references and tokens so the label set stays small", () => {
    expect(routeLabel("/complaints/CMP-2026-000123")).toBe("/complaints/:reference");
    expect(routeLabel("/customers/42?tab=timeline")).toBe("/customers/:id");
    expect(routeLabel("/track/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5")).toBe("/track/:token");
    expect(routeLabel("/api/v1/complaints")).toBe("/api/v1/complaints");
    expect(routeLabel("/_next/static/chunks/abc123.js")).toBe("/_next/static");
    expect(routeLabel("/")).toBe("/");
  });
});

describe("request ids", () => {
  it("accepts nginx's $request_id and refuses header injection or junk", () => {
    expect(acceptableRequestId("0123456789abcdef0123456789abcdef")).toBe("0123456789abcdef0123456789abcdef");
    expect(acceptableRequestId("short")).toBeUndefined();
    expect(acceptableRequestId("bad id\r\nX-Evil: 1")).toBeUndefined();
    expect(acceptableRequestId(undefined)).toBeUndefined();
  });

  it("puts the request id and job of the work context on every log line", () => {
    const line = workContext.run({ requestId: "req-12345678", job: "sla.sweep", jobId: "j1" }, () =>
      logLine("error", "job failed", { error: new Error("boom") }, new Date("2026-12-07T10:00:00Z")),
    );
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry).toMatchObject({
      time: "2026-12-07T10:00:00.000Z",
      level: "error",
      msg: "job failed",
      requestId: "req-12345678",
      job: "sla.sweep",
      jobId: "j1",
    });
    expect((entry.error as { message: string }).message).toBe("boom");
    expect(JSON.parse(logLine("info", "outside"))).not.toHaveProperty("requestId");
  });
});

describe("read-your-writes cookie", () => {
  it("keeps a user on the primary only until the cookie's expiry", () => {
    const now = 1_000_000;
    expect(hasFreshWriteCookie(`a=b; ${PRIMARY_COOKIE}=${now + 5_000}`, now)).toBe(true);
    expect(hasFreshWriteCookie(`${PRIMARY_COOKIE}=${now - 1}`, now)).toBe(false);
    expect(hasFreshWriteCookie("other=1", now)).toBe(false);
    expect(hasFreshWriteCookie(undefined, now)).toBe(false);
    expect(mayWrite("POST")).toBe(true);
    expect(mayWrite("GET")).toBe(false);
  });
});

describe("authorizeMetrics", () => {
  const token = "metrics-token-0123456789";
  it("needs a configured token and the exact bearer", () => {
    expect(authorizeMetrics(`Bearer ${token}`, undefined)?.status).toBe(404);
    expect(authorizeMetrics(null, token)?.status).toBe(401);
    expect(authorizeMetrics("Bearer wrong", token)?.status).toBe(401);
    expect(authorizeMetrics(`Bearer ${token}x`, token)?.status).toBe(401);
    expect(authorizeMetrics(`Bearer ${token}`, token)).toBeNull();
  });
});
