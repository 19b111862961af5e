// Next 16 proxy (formerly middleware): a fresh CSP nonce per request, passed to Next through the request's
// Content-Security-Policy header (Next stamps it on its own scripts) and sent to the browser; HSTS over TLS
// (lib/security/client-ip.ts decides what counts as TLS).
// While the database is known to be away (lib/db-availability.ts), pages answer 503 + Retry-After with a page that
// retries by itself, instead of rendering into a 500; /api routes answer their own 503 (lib/api/respond.ts).
import { NextResponse, type NextRequest } from "next/server";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseKnownDown } from "@/lib/db-availability";
import { mayWrite, PRIMARY_COOKIE, PRIMARY_COOKIE_SECONDS } from "@/lib/db-replica-cookie";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { isServerActionRequest, refuseServerActionRequest } from "@/lib/security/action-request";
import { isSecureRequest } from "@/lib/security/client-ip";
import { contentSecurityPolicy, generateNonce, HSTS_VALUE } from "@/lib/security/headers";
import { outageLocale, outagePageHtml } from "@/lib/security/outage-page";

// Read once; lib/env.ts (which validates it) is not imported here to keep the proxy free of server-only modules.
const REPLICA_CONFIGURED = Boolean(process.env.DATABASE_REPLICA_URL);

export function proxy(request: NextRequest) {
  // A cross-site or oversized server-action call: Next would answer it with a 500 (lib/security/action-request.ts).
  if (isServerActionRequest(request.method, request.nextUrl.pathname, request.headers)) {
    const refusal = refuseServerActionRequest(request.headers);
    if (refusal)
      return new NextResponse(refusal.message, {
        status: refusal.status,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
  }
  const nonce = generateNonce();
  // NODE_ENV is fixed at build time; lib/env is not imported here to keep the proxy free of server-only modules.
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development" });
  // TLS when APP_URL is https or a trusted proxy says so; a client's own X-Forwarded-Proto is not believed.
  const tls = isSecureRequest(request.headers);
  // One property read while the database is fine: no probe per request.
  if (isDatabaseKnownDown() && !request.nextUrl.pathname.startsWith("/api/")) {
    const locale = outageLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
    return new NextResponse(outagePageHtml(locale, DATABASE_RETRY_AFTER_SECONDS), {
      status: 503,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
        "Content-Security-Policy": csp,
        ...(tls ? { "Strict-Transport-Security": HSTS_VALUE } : {}),
      },
    });
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (tls) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  // Read-your-writes with a read replica: after a write, this user's next pages read from the primary
  // (lib/db-replica.ts).
  // Only with a replica: a cookie set on a server action's response makes Next re-render the current page after the
  // action (a set-password form would be replaced by "link already used" before it could say "done").
  if (REPLICA_CONFIGURED && mayWrite(request.method)) {
    const until = Date.now() + PRIMARY_COOKIE_SECONDS * 1000;
    response.cookies.set(PRIMARY_COOKIE, String(until), {
      maxAge: PRIMARY_COOKIE_SECONDS,
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: tls,
    });
  }
  return response;
}

// Not for the inbound e-mail webhook: Next buffers a body for the proxy and cuts it at 10 MB
// (experimental.proxyClientMaxBodySize), which turned valid messages up to the route's own 45 MB limit into
// "Body is not valid JSON" (400: the gateway does not retry, the mail is lost). The route enforces its limit (413).
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/attachments|api/inbound/).*)" }],
};
