// The one place that reads process.env: parsed with zod at start-up, exported typed.
import ipaddr from "ipaddr.js";
import { z } from "zod";

/** One TRUSTED_PROXIES entry: a dotted-quad IPv4 or an IPv6 address, optionally with a /prefix length. */
function isAddressOrRange(entry: string): boolean {
  const [address = "", bits, ...rest] = entry.split("/");
  if (rest.length > 0 || !(ipaddr.IPv4.isValidFourPartDecimal(address) || ipaddr.IPv6.isValid(address))) return false;
  return bits === undefined || ipaddr.isValidCIDR(entry);
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required (the start script sets it for the embedded PostgreSQL)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection URL"),
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET is required (the start script generates one under .data/)" })
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be a URL such as http://localhost:3000").optional(),
  APP_URL: z.url("APP_URL must be a URL such as http://localhost:3000").default("http://localhost:3000"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  JOBS_ENABLED: z
    .enum(["true", "false"], { error: "JOBS_ENABLED must be true or false" })
    .default("true")
    .transform((value) => value === "true"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Skyline CSM <no-reply@skyline.local>"),
  INBOUND_EMAIL_SECRET: z.string().min(16, "INBOUND_EMAIL_SECRET must be at least 16 characters").optional(),
  // Reverse proxies / load balancers whose X-Forwarded-For and X-Forwarded-Proto are believed (lib/security/client-ip.ts).
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((entry) => entry.trim()).filter((entry) => entry.length > 0))
    .refine((entries) => entries.every(isAddressOrRange), {
      error: "TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges, e.g. 10.0.0.0/8,127.0.0.1",
    }),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** Parsed environment; throws one readable error listing every invalid variable. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
