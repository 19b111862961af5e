import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

describe("migrations", () => {
  it("produce exactly the schema in prisma/schema.prisma (no drift)", () => {
    // Connects to the server's admin database (never the template, which other files are cloning), applies
    // prisma/migrations to a shadow database and diffs the result with the schema: exit 0 = in sync, 2 = drift.
    const result = spawnSync(
      path.join(ROOT, "node_modules", ".bin", "prisma"),
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: process.env.TEST_ADMIN_DATABASE_URL },
        encoding: "utf8",
        timeout: 90_000,
      },
    );
    expect(result.stdout + result.stderr).toContain("No difference detected");
    expect(result.status).toBe(0);
  });
});
