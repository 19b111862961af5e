// Prometheus text format; `Authorization: Bearer $METRICS_TOKEN` (404 while no token is configured). Errors in the
// /api/v1 shape through guarded/failure.
import { NextResponse } from "next/server";
import { failure, guarded } from "@/lib/api/respond";
import { env } from "@/lib/env";
import { authorizeMetrics } from "@/lib/metrics/auth";
import { metrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

export const GET = guarded(async (request: Request) => {
  const denied = authorizeMetrics(request.headers.get("authorization"), env().METRICS_TOKEN);
  if (denied) return failure({ error: denied.code, message: denied.message });
  const { registry, scrape } = metrics();
  return new NextResponse(await scrape(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
});
