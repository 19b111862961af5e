// Input checks shared by every boundary (route handlers, server actions, pages, the inbound webhook): ids from URLs
// and text PostgreSQL cannot store (NUL) or Prisma cannot serialise (lone UTF-16 surrogates), found field by field.
import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

/** PostgreSQL's int4: every id and version column. A larger number can only come from a request. */
export const MAX_INT4 = 2_147_483_647;

/** A positive int4 id from a URL segment or query value, or null (the caller answers 404: it names nothing). */
export function parseId(raw: string | null | undefined): number | null {
  if (typeof raw !== "string" || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 && id <= MAX_INT4 ? id : null;
}

/** A URL path segment decoded, or null when its percent-escapes are malformed (`%`, `%E0%A4%A`): it names nothing. */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The zod piece for ids and versions in JSON bodies and action arguments. */
export const idSchema = z.number().int().positive().max(MAX_INT4);

/** The same from a form field or query value (a string): coerced to a number first. */
export const coercedIdSchema = z.coerce.number().int().positive().max(MAX_INT4);

/** Field-level codes of refused text, in the forms' and the API's `fields` vocabulary. */
export const TEXT_PROBLEM = { nul: "contains_nul", illFormed: "ill_formed_unicode" } as const;

const MAX_DEPTH = 32;

/**
 * Every string (and object key) in `value` that PostgreSQL or Prisma cannot take: a NUL character, or a lone UTF-16
 * surrogate (`"a\ud800"`: well-formed JSON, but Prisma's query serialiser and PostgreSQL's UTF-8 reject it, which
 * used to surface as a 500). Keyed by dotted path like zod's field errors ("customer.name", "attachments.0.filename");
 * `prefix` names positional arguments of server actions. Empty when the value is clean. Deeper than 32 levels is
 * itself refused (no schema here nests that deep).
 */
export function textProblems(value: unknown, prefix: (string | number)[] = []): FieldErrors {
  const fields: FieldErrors = {};
  const add = (path: (string | number)[], code: string) => {
    const key = path.length ? path.join(".") : "_";
    const list = (fields[key] ??= []);
    if (!list.includes(code)) list.push(code);
  };
  const check = (text: string, path: (string | number)[]) => {
    if (text.includes("\u0000")) add(path, TEXT_PROBLEM.nul);
    if (!text.isWellFormed()) add(path, TEXT_PROBLEM.illFormed);
  };
  const seen = new WeakSet<object>(); // decoded action arguments may hold cycles
  const walk = (item: unknown, path: (string | number)[], depth: number) => {
    if (typeof item === "string") return check(item, path);
    if (typeof item !== "object" || item === null || seen.has(item)) return;
    if (depth > MAX_DEPTH) return add(path, "too_deep");
    seen.add(item);
    if (item instanceof Date || item instanceof Blob) return;
    if (typeof FormData !== "undefined" && item instanceof FormData) {
      for (const [key, entry] of item.entries()) {
        check(key, [...path, key]);
        if (typeof entry === "string") check(entry, [...path, key]);
      }
      return;
    }
    const entries: [string | number, unknown][] = Array.isArray(item)
      ? item.map((entry, index) => [index, entry])
      : Object.entries(item);
    for (const [key, entry] of entries) {
      if (typeof key === "string") check(key, [...path, key]);
      walk(entry, [...path, key], depth + 1);
    }
  };
  walk(value, prefix, 0);
  return fields;
}

export function hasTextProblems(fields: FieldErrors) {
  return Object.keys(fields).length > 0;
}

/** One sentence for the whole refusal, naming the worst problem found. */
export function textProblemMessage(fields: FieldErrors) {
  const codes = new Set(Object.values(fields).flat());
  if (codes.has(TEXT_PROBLEM.illFormed)) return "Text must be well-formed Unicode (no lone UTF-16 surrogates).";
  if (codes.has(TEXT_PROBLEM.nul)) return "Text must not contain NUL (\\u0000) characters.";
  return "The input is nested too deeply.";
}
