import { afterEach, describe, expect, it, vi } from "vitest";

const VALID = {
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db",
  NEXTAUTH_SECRET: "0123456789abcdef0123456789abcdef",
};

async function loadEnv(values: Record<string, string | undefined>) {
  vi.resetModules();
  for (const key of ["DATABASE_URL", "NEXTAUTH_SECRET", "APP_URL", "JOBS_ENABLED", "DATABASE_POOL_SIZE"])
    vi.stubEnv(key, values[key] ?? "");
  for (const [key, value] of Object.entries(values)) if (value === undefined) delete process.env[key];
  const { env } = await import("@/lib/env");
  return env;
}

afterEach(() => vi.unstubAllEnvs());

describe("environment validation", () => {
  it("accepts a valid configuration and applies defaults", async () => {
    const env = await loadEnv({ ...VALID, APP_URL: undefined, JOBS_ENABLED: undefined, DATABASE_POOL_SIZE: undefined });
    expect(env()).toMatchObject({
      DATABASE_URL: VALID.DATABASE_URL,
      APP_URL: "http://localhost:3000",
      JOBS_ENABLED: true,
      DATABASE_POOL_SIZE: 10,
    });
  });

  it("names every invalid variable with a readable reason", async () => {
    const env = await loadEnv({
      DATABASE_URL: "mysql://x",
      NEXTAUTH_SECRET: "short",
      APP_URL: undefined,
      JOBS_ENABLED: "maybe",
    });
    expect(() => env()).toThrowError(/DATABASE_URL: DATABASE_URL must be a postgresql:\/\/ connection URL/);
    expect(() => env()).toThrowError(/NEXTAUTH_SECRET: NEXTAUTH_SECRET must be at least 32 characters/);
    expect(() => env()).toThrowError(/JOBS_ENABLED: JOBS_ENABLED must be true or false/);
  });

  it("explains a missing database URL", async () => {
    const env = await loadEnv({ DATABASE_URL: undefined, NEXTAUTH_SECRET: VALID.NEXTAUTH_SECRET });
    expect(() => env()).toThrowError(/DATABASE_URL is required/);
  });

  it("stops with a message naming SMS_URL when it is malformed", async () => {
    const defaults = { APP_URL: undefined, JOBS_ENABLED: undefined, DATABASE_POOL_SIZE: undefined };
    vi.stubEnv("SMS_URL", "ftp://sms.example.com");
    const env = await loadEnv({ ...VALID, ...defaults });
    expect(() => env()).toThrowError(/SMS_URL: SMS_URL must start with smpp:\/\/ or https:\/\//);
    vi.stubEnv("SMS_URL", "smpp://smsc.example.com:2775");
    vi.stubEnv("SMS_HTTP_HEADERS", "[1]");
    const broken = await loadEnv({ ...VALID, ...defaults });
    expect(() => broken()).toThrowError(/SMS_URL \(smpp\) needs a system_id/);
    expect(() => broken()).toThrowError(/SMS_HTTP_HEADERS must be a JSON object/);
  });
});
