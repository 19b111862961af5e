// Issue 15 item 10: the audit log is readable in both languages — every action, entity type and change field any use
// case writes has a label in en and zh-CN, so /admin/audit never falls back to a raw code. Reads the sources, so a new
// audit write without labels fails here rather than showing "incident.declare" to a Chinese reader.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { KNOWLEDGE_TRANSITIONS } from "@/lib/knowledge/workflow";

const LIB = path.join(__dirname, "../../lib");
// lib/incidents/runs.ts needs the database client; its run kinds are read from its source instead.
const RUN_KINDS = JSON.parse(
  /RUN_KINDS = (\[[^\]]*\])/.exec(readFileSync(path.join(LIB, "incidents/runs.ts"), "utf8"))![1]!,
) as string[];
/** Actions written as a template literal (`incident.${kind}`): the values the placeholder takes. */
const TEMPLATED: Record<string, readonly string[]> = {
  "complaint.": ["reply", "note", "call"],
  "incident.": RUN_KINDS,
  "investigation.": ["accepted", "returned"],
  "knowledge.": Object.keys(KNOWLEDGE_TRANSITIONS),
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated") return [];
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The argument text of every writeAudit(…) / auditLog.create(…) call, balanced by parentheses. */
function auditCalls(text: string): string[] {
  const calls: string[] = [];
  for (const match of text.matchAll(/writeAudit\(|auditLog\.create\(/g)) {
    let depth = 1;
    let index = match.index! + match[0].length;
    const start = index;
    while (index < text.length && depth > 0) {
      if (text[index] === "(") depth += 1;
      else if (text[index] === ")") depth -= 1;
      index += 1;
    }
    calls.push(text.slice(start, index - 1));
  }
  return calls;
}

/** Top-level keys of the object literal after `changes: {` (spreads and computed keys are skipped). */
function changeKeys(call: string): string[] {
  const at = call.search(/changes:\s*\{/);
  if (at < 0) return [];
  const keys: string[] = [];
  let depth = 0;
  let token = "";
  for (let index = call.indexOf("{", at); index < call.length; index += 1) {
    const char = call[index]!;
    if ("{[(".includes(char)) depth += 1;
    else if ("}])".includes(char)) {
      depth -= 1;
      if (depth === 0) break;
    }
    if (depth === 1) {
      if (char === "," || char === "{") token = "";
      else if (char === ":" && /^\s*[A-Za-z_]\w*\s*$/.test(token)) keys.push(token.trim());
      else token += char;
    }
  }
  return keys;
}

const written = sources(LIB).flatMap((file) =>
  auditCalls(readFileSync(file, "utf8")).map((call) => ({ file: path.relative(LIB, file), call })),
);
const at = (tree: unknown, dotted: string) =>
  dotted
    .split(".")
    .reduce<unknown>(
      (node, part) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined),
      tree,
    );

describe("audit log labels", () => {
  it("finds the audit writes", () => {
    expect(written.length).toBeGreaterThan(50);
  });

  it("every action, entity type and change field written in lib/ has a label in en and zh-CN", () => {
    const missing: string[] = [];
    for (const { file, call } of written) {
      const literal = /action:\s*"([^"]+)"/.exec(call)?.[1];
      const templated = /action:\s*`([a-z_]+\.)\$\{/.exec(call)?.[1];
      const actions = literal
        ? [literal]
        : templated
          ? (TEMPLATED[templated] ?? [`${templated}<unknown>`]).map((value) => `${templated}${value}`)
          : [];
      const ternary = [...call.matchAll(/action:\s*[^,]*\?\s*"([^"]+)"\s*:\s*"([^"]+)"/g)].flatMap((match) => [
        match[1]!,
        match[2]!,
      ]);
      const entity = /entityType:\s*"([^"]+)"/.exec(call)?.[1];
      for (const [name, catalog] of [
        ["en", en],
        ["zh-CN", zh],
      ] as const) {
        const readable = catalog.auditLog.readable;
        for (const action of [...actions, ...ternary])
          if (typeof at(readable.actions, action) !== "string") missing.push(`${name} action ${action} (${file})`);
        if (entity && typeof at(readable.entities, entity) !== "string")
          missing.push(`${name} entity ${entity} (${file})`);
        for (const field of changeKeys(call))
          if (typeof at(readable.fields, field) !== "string") missing.push(`${name} field ${field} (${file})`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
