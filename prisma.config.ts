// Prisma CLI configuration: runs migrations through the pg driver adapter so no engine binary is downloaded.
import "dotenv/config";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./prisma/adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: createMigrationAdapter,
});
