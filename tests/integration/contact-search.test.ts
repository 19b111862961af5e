// No contact-data oracle (issue 14 item 2): without pii.view, phone and e-mail match only as whole values (and each
// hit is logged); pii.view holders keep fragment search. Covers the /customers list, the intake search and duplicate
// check, and GET /api/v1/customers?q=.
import { beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v1/customers/route";
import { db } from "@/lib/db";
import { listCustomers } from "@/lib/customers/directory";
import { findPossibleDuplicates, searchCustomers } from "@/lib/customers/queries";
import { makeApiToken, makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

type Staff = Awaited<ReturnType<typeof makeStaff>>;
let agent: Staff;
let supervisor: Staff;
let customerId: number;

const PHONE = "+86 139 2468 1357";
const EMAIL = "meiling.zhou@example.com";
const PHONE_FRAGMENTS = ["2468", "92468", "24681357", "139 2468", "468135"];
const EMAIL_FRAGMENTS = ["meiling", "zhou@example", "m", "g.z", "@example.com"];
const WHOLE_PHONES = ["13924681357", "+86 139-2468-1357", "008613924681357", "8613924681357"];

async function logRows(userId: number) {
  return db.piiAccessLog.findMany({
    where: { userId },
    select: { customerId: true, field: true, context: true },
    orderBy: { id: "asc" },
  });
}

beforeAll(async () => {
  const team = await makeTeam();
  agent = await makeStaff("agent", [team]);
  supervisor = await makeStaff("supervisor", [team]);
  const customer = await makeCustomer({ name: "周美玲", phone: PHONE, email: EMAIL, membershipNumber: "CZ5566" });
  customerId = customer.id;
  await makeComplaint({ customerId, teamId: team.id });
  // A namesake-free neighbour whose number shares the fragments but is a different whole number.
  await makeCustomer({ name: "孙伟", phone: "+86 139 2468 1350", email: "sun.wei@example.com" });
});

describe("customer search without pii.view", () => {
  it("finds nobody by a phone or e-mail fragment (list, intake search, intake duplicate check)", async () => {
    for (const q of [...PHONE_FRAGMENTS, ...EMAIL_FRAGMENTS]) {
      expect(
        (await listCustomers(agent.actor, { q })).rows.map((row) => row.id),
        q,
      ).not.toContain(customerId);
      expect(
        (await searchCustomers(agent.actor, q)).map((hit) => hit.id),
        q,
      ).not.toContain(customerId);
    }
    // Seven or more trailing digits used to count as the same phone at intake: a suffix oracle.
    for (const phone of ["2468 1357", "9 2468 1357", "39 2468 1357"]) {
      const duplicates = await findPossibleDuplicates(agent.actor, { phone }, { logContext: "test" });
      expect(
        duplicates.map((hit) => hit.id),
        phone,
      ).not.toContain(customerId);
    }
    expect(await logRows(agent.user.id)).toEqual([]);
  });

  it("finds the customer by the whole phone number in any notation, the whole e-mail in any case, name and membership number", async () => {
    for (const q of [...WHOLE_PHONES, EMAIL.toUpperCase(), "周美玲", "美玲", "cz5566"]) {
      expect(
        (await listCustomers(agent.actor, { q })).rows.map((row) => row.id),
        q,
      ).toEqual([customerId]);
      expect(
        (await searchCustomers(agent.actor, q)).map((hit) => hit.id),
        q,
      ).toEqual([customerId]);
    }
    const [hit] = await searchCustomers(agent.actor, "13924681357");
    expect(hit).toMatchObject({ phone: "+86 139****1357", email: "m***u@example.com" });
  });

  it("writes one PII access-log row per whole-value hit, naming the field and where", async () => {
    const { user, actor } = await makeStaff("agent", [
      { id: (await db.complaint.findFirstOrThrow({ where: { customerId } })).teamId ?? 0 },
    ]);
    await listCustomers(actor, { q: "139 2468 1357" });
    await searchCustomers(actor, EMAIL, { context: "search:intake" });
    await findPossibleDuplicates(
      actor,
      { phone: "13924681357", email: EMAIL },
      { logContext: "search:intake-duplicates" },
    );
    // Name and membership number are not contact data: nothing logged.
    await listCustomers(actor, { q: "周美玲" });
    await searchCustomers(actor, "CZ5566");
    expect(await logRows(user.id)).toEqual([
      { customerId, field: "phone", context: "search:customers" },
      { customerId, field: "email", context: "search:intake" },
      { customerId, field: "phone", context: "search:intake-duplicates" },
      { customerId, field: "email", context: "search:intake-duplicates" },
    ]);
  });
});

describe("customer search with pii.view", () => {
  it("still finds the customer by phone and e-mail fragments, without log rows (no value was confirmed)", async () => {
    for (const q of [...PHONE_FRAGMENTS, ...EMAIL_FRAGMENTS.filter((fragment) => fragment.length > 1)]) {
      expect(
        (await listCustomers(supervisor.actor, { q })).rows.map((row) => row.id),
        q,
      ).toContain(customerId);
      expect(
        (await searchCustomers(supervisor.actor, q)).map((hit) => hit.id),
        q,
      ).toContain(customerId);
    }
    expect(await logRows(supervisor.user.id)).toEqual([]);
  });
});

describe("GET /api/v1/customers?q=", () => {
  const get = (token: string, q: string) =>
    listRoute.GET(
      new Request(`http://localhost/api/v1/customers?q=${encodeURIComponent(q)}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
  const ids = async (response: Response) =>
    ((await response.json()) as { data: { id: number }[] }).data.map((row) => row.id);

  it("matches fragments only for tokens with pii.view, whole values (logged) for the others", async () => {
    const masked = await makeApiToken(["customer.read", "complaint.read_all"]);
    const full = await makeApiToken(["customer.read", "complaint.read_all", "pii.view"]);
    for (const q of ["2468", "1357", "meiling", "@example.com"]) {
      expect(await ids(await get(masked.token, q)), q).not.toContain(customerId);
      expect(await ids(await get(full.token, q)), q).toContain(customerId);
    }
    expect(await logRows(masked.admin.id)).toEqual([]);
    expect(await ids(await get(masked.token, "13924681357"))).toEqual([customerId]);
    expect(await ids(await get(masked.token, EMAIL))).toEqual([customerId]);
    expect(await logRows(masked.admin.id)).toEqual([
      { customerId, field: "phone", context: "api:GET /api/v1/customers?q" },
      { customerId, field: "email", context: "api:GET /api/v1/customers?q" },
    ]);
  });
});
