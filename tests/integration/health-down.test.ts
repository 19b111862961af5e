import { describe, expect, it } from "vitest";

// A separate file: this one points the app at a port where no PostgreSQL listens.
describe("GET /api/health without a database", () => {
  it("answers 503 with a retry hint", async () => {
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:9/none";
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toMatchObject({ status: "unavailable", database: "down" });
  });
});
