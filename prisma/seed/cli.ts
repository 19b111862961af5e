// `npx tsx prisma/seed/cli.ts [--template airline|travel|enterprise] [--no-demo]`: seeds the database at
// DATABASE_URL once; running it again is a no-op.
import { createSeedClient } from "./client";
import { seed, TEMPLATES } from "./index";
import type { IndustryCode } from "./templates/types";

function isIndustry(value: string): value is IndustryCode {
  return Object.hasOwn(TEMPLATES, value);
}

function parseArguments(argv: string[]): { template: IndustryCode; demo: boolean } {
  const flag = argv.indexOf("--template");
  const template = flag >= 0 ? (argv[flag + 1] ?? "") : "airline";
  if (!isIndustry(template)) throw new Error(`--template must be one of ${Object.keys(TEMPLATES).join(", ")}`);
  return { template, demo: !argv.includes("--no-demo") };
}

async function main() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const options = parseArguments(process.argv.slice(2));
  const db = createSeedClient(connectionString);
  const startedAt = Date.now();
  try {
    const result = await seed(db, options);
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    const summary = result.seeded
      ? `seeded template "${options.template}"${options.demo ? " with demo data" : ""} in ${seconds} s: ${Object.entries(
          result.counts,
        )
          .map(([key, value]) => `${key}=${value}`)
          .join(" ")}`
      : "already seeded (setting seed.completed exists); nothing to do";
    process.stdout.write(`${summary}\n`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
