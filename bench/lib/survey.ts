// Public survey submit over HTTP, as a browser without JavaScript sends it: the survey form is a React server action,
// and its server-rendered HTML carries the action's hidden fields ($ACTION_…), so a multipart POST of those fields plus
// the answer to /survey/<token> runs the same action a click does. Each request answers a different survey.
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import type { HttpScenario } from "./http";

/** Fresh "sent" surveys with tokens the bench knows (only their SHA-256 is stored, as the app does). */
export async function prepareSurveys(pool: pg.Pool, count: number): Promise<string[]> {
  const tokens = Array.from({ length: count }, () => randomBytes(32).toString("base64url"));
  const hashes = tokens.map((token) => createHash("sha256").update(token).digest("hex"));
  const inserted = await pool.query<{ tokenHash: string }>(
    `INSERT INTO surveys ("complaintId", "customerId", "tokenHash", locale, status, "scheduledAt", "sentAt", "expiresAt", "createdAt")
     SELECT c.id, c."customerId", h.hash, 'zh-CN', 'sent', now(), now(), now() + interval '7 days', now()
     FROM unnest($1::text[]) WITH ORDINALITY AS h(hash, n)
     JOIN (SELECT id, "customerId", row_number() OVER () AS n FROM complaints WHERE status IN ('closed', 'resolved') LIMIT $2) c ON c.n = h.n
     RETURNING "tokenHash"`,
    [hashes, count],
  );
  const stored = new Set(inserted.rows.map((row) => row.tokenHash));
  return tokens.filter((_, index) => stored.has(hashes[index]!));
}

function hiddenActionFields(html: string): [string, string][] {
  const fields: [string, string][] = [];
  const decode = (value: string) =>
    value
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  for (const match of html.matchAll(/<input[^>]*>/g)) {
    const tag = match[0];
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    if (!name || !name.startsWith("$ACTION")) continue;
    fields.push([decode(name), decode(/value="([^"]*)"/.exec(tag)?.[1] ?? "")]);
  }
  return fields;
}

function multipart(fields: [string, string][], boundary: string) {
  return (
    fields
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("") + `--${boundary}--\r\n`
  );
}

export async function surveyScenario(baseUrl: string, tokens: string[]): Promise<HttpScenario> {
  const sample = tokens.pop();
  if (!sample) throw new Error("no survey tokens");
  const page = await fetch(`${baseUrl}/survey/${sample}`);
  const actionFields = hiddenActionFields(await page.text());
  if (!actionFields.length) throw new Error("the survey page carries no server-action fields (did the form change?)");
  const boundary = "----skylinebench";
  let index = 0;
  return {
    method: "POST",
    // Server actions check that the request comes from the app's own origin (CSRF protection), as a browser sends it.
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: baseUrl },
    next: () => {
      const token = tokens[index++ % tokens.length]!;
      const body = multipart(
        [
          ...actionFields,
          ["token", token],
          ["csat", String(1 + (index % 5))],
          ["resolved", "yes"],
          ["nps", "8"],
          ["comment", "bench"],
        ],
        boundary,
      );
      return { path: `/survey/${token}`, body };
    },
  };
}

/** How many of the prepared surveys were actually answered (a 200 page can also be a refusal). */
export async function answeredCount(pool: pg.Pool, since: Date) {
  const result = await pool.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM survey_responses WHERE "createdAt" >= $1`,
    [since],
  );
  return result.rows[0]?.count ?? 0;
}
