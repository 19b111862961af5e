// Category and root-cause administration: validation, permission, one level of subcategories, stale edits refused,
// rows in use deactivated rather than deleted, audit rows.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  categoryVersion,
  deleteCategory,
  deleteRootCause,
  saveCategory,
  saveRootCause,
} from "@/lib/reference/categories";
import { makeCustomer, makeComplaint, makeStaff } from "./factories";

const category = (overrides: Record<string, unknown> = {}) => ({
  code: `cat-${Math.random().toString(36).slice(2, 8)}`,
  nameZh: "行李",
  nameEn: "Baggage",
  parentId: null,
  active: true,
  sortOrder: 10,
  ...overrides,
});

describe("category administration", () => {
  it("creates categories and subcategories, one level deep, with audit rows; agents are refused", async () => {
    const { actor } = await makeStaff("admin");
    const { actor: agent } = await makeStaff("agent");
    expect(await saveCategory(agent, null, category())).toMatchObject({ ok: false, error: "forbidden" });

    const parent = await saveCategory(actor, null, category({ code: "BAG" }));
    if (!parent.ok) throw new Error(JSON.stringify(parent));
    const child = await saveCategory(
      actor,
      null,
      category({ code: "BAG-DELAY", nameZh: "行李延误", nameEn: "Delayed bag", parentId: parent.id }),
    );
    if (!child.ok) throw new Error(JSON.stringify(child));
    expect(await saveCategory(actor, null, category({ parentId: child.id }))).toMatchObject({
      ok: false,
      fields: { parentId: ["too_deep"] },
    });
    expect(await saveCategory(actor, null, category({ code: "BAG", nameZh: "", sortOrder: -1 }))).toMatchObject({
      ok: false,
      fields: { nameZh: ["required"], sortOrder: ["sort_range"] },
    });
    expect(await saveCategory(actor, null, category({ code: "BAG" }))).toMatchObject({
      ok: false,
      fields: { code: ["taken"] },
    });
    expect(await saveCategory(actor, null, category({ code: "has space" }))).toMatchObject({
      ok: false,
      fields: { code: ["code_format"] },
    });
    const row = await db.category.findUniqueOrThrow({ where: { id: parent.id } });
    expect(
      await saveCategory(actor, parent.id, {
        ...category({ code: "BAG" }),
        parentId: null,
        version: categoryVersion(row),
        nameEn: "Bags",
      }).then((r) => r.ok),
    ).toBe(true);
    // A parent with children cannot become a subcategory.
    const other = await saveCategory(actor, null, category());
    if (!other.ok) throw new Error("other");
    const fresh = await db.category.findUniqueOrThrow({ where: { id: parent.id } });
    expect(
      await saveCategory(actor, parent.id, {
        ...category({ code: "BAG", nameEn: "Bags" }),
        parentId: other.id,
        version: categoryVersion(fresh),
      }),
    ).toMatchObject({ ok: false, fields: { parentId: ["has_children"] } });
    expect(
      await db.auditLog.count({
        where: {
          entityType: "category",
          action: { in: ["category.create", "category.update"] },
          actorId: actor.userId,
        },
      }),
    ).toBe(4);
  });

  it("refuses a save from a stale form", async () => {
    const { actor } = await makeStaff("admin");
    const created = await saveCategory(actor, null, category());
    if (!created.ok) throw new Error("create");
    const input = { ...category({ code: `x-${created.id}` }), version: created.version };
    expect((await saveCategory(actor, created.id, { ...input, nameEn: "First" })).ok).toBe(true);
    expect(await saveCategory(actor, created.id, { ...input, nameEn: "Second" })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect((await db.category.findUniqueOrThrow({ where: { id: created.id } })).nameEn).toBe("First");
  });

  it("deletes unused rows but only deactivates rows in use", async () => {
    const { actor } = await makeStaff("admin");
    const unused = await saveCategory(actor, null, category());
    if (!unused.ok) throw new Error("create");
    expect(await deleteCategory(actor, unused.id)).toMatchObject({ ok: true });

    const used = await saveCategory(actor, null, category());
    if (!used.ok) throw new Error("create");
    const cause = await saveRootCause(actor, null, {
      code: `RC-${used.id}`,
      nameZh: "流程缺陷",
      nameEn: "Process gap",
      categoryId: used.id,
      kind: "process",
      active: true,
    });
    if (!cause.ok) throw new Error(JSON.stringify(cause));
    const customer = await makeCustomer();
    await makeComplaint({ customerId: customer.id, categoryId: used.id, rootCauseId: cause.id });
    expect(await deleteCategory(actor, used.id)).toMatchObject({ ok: false, error: "conflict" });
    expect(await deleteRootCause(actor, cause.id)).toMatchObject({ ok: false, error: "conflict" });
    const row = await db.rootCause.findUniqueOrThrow({ where: { id: cause.id } });
    const deactivated = await saveRootCause(actor, cause.id, {
      code: row.code,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      categoryId: used.id,
      kind: "process",
      active: false,
      version: cause.version,
    });
    expect(deactivated.ok).toBe(true);
    expect((await db.rootCause.findUniqueOrThrow({ where: { id: cause.id } })).active).toBe(false);
  });

  it("validates root causes: kind, unknown category, taken code", async () => {
    const { actor } = await makeStaff("admin");
    expect(
      await saveRootCause(actor, null, {
        code: "RC-X",
        nameZh: "甲",
        nameEn: "A",
        categoryId: 999_999,
        kind: "process",
      }),
    ).toMatchObject({ ok: false, fields: { categoryId: ["unknown"] } });
    expect(
      await saveRootCause(actor, null, { code: "RC-X", nameZh: "甲", nameEn: "A", categoryId: null, kind: "weather" }),
    ).toMatchObject({ ok: false, error: "invalid" });
    expect(
      (
        await saveRootCause(actor, null, {
          code: "RC-X",
          nameZh: "甲",
          nameEn: "A",
          categoryId: null,
          kind: "external",
        })
      ).ok,
    ).toBe(true);
    expect(
      await saveRootCause(actor, null, { code: "RC-X", nameZh: "乙", nameEn: "B", categoryId: null, kind: "external" }),
    ).toMatchObject({ ok: false, fields: { code: ["taken"] } });
  });
});

describe("channel administration", () => {
  it("renames, disables and flags a channel; stale edits and agents are refused", async () => {
    const { updateChannel, channelVersion } = await import("@/lib/reference/channels");
    const { actor } = await makeStaff("admin");
    const { actor: agent } = await makeStaff("agent");
    const channel = await db.channel.create({
      data: { code: `ch-${Math.random().toString(36).slice(2, 8)}`, kind: "phone", nameZh: "电话", nameEn: "Phone" },
    });
    const version = channelVersion(channel);
    const input = { nameZh: "热线", nameEn: "Hotline", isRegulator: false, active: false, sortOrder: 5, version };
    expect(await updateChannel(agent, channel.id, input)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await updateChannel(actor, channel.id, { ...input, nameEn: "", sortOrder: 10_000 })).toMatchObject({
      ok: false,
      fields: { nameEn: ["required"], sortOrder: ["sort_range"] },
    });
    expect((await updateChannel(actor, channel.id, input)).ok).toBe(true);
    expect(await updateChannel(actor, channel.id, { ...input, active: true })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await db.channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({
      nameEn: "Hotline",
      active: false,
      sortOrder: 5,
    });
    expect(await db.auditLog.count({ where: { action: "channel.update", entityId: String(channel.id) } })).toBe(1);
  });
});
