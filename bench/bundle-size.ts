// `npx tsx bench/bundle-size.ts` (after `npm run build`): gzipped JavaScript each page route loads on first visit —
// the framework's root chunks plus every chunk its layouts and page pull in (from the build's client-reference
// manifests) — against the budget of 250 kB for agent pages.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { ROOT } from "../scripts/lib/paths";

const NEXT = path.join(ROOT, ".next");
export const AGENT_BUDGET_KB = 250;
/** Pages an agent works in all day: the budget applies to them. */
const AGENT_ROUTES = [/^\/$/, /^\/complaints/, /^\/escalations/, /^\/notifications/, /^\/customers/];

function manifests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return manifests(full);
    return name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

function routeOf(manifest: string) {
  const relative = path.relative(path.join(NEXT, "server", "app"), path.dirname(manifest));
  const segments = relative.split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

const gzipCache = new Map<string, number>();
function gzipped(file: string) {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(NEXT, file.replace(/^\/_next\//, "")))).length;
    gzipCache.set(file, size);
  }
  return size;
}

export function measureBundles() {
  if (!existsSync(path.join(NEXT, "BUILD_ID")))
    throw new Error("No production build in .next: run `npm run build` first.");
  const build = JSON.parse(readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const rows = manifests(path.join(NEXT, "server", "app")).map((manifest) => {
    const source = readFileSync(manifest, "utf8");
    const json = source.slice(source.indexOf("] = ") + 4).replace(/;\s*$/, "");
    const entries = (JSON.parse(json) as { entryJSFiles: Record<string, string[]> }).entryJSFiles;
    const route = routeOf(manifest);
    // The route's own page entry and the layouts above it (every entry of this manifest is on the route's path).
    const files = new Set([...build.rootMainFiles, ...Object.values(entries).flat()]);
    const bytes = [...files].reduce((sum, file) => sum + gzipped(file), 0);
    const agent = AGENT_ROUTES.some((pattern) => pattern.test(route));
    const kb = Math.round((bytes / 1024) * 10) / 10;
    return {
      route,
      gzipKb: kb,
      chunks: files.size,
      agentPage: agent,
      withinBudget: agent ? kb <= AGENT_BUDGET_KB : null,
    };
  });
  return rows.sort((a, b) => a.route.localeCompare(b.route));
}

if (require.main === module) {
  const rows = measureBundles();
  for (const row of rows) {
    const flag = row.agentPage ? (row.withinBudget ? "  ok" : `  OVER ${AGENT_BUDGET_KB} kB`) : "";
    process.stdout.write(
      `${row.route.padEnd(44)} ${row.gzipKb.toFixed(1).padStart(7)} kB gz  (${row.chunks} chunks)${flag}\n`,
    );
  }
}
