// Complaint search on the bigram indexes (issue 20, target 3; lib/complaints/search.ts): two-character Chinese words,
// English words in any case and references are found exactly as a substring search finds them, the plan reads the
// GIN indexes, a changed subject is found by its new words at once (generated columns), and "most relevant first"
// lists subject matches before description matches, page after page.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { countQueue, listQueue } from "@/lib/complaints/queue";
import { queueFilterSchema } from "@/lib/complaints/schema";
import { containsPattern, SEARCH_CANDIDATE_CAP, textMatch, textWhereByLike } from "@/lib/complaints/search";
import { db } from "@/lib/db";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

let manager: Actor;
let teamId: number;
const made: Record<string, { id: number; reference: string }> = {};
// A marker unique to this run, so other test files' complaints never match the searches that use it.
const marker = randomBytes(3).toString("hex");
const customerName = `司马${marker}`;

const keysOf = (rows: { id: number }[]) =>
  rows.map((row) => Object.keys(made).find((key) => made[key]!.id === row.id) ?? `other:${row.id}`);

async function search(q: string, extra: Record<string, unknown> = {}) {
  const { rows } = await listQueue(
    manager,
    queueFilterSchema.parse({ queue: "all", limit: 100, team: String(teamId), q, ...extra }),
  );
  return keysOf(rows).sort();
}

beforeAll(async () => {
  const team = await makeTeam();
  teamId = team.id;
  manager = (await makeStaff("manager")).actor;
  const customer = await makeCustomer({ name: "Plain Customer" });
  const named = await makeCustomer({ name: customerName });
  const base = { customerId: customer.id, teamId, status: "new" as const };
  const rows: [string, Parameters<typeof makeComplaint>[0]][] = [
    [
      "baggage",
      {
        ...base,
        subject: "托运行李破损",
        description: "箱子的轮子断了。",
        createdAt: new Date("2026-03-01T02:00:00Z"),
      },
    ],
    [
      "meal",
      {
        ...base,
        subject: "机上服务",
        description: "预订的素食餐食没有送到座位。",
        createdAt: new Date("2026-03-02T02:00:00Z"),
      },
    ],
    [
      "refund",
      {
        ...base,
        subject: "Refund request",
        description: "申请退票后一个月仍未到账。",
        createdAt: new Date("2026-03-03T02:00:00Z"),
      },
    ],
    [
      "english",
      {
        ...base,
        subject: "Flight DELAYED for five hours",
        description: "Nobody told us anything at the gate.",
        createdAt: new Date("2026-03-04T02:00:00Z"),
      },
    ],
    [
      "wildcard",
      {
        ...base,
        subject: "Voucher 100%_off",
        description: "The code 100%_off did not work.",
        createdAt: new Date("2026-03-05T02:00:00Z"),
      },
    ],
    [
      "customer",
      {
        ...base,
        customerId: named.id,
        subject: "座位问题",
        description: "座椅无法调节。",
        createdAt: new Date("2026-03-06T02:00:00Z"),
      },
    ],
    // Relevance: the marker in the subject of two, in the description of three.
    [
      "r-body-1",
      { ...base, subject: "其他", description: `备注 ${marker} 一`, createdAt: new Date("2026-04-05T02:00:00Z") },
    ],
    [
      "r-title-1",
      { ...base, subject: `标题 ${marker}`, description: "无", createdAt: new Date("2026-04-01T02:00:00Z") },
    ],
    [
      "r-body-2",
      { ...base, subject: "其他", description: `备注 ${marker} 二`, createdAt: new Date("2026-04-04T02:00:00Z") },
    ],
    [
      "r-title-2",
      { ...base, subject: `标题 ${marker} 二`, description: "无", createdAt: new Date("2026-04-02T02:00:00Z") },
    ],
    [
      "r-body-3",
      { ...base, subject: "其他", description: `备注 ${marker} 三`, createdAt: new Date("2026-04-03T02:00:00Z") },
    ],
  ];
  for (const [key, data] of rows) made[key] = await makeComplaint(data);
});

describe("search through the bigram indexes", () => {
  it("finds two-character Chinese words in subjects and descriptions", async () => {
    expect(await search("行李")).toEqual(["baggage"]);
    expect(await search("餐食")).toEqual(["meal"]);
    expect(await search("退票")).toEqual(["refund"]);
    expect(await search("座位")).toEqual(["customer", "meal"]);
  });

  it("finds English words in any case, and phrases across a space", async () => {
    expect(await search("delayed")).toEqual(["english"]);
    expect(await search("Five Hours")).toEqual(["english"]);
    expect(await search("the gate")).toEqual(["english"]);
    expect(await search("gate  nobody")).toEqual([]); // the words exist, not the phrase
  });

  it("finds a complaint by its full or partial reference and by its customer's name", async () => {
    expect(await search(made.meal!.reference)).toEqual(["meal"]);
    expect(await search(made.meal!.reference.slice(4).toLowerCase())).toEqual(["meal"]);
    expect(await search(customerName)).toEqual(["customer"]);
  });

  it("treats % and _ in the text literally, and still finds one-character texts", async () => {
    expect(await search("100%_off")).toEqual(["wildcard"]);
    expect(await search("0%_o")).toEqual(["wildcard"]);
    expect(await search("%")).toEqual(["wildcard"]);
    expect(await search("餐")).toEqual(["meal"]);
  });

  it("returns the same complaints as the plain substring conditions, for every kind of text", async () => {
    for (const q of [
      "行李",
      "餐食",
      "退票",
      "delayed",
      "Refund",
      made.refund!.reference,
      customerName,
      "100%_off",
      "轮子断",
      marker,
    ]) {
      const [byIndex, byLike] = await Promise.all([
        db.complaint.findMany({
          where: { AND: [{ teamId }, (await textMatch(q)).any] },
          select: { id: true },
          orderBy: { id: "asc" },
        }),
        db.complaint.findMany({
          where: { AND: [{ teamId }, textWhereByLike(q).any] },
          select: { id: true },
          orderBy: { id: "asc" },
        }),
      ]);
      expect(byIndex, q).toEqual(byLike);
      expect(byIndex.length, q).toBeGreaterThan(0);
    }
  });

  it("finds a complaint by the new words of a changed subject at once", async () => {
    const row = await makeComplaint({
      customerId: made.baggage
        ? (await db.complaint.findUniqueOrThrow({ where: { id: made.baggage.id } })).customerId
        : 0,
      teamId,
      subject: "旧标题",
    });
    made.changed = row;
    expect(await search("旧标")).toEqual(["changed"]);
    await db.complaint.update({ where: { id: row.id }, data: { subject: "航班取消改签" } });
    expect(await search("旧标")).toEqual([]);
    expect(await search("改签")).toEqual(["changed"]);
  });
});

describe("a word in more complaints than the index lookup reads", () => {
  it("is searched by its substring condition and still finds every complaint, exactly", async () => {
    const word = `常见${randomBytes(2).toString("hex")}`;
    const team = await makeTeam();
    const seed = await makeComplaint({
      customerId: (await makeCustomer({ name: "Many" })).id,
      teamId: team.id,
      subject: `${word} 标题`,
      description: "无",
    });
    // Copies of one complaint in SQL (hundreds of factory calls would take long): every column but the id, the
    // reference (unique) and the generated search columns.
    const columns = (
      await db.$queryRaw<{ name: string }[]>`
        SELECT column_name::text AS name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'complaints' AND column_name NOT IN ('id', 'reference', 'searchTitle', 'searchBody')`
    ).map((row) => `"${row.name}"`);
    const copies = SEARCH_CANDIDATE_CAP + 10;
    await db.$executeRawUnsafe(
      `INSERT INTO complaints (reference, ${columns.join(", ")})
       SELECT 'CMP-2026-' || lpad((900000 + n)::text, 6, '0') || '${randomBytes(2).toString("hex")}', ${columns.join(", ")}
       FROM complaints, generate_series(1, ${copies}) AS n WHERE id = $1`,
      seed.id,
    );
    const match = await textMatch(word);
    expect(JSON.stringify(match.title)).toContain("insensitive"); // ILIKE, not an id list
    const filter = queueFilterSchema.parse({ queue: "all", team: String(team.id), q: word, limit: 100 });
    expect((await listQueue(manager, filter)).rows).toHaveLength(100);
    expect(await countQueue(manager, filter)).toBe(copies + 1);
    const rare = queueFilterSchema.parse({ queue: "all", team: String(team.id), q: `${word} 标题x`, limit: 100 });
    expect(await countQueue(manager, rare)).toBe(0);
  });
});

describe("the plan", () => {
  it("reads the GIN indexes for a two-character word and an English word", async () => {
    for (const [column, q, index] of [
      ["searchTitle", "行李", "complaints_search_title_idx"],
      ["searchBody", "delayed", "complaints_search_body_idx"],
    ] as const) {
      const plan = await db.$transaction(async (tx) => {
        // The test database is small: forbid the sequential scan a few hundred rows would rightly get, so the plan
        // shows whether the index can serve the condition at all.
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
          `EXPLAIN SELECT id FROM complaints WHERE "${column}" @@ skyline_bigram_query($1) AND subject ILIKE $2 LIMIT 2001`,
          q,
          containsPattern(q),
        );
        return rows.map((row) => row["QUERY PLAN"]).join("\n");
      });
      expect(plan, plan).toContain(`Bitmap Index Scan on ${index}`);
    }
  });

  it("reads the customers' name pairs for a two-character name", async () => {
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        "EXPLAIN SELECT id FROM customers WHERE skyline_bigrams(name) @@ skyline_bigram_query($1) AND name ILIKE $2",
        "司马",
        containsPattern("司马"),
      );
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan, plan).toContain("customers_name_bigram_idx");
  });

  it("computes the character pairs of a text, folding case and whitespace", async () => {
    const [row] = await db.$queryRaw<{ vector: string; query: string; short: boolean }[]>`
      SELECT skyline_bigrams(${"行李 AB\n\tc"})::text AS vector, skyline_bigram_query(${"O'K"})::text AS query, skyline_bigram_query(${" x "}) IS NULL AS short`;
    expect(row!.vector).toBe("' a' ' c' 'ab' 'b ' '李 ' '行李'");
    expect(row!.query).toBe("'''k' & 'o'''"); // lexemes in tsvector order
    expect(row!.short).toBe(false); // " x " folds to " x ": two characters
  });
});

describe("most relevant first", () => {
  it("lists subject matches (newest first) before description matches (newest first), across pages", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const result = await listQueue(
        manager,
        queueFilterSchema.parse({ queue: "all", team: String(teamId), q: marker, sort: "relevance", limit: 2, cursor }),
      );
      seen.push(...keysOf(result.rows));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    // The customer's name holds the marker too: second tier, and older than the description matches.
    expect(seen).toEqual(["r-title-2", "r-title-1", "r-body-1", "r-body-2", "r-body-3", "customer"]);
  });
});
