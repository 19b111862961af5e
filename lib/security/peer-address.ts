// The TCP peer of each request, for lib/security/client-ip.ts. `next start` gives the app no socket: it only sets
// X-Forwarded-For to the socket address when the client sent none (`??=` in next/dist/server/base-server.js), so a
// client that sends its own X-Forwarded-For hides its address completely. instrumentation.ts installs this stamp once
// per process: every request the process's HTTP servers receive gets the socket address in a header whose name is
// random per process, so no client can send it, and it reaches pages, server actions, route handlers and proxy.ts.
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";

const HEADER_NAME = Symbol.for("skyline.peerAddressHeader");
type Holder = { [HEADER_NAME]?: string };

/** Patches http(s).Server so every request carries its socket address; idempotent. Call once at start-up. */
export function installPeerAddressStamp(): string {
  const holder = globalThis as Holder;
  const existing = holder[HEADER_NAME];
  if (existing) return existing;
  const name = `x-skyline-peer-${randomBytes(12).toString("hex")}`;
  for (const prototype of [http.Server.prototype, https.Server.prototype]) {
    const emit = prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    prototype.emit = function emitWithPeer(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as IncomingMessage;
        request.headers[name] = request.socket.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    } as typeof prototype.emit;
  }
  holder[HEADER_NAME] = name;
  return name;
}

/** Name of this process's peer header, or null when the stamp is not installed (unit/integration tests, scripts). */
export function peerAddressHeader(): string | null {
  return (globalThis as Holder)[HEADER_NAME] ?? null;
}
