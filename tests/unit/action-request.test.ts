import { describe, expect, it } from "vitest";
import {
  isServerActionRequest,
  refuseServerActionRequest,
  SERVER_ACTION_BODY_LIMIT_BYTES,
} from "@/lib/security/action-request";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("server-action requests refused before Next answers them with a 500", () => {
  it("recognises fetch actions and multipart form posts to pages, not API routes", () => {
    expect(isServerActionRequest("POST", "/complaints/CMP-2026-000001", headers({ "next-action": "7f00ab" }))).toBe(
      true,
    );
    expect(
      isServerActionRequest("POST", "/complaint", headers({ "content-type": "multipart/form-data; boundary=x" })),
    ).toBe(true);
    expect(isServerActionRequest("GET", "/complaints", headers({ "next-action": "7f00ab" }))).toBe(false);
    expect(isServerActionRequest("POST", "/api/v1/complaints", headers({ "next-action": "7f00ab" }))).toBe(false);
  });

  it("refuses a foreign or malformed Origin with 403, accepts the own host or forwarded host", () => {
    expect(
      refuseServerActionRequest(headers({ origin: "https://evil.example", host: "csm.example.com" }))?.status,
    ).toBe(403);
    expect(refuseServerActionRequest(headers({ origin: "not a url", host: "csm.example.com" }))?.status).toBe(403);
    expect(refuseServerActionRequest(headers({ origin: "null", host: "csm.example.com" }))?.status).toBe(403);
    expect(
      refuseServerActionRequest(headers({ origin: "https://csm.example.com", host: "csm.example.com" })),
    ).toBeNull();
    expect(
      refuseServerActionRequest(
        headers({
          origin: "https://csm.example.com",
          host: "127.0.0.1:3000",
          "x-forwarded-host": "csm.example.com, proxy.internal",
        }),
      ),
    ).toBeNull();
    expect(refuseServerActionRequest(headers({ host: "csm.example.com" }))).toBeNull();
  });

  it("refuses a declared body over the 1 MB action limit with 413", () => {
    const base = { origin: "https://csm.example.com", host: "csm.example.com" };
    expect(
      refuseServerActionRequest(headers({ ...base, "content-length": String(SERVER_ACTION_BODY_LIMIT_BYTES + 1) }))
        ?.status,
    ).toBe(413);
    expect(
      refuseServerActionRequest(headers({ ...base, "content-length": String(SERVER_ACTION_BODY_LIMIT_BYTES) })),
    ).toBeNull();
  });
});
