// A Prisma client for the seed CLI and the seed test, outside the Next.js app (no lib/env: only DATABASE_URL is
// needed). Same omit options as lib/db.ts, so it has the app's `Db` type and secrets stay omitted by default.
import { PrismaPg } from "@prisma/adapter-pg";
import type { Db } from "../../lib/db";
import { PrismaClient } from "../../lib/generated/prisma/client";

export function createSeedClient(connectionString: string): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
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
