// The one Prisma client, over the pg driver adapter. Secrets are omitted from every query by default.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient() {
  const adapter = new PrismaPg({
    connectionString: env().DATABASE_URL,
    max: env().DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({
    adapter,
    omit: {
      user: { passwordHash: true },
      apiToken: { tokenHash: true },
      survey: { tokenHash: true },
      passwordToken: { tokenHash: true },
      complaint: { trackingTokenHash: true },
      webhook: { secret: true },
      attachment: { content: true },
    },
  });
}

export type Db = ReturnType<typeof createClient>;
/** A Prisma transaction client, for services that take part in a caller's transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client per process (kept on globalThis so dev hot reloads do not open new pools), created on first use so
// that importing this module (e.g. during `next build`) does not need a database.
const globalForDb = globalThis as unknown as { skylineDb?: Db };

function client(): Db {
  globalForDb.skylineDb ??= createClient();
  return globalForDb.skylineDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const instance = client();
    const value: unknown = Reflect.get(instance, property);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(instance) : value;
  },
});
