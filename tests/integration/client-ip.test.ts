// Per-IP limits over real sockets (issue 14 item 3): an HTTP server stamped by installPeerAddressStamp (as
// instrumentation.ts does under `next start`) resolves each request's client with clientIp and files public complaints
// through the real use case. A made-up X-Forwarded-For per request no longer escapes the public form's limit; with
// TRUSTED_PROXIES naming the peer, the right-most untrusted X-Forwarded-For address is the client.
import { request as httpRequest, createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // 127.0.0.1 plays the reverse proxy; 127.0.0.2 (also loopback on Linux) is a client talking to the app directly.
  process.env.TRUSTED_PROXIES = "127.0.0.1";
});

import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { PUBLIC_COMPLAINT_LIMIT, submitPublicComplaint } from "@/lib/public/intake";
import { HONEYPOT_FIELD } from "@/lib/public/spam";
import { clientIp, isSecureRequest } from "@/lib/security/client-ip";
import { installPeerAddressStamp } from "@/lib/security/peer-address";
import { makePublicIntakeSetup } from "./factories";

let server: Server;
let port: number;
let categoryId = 0;

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) body += String(chunk);
  return body;
}

beforeAll(async () => {
  installPeerAddressStamp();
  categoryId = (await makePublicIntakeSetup()).category.id;
  server = createServer((request, response) => {
    void (async () => {
      const ip = clientIp(request.headers);
      if (request.url === "/whoami") {
        response.end(JSON.stringify({ ip, tls: isSecureRequest(request.headers) }));
        return;
      }
      const values = JSON.parse(await readBody(request)) as Record<string, string>;
      const result = await submitPublicComplaint({ ip, locale: "en" }, values);
      response.statusCode = result.ok ? 200 : result.error === "rate_limited" ? 429 : 400;
      response.end(JSON.stringify(result));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await stopBoss();
});

function send(
  path: string,
  from: "127.0.0.1" | "127.0.0.2",
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path,
        method: payload ? "POST" : "GET",
        localAddress: from,
        headers: { "content-type": "application/json", ...headers },
      },
      (response) => {
        void readBody(response).then((text) => resolve({ status: response.statusCode ?? 0, body: text }), reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

const form = (subject: string) => ({
  name: "Wang Fang",
  email: "wang.fang@example.com",
  phone: "",
  locale: "en",
  type: "complaint",
  categoryId: String(categoryId),
  subject,
  description: "My suitcase did not arrive in Shanghai and nobody at the desk could tell me where it is.",
  [HONEYPOT_FIELD]: "",
});

const spoofed = (index: number) => `198.18.${index}.${index + 1}`;

describe("client address over HTTP", () => {
  it(`a made-up X-Forwarded-For per request does not escape the public form's limit of ${PUBLIC_COMPLAINT_LIMIT} an hour`, async () => {
    const statuses: number[] = [];
    for (let index = 0; index <= PUBLIC_COMPLAINT_LIMIT; index++) {
      const response = await send(
        "/complaint",
        "127.0.0.2",
        { "x-forwarded-for": spoofed(index), "x-real-ip": spoofed(index + 50) },
        form(`Spoof ${index}`),
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array<number>(PUBLIC_COMPLAINT_LIMIT).fill(200), 429]);
    const bucket = await db.rateLimitBucket.findMany({
      where: { key: { startsWith: "public-complaint:ip:" } },
      select: { key: true, count: true },
    });
    expect(bucket).toEqual([{ key: "public-complaint:ip:127.0.0.2", count: PUBLIC_COMPLAINT_LIMIT + 1 }]);
  });

  it("reports the socket address for a direct client, whatever it claims; the peer header cannot be forged", async () => {
    const forged = {
      "x-forwarded-for": "203.0.113.50",
      "x-forwarded-proto": "https",
      "x-skyline-peer": "203.0.113.51",
      "x-real-ip": "203.0.113.52",
    };
    expect(JSON.parse((await send("/whoami", "127.0.0.2", forged)).body)).toEqual({ ip: "127.0.0.2", tls: false });
  });

  it("behind the trusted proxy, takes the right-most address that is not a trusted proxy, and its word on TLS", async () => {
    const whoami = async (headers: Record<string, string>) =>
      JSON.parse((await send("/whoami", "127.0.0.1", headers)).body) as { ip: string; tls: boolean };
    expect(await whoami({ "x-forwarded-for": "198.51.100.7" })).toEqual({ ip: "198.51.100.7", tls: false });
    expect(await whoami({ "x-forwarded-for": "6.6.6.6, 198.51.100.7", "x-forwarded-proto": "https" })).toEqual({
      ip: "198.51.100.7",
      tls: true,
    });
    expect(await whoami({ "x-forwarded-for": "198.51.100.7, 127.0.0.1" })).toEqual({ ip: "198.51.100.7", tls: false });
    expect(await whoami({})).toEqual({ ip: "127.0.0.1", tls: false });

    // So each real client behind the proxy has its own bucket, and a client's made-up hops do not give it a new one.
    for (let index = 0; index < PUBLIC_COMPLAINT_LIMIT; index++) {
      expect(
        (
          await send(
            "/complaint",
            "127.0.0.1",
            { "x-forwarded-for": `${spoofed(index)}, 198.51.100.9` },
            form(`Proxied ${index}`),
          )
        ).status,
      ).toBe(200);
    }
    expect(
      (await send("/complaint", "127.0.0.1", { "x-forwarded-for": "198.51.100.9" }, form("One more"))).status,
    ).toBe(429);
    expect(
      (await send("/complaint", "127.0.0.1", { "x-forwarded-for": "198.51.100.10" }, form("Someone else"))).status,
    ).toBe(200);
  });
});
