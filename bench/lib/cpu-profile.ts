// Summarises a V8 .cpuprofile (node --cpu-prof) over a time window: self time by package / app chunk and the top
// functions, so a profile of `next start` under load says where a page's server time goes (bench/profile-pages.ts).
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

function bucketOf(node: Node): string {
  const { functionName, url } = node.callFrame;
  if (["(idle)", "(garbage collector)", "(program)"].includes(functionName)) return functionName;
  if (!url) return "(native: I/O, Intl, crypto …)";
  if (url.startsWith("wasm://")) return "wasm (Prisma query compiler)";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) {
    if (pkg[1] === "next") return `next/${url.match(/next\/dist\/(compiled\/[^/]+|[^/]+)/)?.[1] ?? ""}`;
    return pkg[1]!;
  }
  if (url.includes("/.next/server/")) return `app bundle (${url.split("/").pop()})`;
  if (url.startsWith("node:")) return url;
  return url;
}

/** Self time (ms) per bucket and per function over [from, to] seconds after the profile's start (default: all). */
export function summarizeProfile(file: string, window?: { lastSeconds: number; tailSeconds?: number }) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const end = profile.endTime - (window?.tailSeconds ?? 0) * 1e6;
  const start = window ? end - window.lastSeconds * 1e6 : profile.startTime;
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  let at = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at < start || at > end) return;
    const node = nodes.get(id)!;
    const bucket = bucketOf(node);
    total += delta;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + delta);
    const name = `${node.callFrame.functionName || "(anonymous)"} · ${bucket}:${node.callFrame.lineNumber}`;
    functions.set(name, (functions.get(name) ?? 0) + delta);
  });
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => ({ name, ms: Math.round(micros / 1000), share: micros / total }));
  return { totalMs: Math.round(total / 1000), buckets: top(buckets, 25), functions: top(functions, 25) };
}
