// Issue 15 item 21: retention cannot be set below 12 months, and anonymising a customer keeps the PII access log
// (rows pseudonymised: they point at the anonymised customer by id), so the audit trail stays traceable.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ANONYMISED_NAME } from "@/lib/customers/anonymise";
import { eraseCustomer, updateRetentionSettings } from "@/lib/customers/privacy";
import { RETENTION_SETTING, readRetentionSettings, runRetention } from "@/lib/customers/retention";
import { listPiiAccess } from "@/lib/privacy/access-log";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

type Staff = Awaited<ReturnType<typeof makeStaff>>;
let admin: Staff;
let supervisor: Staff;
let team: Awaited<ReturnType<typeof makeTeam>>;
const longAgo = () => new Date(Date.now() - 4 * 365 * 86_400_000);

beforeAll(async () => {
  team = await makeTeam();
  admin = await makeStaff("admin", []);
  supervisor = await makeStaff("supervisor", [team]);
});

describe("retention floor", () => {
  it("refuses fewer than 12 months with a field message, accepts 12, and nothing is written on refusal", async () => {
    for (const months of [1, 6, 11, "11"]) {
      expect(await updateRetentionSettings(admin.actor, { months })).toMatchObject({
        ok: false,
        error: "invalid",
        fields: { months: ["retention_range"] },
      });
    }
    expect(await db.setting.findUnique({ where: { key: RETENTION_SETTING } })).toBeNull();
    expect(await updateRetentionSettings(admin.actor, { months: 12 })).toMatchObject({
      ok: true,
      settings: { months: 12 },
    });
    expect(await updateRetentionSettings(admin.actor, { months: 241 })).toMatchObject({
      ok: false,
      fields: { months: ["retention_range"] },
    });
  });

  it("a shorter value stored before the floor existed is read as 12 months, not as the stored one", async () => {
    await db.setting.upsert({
      where: { key: RETENTION_SETTING },
      create: { key: RETENTION_SETTING, value: { months: 3 } },
      update: { value: { months: 3 } },
    });
    expect(await readRetentionSettings()).toEqual({ months: 12 });
    // A customer whose complaint closed 8 months ago is therefore kept.
    const customer = await makeCustomer({ name: "八个月前", phone: "13811113333" });
    await makeComplaint({
      customerId: customer.id,
      teamId: team.id,
      status: "closed",
      createdAt: new Date(Date.now() - 250 * 86_400_000),
      closedAt: new Date(Date.now() - 240 * 86_400_000),
    });
    await runRetention();
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).anonymizedAt).toBeNull();
  });
});

describe("anonymising keeps the PII access log", () => {
  it("retention and erasure keep who revealed which field where, pointing at the anonymised customer", async () => {
    const retained = await makeCustomer({ name: "老客户", phone: "13811114444", email: "old@example.com" });
    await makeComplaint({
      customerId: retained.id,
      teamId: team.id,
      status: "closed",
      createdAt: longAgo(),
      closedAt: longAgo(),
    });
    const erased = await makeCustomer({ name: "要求删除", phone: "13811115555" });
    for (const customer of [retained, erased]) {
      await db.piiAccessLog.createMany({
        data: [
          { userId: supervisor.user.id, customerId: customer.id, field: "phone", context: "complaint:CMP-2026-000001" },
          {
            userId: supervisor.user.id,
            customerId: customer.id,
            field: "email",
            context: `api:GET /api/v1/customers/${customer.id}`,
          },
        ],
      });
    }
    await db.setting.upsert({
      where: { key: RETENTION_SETTING },
      create: { key: RETENTION_SETTING, value: { months: 36 } },
      update: { value: { months: 36 } },
    });
    expect((await runRetention()).anonymised).toBeGreaterThanOrEqual(1);
    expect(await eraseCustomer(admin.actor, { customerId: erased.id, confirmation: String(erased.id) })).toMatchObject({
      ok: true,
    });

    for (const customer of [retained, erased]) {
      expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).name).toBe(ANONYMISED_NAME);
      const rows = await db.piiAccessLog.findMany({
        where: { customerId: customer.id },
        select: { userId: true, field: true },
        orderBy: { field: "asc" },
      });
      expect(rows).toEqual([
        { userId: supervisor.user.id, field: "email" },
        { userId: supervisor.user.id, field: "phone" },
      ]);
    }
    // The viewer still finds them, under the pseudonym (no name, no contact data).
    const found = await listPiiAccess(admin.actor, { customer: String(retained.id) });
    expect(found.rows).toHaveLength(2);
    expect(JSON.stringify(found.rows)).not.toContain("老客户");
    expect(JSON.stringify(found.rows)).not.toContain("13811114444");
  });
});
