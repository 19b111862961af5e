// Reply-template administration: create, validation (incl. unknown placeholders), code taken, stale edits refused,
// deactivation removes the template from the workspace composer's list, agents refused, audit rows written.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listReplyTemplates } from "@/lib/complaints/reply-templates";
import { saveReplyTemplate, setReplyTemplateActive } from "@/lib/reference/reply-templates";
import { makeStaff } from "./factories";

const template = (overrides: Record<string, unknown> = {}) => ({
  code: `tpl-${Math.random().toString(36).slice(2, 8)}`,
  categoryId: null,
  nameZh: "行李延误致歉",
  nameEn: "Delayed bag apology",
  subjectZh: "关于您的投诉 {{complaint.reference}}",
  subjectEn: "About your complaint {{complaint.reference}}",
  bodyZh: "尊敬的{{customer.name}}：\n我们已处理。\n{{agent.name}}",
  bodyEn: "Dear {{customer.name}},\nWe have handled it.\n{{agent.name}}",
  ...overrides,
});

describe("reply template administration", () => {
  it("creates a template with an audit row; agents are refused", async () => {
    const { actor } = await makeStaff("admin");
    const { actor: agent } = await makeStaff("agent");
    expect(await saveReplyTemplate(agent, null, template())).toMatchObject({ ok: false, error: "forbidden" });
    const category = await db.category.create({
      data: { code: `cat-${Date.now()}`, nameZh: "行李", nameEn: "Baggage" },
    });
    const created = await saveReplyTemplate(actor, null, template({ code: "bag-delay", categoryId: category.id }));
    if (!created.ok) throw new Error(JSON.stringify(created));
    const row = await db.replyTemplate.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ code: "bag-delay", categoryId: category.id, active: true, createdById: actor.userId });
    expect(created.version).toBe(row.updatedAt.toISOString());
    expect(
      await db.auditLog.count({
        where: { entityType: "reply_template", entityId: String(created.id), action: "reply_template.create" },
      }),
    ).toBe(1);
    const fresh = await db.replyTemplate.findUniqueOrThrow({ where: { id: created.id } });
    expect(
      await setReplyTemplateActive(agent, created.id, { active: false, version: fresh.updatedAt.toISOString() }),
    ).toMatchObject({ ok: false, error: "forbidden" });
    expect(await db.auditLog.count({ where: { entityType: "reply_template", entityId: String(created.id) } })).toBe(1);
  });

  it("validates fields, unknown placeholders, unknown categories and taken codes", async () => {
    const { actor } = await makeStaff("admin");
    expect(
      await saveReplyTemplate(
        actor,
        null,
        template({ code: "Has Space", nameEn: "", subjectZh: "x".repeat(201), bodyEn: "" }),
      ),
    ).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { code: ["code_format"], nameEn: ["required"], subjectZh: ["too_long"], bodyEn: ["required"] },
    });
    expect(
      await saveReplyTemplate(
        actor,
        null,
        template({
          bodyEn: "Hi {{customer.nickname}} and {{ foo }} and {{customer.name}}",
          subjectZh: "{{complaint.reference}}",
        }),
      ),
    ).toMatchObject({
      ok: false,
      fields: { bodyEn: ["unknown_placeholder:customer.nickname,foo"] },
    });
    expect(await saveReplyTemplate(actor, null, template({ bodyZh: "x".repeat(10_001) }))).toMatchObject({
      ok: false,
      fields: { bodyZh: ["too_long"] },
    });
    expect(await saveReplyTemplate(actor, null, template({ code: "a".repeat(61) }))).toMatchObject({
      ok: false,
      fields: { code: ["too_long"] },
    });
    expect(await saveReplyTemplate(actor, null, template({ categoryId: 2_000_000_000 }))).toMatchObject({
      ok: false,
      fields: { categoryId: ["unknown"] },
    });
    const first = await saveReplyTemplate(actor, null, template({ code: "dup" }));
    expect(first.ok).toBe(true);
    expect(await saveReplyTemplate(actor, null, template({ code: "dup" }))).toMatchObject({
      ok: false,
      fields: { code: ["taken"] },
    });
    expect(await db.replyTemplate.count({ where: { code: "dup" } })).toBe(1);
  });

  it("refuses a save from a stale form and keeps the first change", async () => {
    const { actor } = await makeStaff("admin");
    const created = await saveReplyTemplate(actor, null, template({ code: "stale" }));
    if (!created.ok) throw new Error(JSON.stringify(created));
    const input = { ...template({ code: "stale" }), version: created.version };
    const first = await saveReplyTemplate(actor, created.id, { ...input, nameEn: "First" });
    expect(first.ok).toBe(true);
    expect(await saveReplyTemplate(actor, created.id, { ...input, nameEn: "Second" })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await saveReplyTemplate(actor, created.id, { ...input, version: undefined })).toMatchObject({
      ok: false,
      fields: { version: ["required"] },
    });
    expect(await setReplyTemplateActive(actor, created.id, { active: false, version: created.version })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect((await db.replyTemplate.findUniqueOrThrow({ where: { id: created.id } })).nameEn).toBe("First");
    expect(
      await db.auditLog.findFirst({
        where: { entityType: "reply_template", entityId: String(created.id), action: "reply_template.update" },
        select: { changes: true },
      }),
    ).toMatchObject({ changes: { nameEn: { from: "Delayed bag apology", to: "First" } } });
  });

  it("a deactivated template is no longer offered in the workspace; activating brings it back", async () => {
    const { actor } = await makeStaff("admin");
    const created = await saveReplyTemplate(actor, null, template({ code: "offered" }));
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect((await listReplyTemplates(null)).map((row) => row.code)).toContain("offered");
    const off = await setReplyTemplateActive(actor, created.id, { active: false, version: created.version });
    if (!off.ok) throw new Error(JSON.stringify(off));
    expect((await listReplyTemplates(null)).map((row) => row.code)).not.toContain("offered");
    const on = await setReplyTemplateActive(actor, created.id, { active: true, version: off.version });
    expect(on.ok).toBe(true);
    expect((await listReplyTemplates(null)).map((row) => row.code)).toContain("offered");
    expect(
      await db.auditLog.count({
        where: {
          entityType: "reply_template",
          entityId: String(created.id),
          action: { in: ["reply_template.deactivate", "reply_template.activate"] },
        },
      }),
    ).toBe(2);
    expect(await setReplyTemplateActive(actor, 999_999, { active: false, version: off.version })).toMatchObject({
      ok: false,
      error: "not_found",
    });
  });
});
