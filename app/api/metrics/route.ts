import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { authorizeMetrics } from "@/lib/metrics/auth";
import { metrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

/** Prometheus text format; `Authorization: Bearer $METRICS_TOKEN` (404 while no token is configured). */
export async function GET(request: Request) {
  const denied = authorizeMetrics(request.headers.get("authorization"), env().METRICS_TOKEN);
  if (denied) return NextResponse.json({ error: { code: denied.code, message: denied.message } }, { status: denied.status, headers: { "Cache-Control": "no-store" } });
  const { registry } = metrics();
  return new NextResponse(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
}
