// Every client component must find its messages: the layouts pass only the namespaces of lib/i18n/client-messages.ts,
// so a client component using another namespace would show raw keys. This walks the import graph from each route
// file and checks the namespaces of the client components it reaches against its area's list.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { CLIENT_NAMESPACES, pickMessages, type ClientMessageArea } from "@/lib/i18n/client-messages";

const ROOT = path.resolve(__dirname, "../..");

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== "generated" && name !== "node_modules") walk(full, out);
    } else if (/\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

const files = new Map(
  ["app", "components", "lib"]
    .flatMap((dir) => walk(path.join(ROOT, dir)))
    .map((file) => [file, readFileSync(file, "utf8")]),
);

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  return (
    [`${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")].find((candidate) =>
      files.has(candidate),
    ) ?? null
  );
}

const imports = new Map(
  [...files].map(([file, source]) => [
    file,
    [...source.matchAll(/from\s+["']([^"']+)["']/g)]
      .map((m) => resolve(file, m[1]!))
      .filter((f): f is string => f !== null),
  ]),
);
const isClient = (source: string) => /^\s*(\/\/[^\n]*\n\s*)*["']use client["']/.test(source);

function closure(start: string, follow: (file: string) => boolean = () => true): Set<string> {
  const seen = new Set([start]);
  const pending = [start];
  while (pending.length) {
    for (const next of imports.get(pending.pop()!) ?? []) {
      if (seen.has(next) || !follow(next)) continue;
      seen.add(next);
      pending.push(next);
    }
  }
  return seen;
}

// Files that run in the browser: "use client" modules and everything they import.
const clientFiles = new Set(
  [...files].filter(([, source]) => isClient(source)).flatMap(([file]) => [...closure(file)]),
);

/**
 * Message keys (namespaces, or "*" + file for useTranslations() without one) used by the client files a route reaches.
 */
function clientNamespaces(route: string): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of closure(route)) {
    if (!clientFiles.has(file)) continue;
    for (const match of files.get(file)!.matchAll(/useTranslations\(\s*(?:["']([^"']*)["'])?\s*\)/g))
      used.set(match[1] ?? `*${path.relative(ROOT, file)}`, path.relative(ROOT, file));
    // useTranslations() without a namespace: every t("a.b…") literal names its namespace.
    if (/useTranslations\(\s*\)/.test(files.get(file)!))
      for (const key of files.get(file)!.matchAll(/\bt\(\s*[`"']([A-Za-z]+)\./g))
        used.set(key[1]!, path.relative(ROOT, file));
  }
  for (const key of [...used.keys()]) if (key.startsWith("*")) used.delete(key);
  return used;
}

function areaOf(route: string): ClientMessageArea {
  const parts = path.relative(path.join(ROOT, "app"), route).split(path.sep);
  if (parts[0] === "(app)" && parts[1] === "incidents" && parts.length > 2) return "incidents";
  if (parts[0] === "(app)") return parts[1] === "admin" && parts.length > 2 ? "admin" : "app";
  if (parts[0] === "(auth)") return "auth";
  if (parts[0] === "(public)") return "public";
  return "root";
}

const ROUTE_FILES = /(^|\/)(page|layout|not-found|forbidden|error|loading|template)\.tsx$/;
const routes = [...files.keys()].filter(
  (file) => file.startsWith(path.join(ROOT, "app") + path.sep) && ROUTE_FILES.test(file),
);

describe("client messages per area", () => {
  it.each(routes.map((route) => [path.relative(ROOT, route), route] as const))(
    "%s: its client components' namespaces are passed",
    (_name, route) => {
      const provided: readonly string[] = CLIENT_NAMESPACES[areaOf(route)];
      const missing = [...clientNamespaces(route)].filter(
        ([namespace]) => !provided.some((p) => namespace === p || namespace.startsWith(`${p}.`)),
      );
      expect(missing).toEqual([]);
    },
  );

  it("every listed namespace exists in both catalogues", () => {
    for (const namespace of new Set(Object.values(CLIENT_NAMESPACES).flat())) {
      for (const messages of [en, zh])
        expect(Object.keys(pickMessages(messages, [namespace])), namespace).not.toEqual([]);
    }
  });

  it("picks nested namespaces without their siblings", () => {
    const messages = { a: { b: { x: "1" }, c: "2" }, d: "3" };
    expect(pickMessages(messages, ["a.b", "d", "missing.key"])).toEqual({ a: { b: { x: "1" } }, d: "3" });
  });

  it("the staff pages get far less than the whole catalogue", () => {
    const size = (messages: object) => JSON.stringify(messages).length;
    expect(size(pickMessages(en, CLIENT_NAMESPACES.app))).toBeLessThan(size(en) * 0.4);
  });
});
