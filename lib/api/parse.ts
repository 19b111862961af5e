// Request parsing for /api/v1: JSON bodies, query strings and path ids, with zod field errors keyed by dotted path.
import type { z } from "zod";
import { fieldErrors } from "@/lib/complaints/validation";
import { failure } from "@/lib/api/respond";
import { hasTextProblems, parseId, textProblemMessage, textProblems } from "@/lib/validation";

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Bodies larger than this are refused with 413 before they are parsed (the inbound e-mail webhook allows more). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The JSON body, or 400 "Body is not valid JSON" (also for an empty body, which no endpoint accepts), or 413 when the
 * body is larger than `maxBytes` — checked on Content-Length and again while reading, so a lying header cannot
 * make the server buffer an unbounded body.
 */
export async function readJson(
  request: Request,
  { maxBytes = DEFAULT_MAX_BODY_BYTES }: { maxBytes?: number } = {},
): Promise<Parsed<unknown>> {
  const limit = `${Number((maxBytes / 1024 / 1024).toFixed(1))} MB (${maxBytes} bytes)`;
  const tooLarge = () => ({
    ok: false as const,
    response: failure({ error: "too_large", message: `The request body is larger than the limit of ${limit}.` }),
  });
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

/** Validates `value` against the schema the service itself uses; 400 with `fields` on failure. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  refine?: (error: z.ZodError) => Record<string, string[]>,
): Parsed<z.output<S>> {
  // Found by the hostile-input tests: a NUL or a lone surrogate reached PostgreSQL/Prisma and came back as a 500.
  const problems = textProblems(value);
  if (hasTextProblems(problems))
    return {
      ok: false,
      response: failure({ error: "invalid", message: textProblemMessage(problems), fields: problems }),
    };
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
export const pathId = parseId;
