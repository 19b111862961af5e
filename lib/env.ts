// The one place that reads process.env: parsed with zod at start-up, exported typed.
import { z } from "zod";

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
  // A hot standby for reads that may lag (dashboards, reports, exports, searches): lib/db-replica.ts.
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URL must be a postgresql:// connection URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Bearer token of /api/metrics (Prometheus); without it the endpoint answers 404.
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"], { error: "LOG_LEVEL must be debug, info, warn or error" }).default("info"),
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
