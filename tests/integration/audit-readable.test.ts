// Issue 15 item 10: the audit log names complaints by reference and shows reference data by name in the reader's
// language, with statuses and priorities as vocabulary the page translates.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { updateComplaint } from "@/lib/complaints/update-complaint";
import { listAuditLog, type AuditRow } from "@/lib/audit/queries";
import { presentAuditRows } from "@/lib/audit/present";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { makeChannel, makeStaff, makeTeam } from "./factories";

let agent: Actor;
let admin: Actor;
let reference: string;
let complaintId: number;
let severe: { id: number };

beforeAll(async () => {
  const team = await makeTeam();
  agent = (await makeStaff("agent", [team])).actor;
  admin = (await makeStaff("admin")).actor;
  const mild = await db.severity.create({ data: { code: "mild-audit", nameZh: "一般", nameEn: "General", rank: 4 } });
  severe = await db.severity.create({ data: { code: "severe-audit", nameZh: "严重", nameEn: "Severe", rank: 2 } });
  const created = await createComplaint(
    { kind: "staff", actor: agent },
    {
      customer: { name: "王小明", phone: "+86 138 0000 1111", locale: "zh-CN" },
      channelId: (await makeChannel()).id,
      severityId: mild.id,
      teamId: team.id,
      subject: "行李延误",
      description: "托运行李延误三天仍未送达。",
    },
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  reference = created.complaint.reference;
  complaintId = created.complaint.id;
  expect(
    await updateComplaint(agent, reference, { version: 1, severityId: severe.id, priority: "high" }),
  ).toMatchObject({ ok: true });
  expect(await transitionComplaint(agent, reference, { version: 2, to: "in_progress" })).toMatchObject({ ok: true });
});

describe("readable audit log", () => {
  it("names the complaint by reference and reference ids by their name in the reader's language", async () => {
    const { rows } = await listAuditLog(admin, { entityType: "complaint", entityId: String(complaintId) });
    const zhRows = await presentAuditRows(rows, "zh-CN");
    const update = zhRows.find((row) => row.action === "complaint.update");
    expect(update?.entityName).toBe(reference);
    expect(update?.changes).toEqual(
      expect.arrayContaining([
        { field: "severityId", from: { kind: "name", text: "一般" }, to: { kind: "name", text: "严重" } },
        expect.objectContaining({
          field: "priority",
          to: { kind: "vocabulary", vocabulary: "priority", code: "high" },
        }),
      ]),
    );
    const transition = zhRows.find((row) => row.action === "complaint.transition");
    expect(transition?.changes[0]).toEqual({
      field: "status",
      from: { kind: "vocabulary", vocabulary: "status", code: "new" },
      to: { kind: "vocabulary", vocabulary: "status", code: "in_progress" },
    });

    const enUpdate = (await presentAuditRows(rows, "en")).find((row) => row.action === "complaint.update");
    expect(enUpdate?.changes.find((change) => change.field === "severityId")?.to).toEqual({
      kind: "name",
      text: "Severe",
    });
  });

  it("a department request's urgency is vocabulary the page translates, not the stored code", async () => {
    const presented = await presentAuditRows(
      [
        {
          id: 0,
          createdAt: new Date(),
          actorType: "user",
          actor: null,
          action: "investigation.request",
          entityType: "complaint",
          entityId: String(complaintId),
          changes: { urgency: "urgent" },
          ip: null,
        } satisfies AuditRow,
      ],
      "zh-CN",
    );
    expect(presented[0]?.changes).toEqual([
      { field: "urgency", value: { kind: "vocabulary", vocabulary: "urgency", code: "urgent" } },
    ]);
  });

  it("a record changed whole (an incident's scope) reads as one labelled change per field that differs", async () => {
    const category = await db.category.create({
      data: { code: `audit-scope-${Date.now()}`, nameZh: "行李", nameEn: "Baggage" },
    });
    const [row] = await presentAuditRows(
      [
        {
          id: 0,
          createdAt: new Date(),
          actorType: "user",
          actor: null,
          action: "incident.scope",
          entityType: "incident",
          entityId: "1",
          changes: {
            from: { airports: ["PEK"], keywords: ["延误"], categoryIds: [] },
            to: { airports: ["PEK", "PVG"], keywords: ["延误"], categoryIds: [category.id] },
          },
          ip: null,
        } satisfies AuditRow,
      ],
      "zh-CN",
    );
    expect(row?.changes).toEqual([
      { field: "airports", from: { kind: "text", text: "PEK" }, to: { kind: "text", text: "PEK, PVG" } },
      { field: "categoryIds", from: { kind: "empty" }, to: { kind: "name", text: category.nameZh } },
    ]);
    for (const change of row?.changes ?? []) {
      expect((zh.auditLog.readable.fields as Record<string, string>)[change.field]).toEqual(expect.any(String));
      expect((en.auditLog.readable.fields as Record<string, string>)[change.field]).toEqual(expect.any(String));
    }
  });

  it("every action, entity type and field written here has a label in both languages", async () => {
    const { rows } = await listAuditLog(admin, {});
    const at = (tree: unknown, path: string) =>
      path
        .split(".")
        .reduce<unknown>(
          (node, part) =>
            typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined,
          tree,
        );
    for (const row of rows) {
      for (const catalog of [en, zh]) {
        expect(typeof at(catalog.auditLog.readable.actions, row.action), row.action).toBe("string");
        expect(typeof at(catalog.auditLog.readable.entities, row.entityType), row.entityType).toBe("string");
        for (const field of Object.keys(
          typeof row.changes === "object" && row.changes !== null && !Array.isArray(row.changes) ? row.changes : {},
        )) {
          expect(typeof at(catalog.auditLog.readable.fields, field), `${row.action}: ${field}`).toBe("string");
        }
      }
    }
  });
});
