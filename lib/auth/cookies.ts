// next-auth options per request: over TLS (an https APP_URL, or a trusted proxy's X-Forwarded-Proto: https) every
// cookie is Secure and prefixed — __Secure- for the session and callback URL, __Host- for the CSRF token (also bound
// to this host and path /, so a sibling subdomain cannot plant one). Over plain http (local demo) the browser would
// drop Secure cookies, so the names stay unprefixed there.
import type { CookiesOptions, NextAuthOptions } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { isSecureRequest, type HeaderSource } from "@/lib/security/client-ip";

export function sessionCookies(secure: boolean): Partial<CookiesOptions> {
  const prefix = secure ? "__Secure-" : "";
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    sessionToken: { name: `${prefix}next-auth.session-token`, options },
    callbackUrl: { name: `${prefix}next-auth.callback-url`, options },
    csrfToken: { name: `${secure ? "__Host-" : ""}next-auth.csrf-token`, options },
  };
}

/** The options for this request; the route handler and getServerSession must use the same ones to find the cookie. */
export function authOptionsFor(headers: HeaderSource): NextAuthOptions {
  const secure = isSecureRequest(headers);
  return { ...authOptions, useSecureCookies: secure, cookies: sessionCookies(secure) };
}
