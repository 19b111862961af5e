// Reliability (issue 8): 100 pairs of simultaneous edits of one complaint through the REST API. In every pair exactly
// one edit wins and the other gets 409; no winner's change is lost, and the version counts exactly the winners.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/mail/flush", () => ({ requestMailFlush: vi.fn(async () => true) }));

import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import * as listRoute from "@/app/api/v1/complaints/route";
import * as itemRoute from "@/app/api/v1/complaints/[reference]/route";
import { makeApiToken, makeChannel, makeSeverity } from "@/tests/integration/factories";

const PAIRS = Number(process.env.RELIABILITY_EDIT_PAIRS ?? 100);

function request(method: string, path: string, token: string, body?: unknown) {
  return new Request(`http://localhost/api/v1${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const params = (reference: string) => ({ params: Promise.resolve({ reference }) });
let token: string;
let reference: string;

beforeAll(async () => {
  token = (await makeApiToken(["complaint.read", "complaint.read_all", "complaint.create", "complaint.update"])).token;
  const [channel, severity] = await Promise.all([makeChannel(), makeSeverity()]);
  const created = await listRoute.POST(
    request("POST", "/complaints", token, {
      customer: { name: "并发测试", phone: "+86 138 0000 2222", locale: "zh-CN" },
      channelId: channel.id,
      severityId: severity.id,
      subject: "Concurrent edits",
      description: "Two agents edit this complaint at the same moment, a hundred times.",
    }),
  );
  expect(created.status).toBe(201);
  reference = ((await created.json()) as { data: { reference: string } }).data.reference;
});

afterAll(async () => {
  await stopBoss();
});

describe("simultaneous edits of one complaint", () => {
  it(`gives exactly one 409 per pair over ${PAIRS} pairs and loses no winning update`, async () => {
    const winners: string[] = [];
    let version = 1;
    for (let pair = 0; pair < PAIRS; pair += 1) {
      const subjects = [`Pair ${pair} edit A`, `Pair ${pair} edit B`];
      const responses = await Promise.all(
        subjects.map((subject) =>
          itemRoute.PATCH(request("PATCH", `/complaints/${reference}`, token, { version, subject }), params(reference)),
        ),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses, `pair ${pair}`).toEqual([200, 409]);
      const loser = responses.find((response) => response.status === 409)!;
      expect(((await loser.json()) as { error: { code: string } }).error.code).toBe("conflict");
      winners.push(subjects[responses.findIndex((response) => response.status === 200)]!);
      version += 1;
    }
    const complaint = await db.complaint.findUniqueOrThrow({
      where: { reference },
      select: { id: true, version: true, subject: true },
    });
    expect(complaint.version).toBe(1 + PAIRS);
    expect(complaint.subject).toBe(winners[winners.length - 1]);
    // Every winner's change is on the timeline, in order: nothing was silently overwritten.
    const changes = await db.complaintEvent.findMany({
      where: { complaintId: complaint.id, kind: "field_changed" },
      orderBy: { id: "asc" },
      select: { data: true },
    });
    expect(changes).toHaveLength(PAIRS);
    changes.forEach((change, index) => expect(JSON.stringify(change.data)).toContain(winners[index]));
  }, 300_000);
});
