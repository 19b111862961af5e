// Next 16 proxy (formerly middleware): a fresh CSP nonce per request, passed to Next through the request's
// Content-Security-Policy header (Next stamps it on its own scripts) and sent to the browser; HSTS over TLS.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, generateNonce, HSTS_VALUE, isTlsRequest } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const nonce = generateNonce();
  // NODE_ENV is fixed at build time; lib/env is not imported here to keep the proxy free of server-only modules.
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (isTlsRequest(request.nextUrl.protocol, request.headers.get("x-forwarded-proto"))) {
    response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  }
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/attachments).*)" }],
};
