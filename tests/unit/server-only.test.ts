// Issue 19 item 1: modules that reach the database start with `import "server-only"`, and no client component reaches
// one. `next build` refuses such an import too; this walk says so in seconds and names the import chain.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MARKER = /^import "server-only";$/m;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const directive = (source: string, name: string) => source.trimStart().startsWith(`"${name}"`);

/** Value imports (not `import type`) and dynamic imports of project modules, resolved to files. */
function valueImports(file: string, source: string): string[] {
  const specifiers = [
    ...[...source.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^;]*?\sfrom\s+)?"([^"]+)"/gms)].map((m) => m[1]!),
    ...[...source.matchAll(/import\("([^"]+)"\)/g)].map((match) => match[1]!),
  ];
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith("@/")
      ? specifier.slice(2)
      : specifier.startsWith(".")
        ? path.join(path.dirname(file), specifier)
        : null;
    if (base === null) return [];
    const found = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]
      .map((ext) => base + ext)
      .find((candidate) => /\.tsx?$/.test(candidate) && existsSync(path.join(ROOT, candidate)));
    return found ? [found] : [];
  });
}

/** The import chain from a client component to the first server-only module it reaches, or null. */
function chainToServerOnly(start: string): string[] | null {
  const seen = new Set<string>();
  const stack: string[][] = [[start]];
  while (stack.length > 0) {
    const chain = stack.pop()!;
    const file = chain.at(-1)!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = read(file);
    // A "use server" module reaches the browser as references to its actions, never as its imports.
    if (file !== start && directive(source, "use server")) continue;
    if (MARKER.test(source)) return chain;
    for (const next of valueImports(file, source)) stack.push([...chain, next]);
  }
  return null;
}

const files = ["app", "components", "lib"].flatMap(sourceFiles);

describe('import "server-only"', () => {
  it("marks lib/db.ts and every module that imports the database client", () => {
    const importsClient = /^import \{[^}]*\bdb\b[^}]*\} from "@\/lib\/db";$/m;
    const clientUsers = files.filter((file) => file === "lib/db.ts" || importsClient.test(read(file)));
    expect(clientUsers.length).toBeGreaterThan(100);
    expect(clientUsers.filter((file) => !MARKER.test(read(file)))).toEqual([]);
  });

  it("is reached by no client component", () => {
    const clients = files.filter((file) => directive(read(file), "use client"));
    expect(clients.length).toBeGreaterThan(50);
    const chains = clients
      .map(chainToServerOnly)
      .filter((chain) => chain !== null)
      .map((chain) => chain.join(" → "));
    expect(chains).toEqual([]);
  });

  it("finds the chain from a module that does reach one", () => {
    // The same walk from an actions file (the start is exempt from the "use server" stop): proves the test can fail.
    const chain = chainToServerOnly("lib/complaints/actions.ts");
    expect(chain?.[0]).toBe("lib/complaints/actions.ts");
    expect(chain && MARKER.test(read(chain.at(-1)!))).toBe(true);
  });
});
