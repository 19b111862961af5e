// Request parsing for /api/v1: JSON bodies, query strings and path ids, with zod field errors keyed by dotted path.
import type { z } from "zod";
import { fieldErrors } from "@/lib/complaints/validation";
import { failure } from "@/lib/api/respond";

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Bodies larger than this are refused with 413 before they are parsed (the inbound e-mail webhook allows more). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The JSON body, or 400 "Body is not valid JSON" (also for an empty body, which no endpoint accepts), or 413 when the
 * body is larger than `maxBytes` — checked on Content-Length and again while reading, so a lying header cannot
 * make the server buffer an unbounded body.
 */
export async function readJson(request: Request, { maxBytes = DEFAULT_MAX_BODY_BYTES }: { maxBytes?: number } = {}): Promise<Parsed<unknown>> {
  const tooLarge = () => ({ ok: false as const, response: failure({ error: "too_large", message: `The request body is larger than ${maxBytes} bytes.` }) });
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();
  const text = await readTextWithin(request, maxBytes);
  if (text === null) return tooLarge();
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: failure({ error: "invalid", message: "Body is not valid JSON" }) };
  }
}

async function readTextWithin(request: Request, maxBytes: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** True when any string in `value` holds a NUL character, which PostgreSQL text columns cannot store. */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 32 || typeof value !== "object" || value === null) return false;
  return Object.entries(value).some(([key, item]) => key.includes("\u0000") || holdsNul(item, depth + 1));
}

/** Validates `value` against the schema the service itself uses; 400 with `fields` on failure. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, refine?: (error: z.ZodError) => Record<string, string[]>): Parsed<z.output<S>> {
  // Found by the hostile-input tests: a NUL reached PostgreSQL and came back as a 500.
  if (holdsNul(value)) return { ok: false, response: failure({ error: "invalid", message: "Text must not contain NUL (\\u0000) characters." }) };
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields = refine ? refine(parsed.error) : fieldErrors(parsed.error);
  return { ok: false, response: failure({ error: "invalid", message: "Some fields are missing or invalid.", fields }) };
}

/** Query parameters as an object; a parameter given more than once becomes an array (`?status=new&status=closed`). */
export function queryObject(request: Request): Record<string, string | string[]> {
  const params = new URL(request.url).searchParams;
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return result;
}

/** A positive integer path id, or null (the caller answers 404: a malformed id names nothing). */
export function pathId(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 && id <= 2_147_483_647 ? id : null;
}
