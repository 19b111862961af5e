// Industry template chooser: applies the template's reference data idempotently, only while there are no complaints.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyIndustryTemplate, setupStatus } from "@/lib/setup/industry-template";
import { makeComplaint, makeCustomer, makeStaff } from "./factories";

describe("industry template chooser", () => {
  it("applies a template twice without duplicates, then refuses once a complaint exists", async () => {
    const { actor } = await makeStaff("admin");
    const { actor: agent } = await makeStaff("agent");
    expect(await applyIndustryTemplate(agent, "airline")).toMatchObject({ ok: false, error: "forbidden" });
    expect(await applyIndustryTemplate(actor, "bakery")).toMatchObject({ ok: false, error: "invalid" });

    expect(await applyIndustryTemplate(actor, "enterprise")).toMatchObject({ ok: true, template: "enterprise" });
    const counts = async () => ({
      categories: await db.category.count(),
      causes: await db.rootCause.count(),
      channels: await db.channel.count(),
      policies: await db.slaPolicy.count(),
      replies: await db.replyTemplate.count(),
    });
    const first = await counts();
    expect(first.categories).toBeGreaterThan(0);
    expect(first.policies).toBeGreaterThan(0);
    expect((await setupStatus()).current).toBe("enterprise");
    expect(await applyIndustryTemplate(actor, "enterprise")).toMatchObject({ ok: true });
    expect(await counts()).toEqual(first);
    expect(await db.auditLog.count({ where: { action: "setup.apply_template" } })).toBe(2);

    const customer = await makeCustomer();
    const [channel, severity] = await Promise.all([db.channel.findFirstOrThrow(), db.severity.findFirstOrThrow()]);
    await makeComplaint({ customerId: customer.id, channelId: channel.id, severityId: severity.id });
    expect(await applyIndustryTemplate(actor, "airline")).toMatchObject({ ok: false, error: "unprocessable" });
    expect(await counts()).toEqual(first);
    expect((await setupStatus()).complaints).toBe(1);
  });
});
