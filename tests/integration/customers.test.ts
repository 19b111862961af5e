import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newCustomerSchema } from "@/lib/complaints/schema";
import { findPossibleDuplicates, getCustomerPanel, searchCustomers } from "@/lib/customers/queries";
import { updateCustomerSchema } from "@/lib/customers/schema";
import { createCustomer, updateCustomer } from "@/lib/customers/service";
import { makeComplaint, makeCustomer, makeStaff, makeTeam, makeTier } from "./factories";

type Staff = Awaited<ReturnType<typeof makeStaff>>;

let agent: Staff;
let otherAgent: Staff;
let supervisor: Staff;
let tier: Awaited<ReturnType<typeof makeTier>>;
let wang: Awaited<ReturnType<typeof makeCustomer>>;

beforeAll(async () => {
  const team = await makeTeam();
  const otherTeam = await makeTeam();
  agent = await makeStaff("agent", [team]);
  otherAgent = await makeStaff("agent", [otherTeam]);
  supervisor = await makeStaff("supervisor", [team]);
  tier = await makeTier({ code: "gold", nameZh: "金卡", nameEn: "Gold" });
  wang = await makeCustomer({
    name: "王小明",
    phone: "+86 138 1234 5678",
    email: "xiaoming.wang@example.com",
    membershipNumber: "SK12345678",
    tierId: tier.id,
    tags: ["VIP"],
    specialNeeds: "轮椅协助",
    valueScore: 87,
  });
  await makeComplaint({ customerId: wang.id, teamId: team.id, status: "in_progress" });
  await makeComplaint({ customerId: wang.id, teamId: team.id, status: "closed", subject: "行李破损" });
});

describe("customer search", () => {
  it("finds a customer by a fragment of a Chinese name, masked for agents", async () => {
    const hits = await searchCustomers(agent.actor, "小明");
    expect(hits).toEqual([
      {
        id: wang.id,
        name: "王小明",
        phone: "+86 138****5678",
        email: "x***g@example.com",
        membershipNumber: "SK12345678",
        tier: { code: "gold", nameZh: "金卡", nameEn: "Gold" },
        tags: ["VIP"],
        openComplaintCount: 1,
      },
    ]);
  });

  it("masks contact data for supervisors too: they reveal single fields through lib/privacy (logged)", async () => {
    const [hit] = await searchCustomers(supervisor.actor, "王小明");
    expect(hit).toMatchObject({ phone: "+86 138****5678", email: "x***g@example.com" });
  });

  it("finds by phone digits whatever the formatting, by e-mail in any case, and by membership number", async () => {
    for (const query of ["13812345678", "138-1234-5678", "XIAOMING.WANG@example.com", "sk12345678"]) {
      const hits = await searchCustomers(agent.actor, query);
      expect(
        hits.map((hit) => hit.id),
        query,
      ).toContain(wang.id);
    }
    // Fragments of contact data only with pii.view (tests/integration/contact-search.test.ts).
    expect((await searchCustomers(supervisor.actor, "1234 5678")).map((hit) => hit.id)).toContain(wang.id);
    expect((await searchCustomers(agent.actor, "1234 5678")).map((hit) => hit.id)).not.toContain(wang.id);
  });

  it("leaves out merged and anonymised customers and customers of other teams", async () => {
    const survivor = await makeCustomer({ name: "王小明合并后" });
    await makeCustomer({ name: "王小明旧档", mergedIntoId: survivor.id });
    await makeCustomer({ name: "王小明已匿名", anonymizedAt: new Date() });
    const names = (await searchCustomers(agent.actor, "王小明")).map((hit) => hit.name);
    expect(names).toContain("王小明合并后");
    expect(names).not.toContain("王小明旧档");
    expect(names).not.toContain("王小明已匿名");
    // Wang's complaints all belong to the first team.
    expect((await searchCustomers(otherAgent.actor, "王小明")).map((hit) => hit.id)).not.toContain(wang.id);
  });
});

describe("possible duplicates at intake", () => {
  it("ranks same phone, e-mail or membership number as strong and a similar name as weak", async () => {
    const namesake = await makeCustomer({ name: "王小明明", phone: "+86 150 0000 1111" });
    const duplicates = await findPossibleDuplicates(supervisor.actor, {
      name: "王小明",
      phone: "138 1234 5678", // no country code this time
      email: "XiaoMing.Wang@Example.com",
    });
    expect(duplicates[0]).toMatchObject({ id: wang.id, strength: "strong" });
    expect(duplicates[0]?.reasons).toEqual(expect.arrayContaining(["phone", "email", "similar_name"]));
    const weak = duplicates.find((duplicate) => duplicate.id === namesake.id);
    expect(weak).toMatchObject({ strength: "weak", reasons: ["similar_name"] });
    expect(weak?.nameSimilarity).toBeGreaterThan(0.4);
  });

  it("finds a strong match by membership number alone and nothing for a stranger", async () => {
    expect(await findPossibleDuplicates(agent.actor, { membershipNumber: "sk12345678" })).toMatchObject([
      { id: wang.id, strength: "strong", reasons: ["membership_number"] },
    ]);
    expect(await findPossibleDuplicates(agent.actor, { name: "Olivia Smith", phone: "+44 20 7946 0000" })).toEqual([]);
  });
});

describe("creating a customer at intake", () => {
  it("stores the e-mail lower-case and audits the creation inside the caller's transaction", async () => {
    const input = newCustomerSchema.parse({
      name: "Lina Wang",
      email: "Lina.Wang@Example.com",
      locale: "en",
      tierId: tier.id,
    });
    const result = await db.$transaction((tx) => createCustomer(tx, agent.actor, input));
    expect(result).toMatchObject({
      ok: true,
      customer: { name: "Lina Wang", email: "lina.wang@example.com", locale: "en", tierId: tier.id },
    });
    if (!result.ok) return;
    const audit = await db.auditLog.findFirst({
      where: { action: "customer.create", entityId: String(result.customer.id) },
    });
    expect(audit?.actorId).toBe(agent.user.id);
  });

  it("rejects an unknown tier as a field error", async () => {
    const input = newCustomerSchema.parse({ name: "Lina Wang", phone: "13900001111", tierId: 999_999 });
    const result = await db.$transaction((tx) => createCustomer(tx, agent.actor, input));
    expect(result).toMatchObject({ ok: false, error: "invalid", fields: { tierId: ["not_found"] } });
  });
});

describe("updating a customer", () => {
  it("saves with the current version, bumps it and audits before/after", async () => {
    const customer = await makeCustomer({ name: "李华", phone: "13700001111" });
    const result = await updateCustomer(
      agent.actor,
      customer.id,
      updateCustomerSchema.parse({ version: 1, email: "Li.Hua@Example.com", tags: ["VIP", "VIP"] }),
    );
    expect(result).toMatchObject({ ok: true, customer: { version: 2, email: "li.hua@example.com", tags: ["VIP"] } });
    const audit = await db.auditLog.findFirst({ where: { action: "customer.update", entityId: String(customer.id) } });
    expect(audit?.changes).toEqual({
      email: { from: null, to: "li.hua@example.com" },
      tags: { from: [], to: ["VIP"] },
    });
  });

  it("answers a stale version with a conflict carrying the current values", async () => {
    const customer = await makeCustomer({ name: "张伟", phone: "13600001111" });
    expect(
      await updateCustomer(
        supervisor.actor,
        customer.id,
        updateCustomerSchema.parse({ version: 1, company: "Skyline Travel" }),
      ),
    ).toMatchObject({ ok: true });
    const stale = await updateCustomer(
      supervisor.actor,
      customer.id,
      updateCustomerSchema.parse({ version: 1, company: "Other Co" }),
    );
    expect(stale).toMatchObject({
      ok: false,
      error: "conflict",
      details: { current: { version: 2, company: "Skyline Travel" } },
    });
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).company).toBe("Skyline Travel");
  });

  it("does not find customers of another team, and sends identity changes by agents to review", async () => {
    expect(
      await updateCustomer(otherAgent.actor, wang.id, updateCustomerSchema.parse({ version: 1, company: "X" })),
    ).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(
      await updateCustomer(agent.actor, wang.id, updateCustomerSchema.parse({ version: 1, name: "王晓明" })),
    ).toMatchObject({
      ok: false,
      error: "forbidden",
      fields: { name: ["change_request_required"] },
    });
  });

  it("refuses to remove the last way of contacting the customer", async () => {
    const customer = await makeCustomer({ name: "赵敏", phone: "13500001111", email: null });
    expect(
      await updateCustomer(agent.actor, customer.id, updateCustomerSchema.parse({ version: 1, phone: "" })),
    ).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { phone: ["contact_required"] },
    });
  });
});

describe("customer panel", () => {
  it("shows profile, tier, history, open count and the latest CSAT, masked for agents", async () => {
    const complaint = await db.complaint.findFirstOrThrow({ where: { customerId: wang.id, status: "closed" } });
    const survey = await db.survey.create({
      data: {
        complaintId: complaint.id,
        customerId: wang.id,
        tokenHash: `hash-${wang.id}`,
        locale: "zh_CN",
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await db.surveyResponse.create({ data: { surveyId: survey.id, complaintId: complaint.id, csat: 4 } });

    const panel = await getCustomerPanel(agent.actor, wang.id);
    expect(panel).toMatchObject({
      name: "王小明",
      phone: "+86 138****5678",
      tier: { code: "gold" },
      tags: ["VIP"],
      specialNeeds: "轮椅协助",
      valueScore: 87,
      openComplaintCount: 1,
      lastCsat: { score: 4, complaintId: complaint.id },
    });
    expect(panel?.recentComplaints.map((row) => row.status).sort()).toEqual(["closed", "in_progress"]);
    expect(await getCustomerPanel(otherAgent.actor, wang.id)).toBeNull();
  });
});
