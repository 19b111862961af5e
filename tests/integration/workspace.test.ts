import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { addStaffMessage } from "@/lib/complaints/add-message";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { updateComplaint } from "@/lib/complaints/update-complaint";
import { getComplaintFormOptions, getComplaintWorkspace } from "@/lib/complaints/workspace";
import { loadTimelineNames, presentTimeline } from "@/lib/complaints/timeline";
import { listReplyTemplates } from "@/lib/complaints/reply-templates";
import { compensationApprovalHints, listAssignableMembers } from "@/lib/complaints/workspace-context";
import { proposeCompensation } from "@/lib/compensation/service";
import { listCompensations } from "@/lib/compensation/queries";
import { makeChannel, makeSeverity, makeStaff, makeTeam } from "./factories";

const T0 = new Date("2026-11-20T02:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let agent: Actor;
let agentName: string;
let otherAgent: Actor;
let teamId: number;
let reference: string;
let categoryId: number;
let otherCategoryId: number;

beforeAll(async () => {
  const team = await makeTeam();
  teamId = team.id;
  const staff = await makeStaff("agent", [team], "李娜");
  agent = staff.actor;
  agentName = staff.user.name;
  otherAgent = (await makeStaff("agent", [await makeTeam()])).actor;
  const category = await db.category.create({ data: { code: "BAG", nameZh: "行李", nameEn: "Baggage" } });
  const otherCategory = await db.category.create({ data: { code: "FLT", nameZh: "航班", nameEn: "Flight" } });
  categoryId = category.id;
  otherCategoryId = otherCategory.id;
  await db.replyTemplate.createMany({
    data: [
      {
        code: "generic",
        nameZh: "通用",
        nameEn: "Generic",
        subjectZh: "主题",
        subjectEn: "Subject",
        bodyZh: "您好{{customer.name}}",
        bodyEn: "Hello {{customer.name}}",
      },
      {
        code: "bag",
        categoryId,
        nameZh: "行李",
        nameEn: "Baggage",
        subjectZh: "行李",
        subjectEn: "Bag",
        bodyZh: "行李",
        bodyEn: "Bag",
      },
      {
        code: "flight",
        categoryId: otherCategoryId,
        nameZh: "航班",
        nameEn: "Flight",
        subjectZh: "航班",
        subjectEn: "Flight",
        bodyZh: "航班",
        bodyEn: "Flight",
      },
      {
        code: "retired",
        active: false,
        nameZh: "停用",
        nameEn: "Retired",
        subjectZh: "停用",
        subjectEn: "Retired",
        bodyZh: "停用",
        bodyEn: "Retired",
      },
    ],
  });

  const created = await createComplaint(
    { kind: "staff", actor: agent },
    {
      customer: { name: "王小明", phone: "+86 138 0000 1111", locale: "zh-CN" },
      channelId: (await makeChannel()).id,
      severityId: (await makeSeverity()).id,
      categoryId,
      teamId,
      subject: "行李延误三天",
      description: "托运行李延误三天仍未送达，需要赔偿。",
    },
    T0,
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  reference = created.complaint.reference;

  const steps = [
    () => addStaffMessage(agent, reference, { kind: "note", body: "先查行李系统", version: 1 }, at(1)),
    () => transitionComplaint(agent, reference, { version: 2, to: "in_progress" }, at(2)),
    () => addStaffMessage(agent, reference, { kind: "reply", body: "我们正在查找您的行李。", version: 3 }, at(3)),
    () => updateComplaint(agent, reference, { version: 4, flightNumber: "MU5101", priority: "high" }, at(4)),
  ];
  for (const step of steps) {
    const result = await step();
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
});

describe("getComplaintWorkspace", () => {
  it("returns the complaint with its timeline in the order things happened", async () => {
    const workspace = await getComplaintWorkspace(agent, reference);
    expect(workspace).not.toBeNull();
    if (!workspace) return;
    expect(workspace.version).toBe(5);
    expect(workspace.status).toBe("in_progress");
    expect(workspace.allowedTransitions).toContain("resolved");
    expect(workspace.events.map((event) => event.kind)).toEqual([
      "created",
      "note",
      "status_changed",
      "reply",
      "field_changed",
    ]);
    expect(workspace.events.find((event) => event.kind === "note")?.visibility).toBe("internal");
    expect(workspace.events.find((event) => event.kind === "reply")?.visibility).toBe("customer");
  });

  it("finds nothing for an agent of another team, by reference or by id", async () => {
    const workspace = await getComplaintWorkspace(agent, reference);
    expect(await getComplaintWorkspace(otherAgent, reference)).toBeNull();
    expect(await getComplaintWorkspace(otherAgent, workspace?.id ?? 0)).toBeNull();
  });

  it("presents the timeline with names, status labels and field changes before → after", async () => {
    const workspace = await getComplaintWorkspace(agent, reference);
    if (!workspace) throw new Error("missing");
    const options = await getComplaintFormOptions();
    const items = presentTimeline(workspace.events, {
      locale: "en",
      names: await loadTimelineNames(workspace.events),
      options,
    });
    expect(items.map((item) => item.at.getTime())).toEqual(
      [...items.map((item) => item.at.getTime())].sort((a, b) => a - b),
    );
    expect(items[1]).toMatchObject({ kind: "note", actorName: agentName, body: "先查行李系统" });
    expect(items[2]?.detail).toEqual({ type: "status", from: "new", to: "in_progress" });
    const fields = items[4]?.detail;
    expect(fields?.type).toBe("fields");
    if (fields?.type === "fields") {
      expect(fields.changes).toEqual(
        expect.arrayContaining([
          { field: "flightNumber", from: null, to: "MU5101" },
          { field: "priority", from: expect.any(String), to: "high" },
        ]),
      );
    }
  });

  it("shows compensation events and who must approve a proposal above the agent's limit", async () => {
    const workspace = await getComplaintWorkspace(agent, reference);
    if (!workspace) throw new Error("missing");
    const proposed = await proposeCompensation(agent, {
      complaintId: workspace.id,
      kind: "voucher",
      amount: "1200.00",
      currency: "CNY",
      reason: "行李延误三天",
    });
    expect(proposed.ok).toBe(true);
    const list = (await listCompensations(agent, workspace.id)) ?? [];
    const hints = await compensationApprovalHints(agent, list);
    expect(hints.ownLimit).toMatchObject({ amount: "500.00", currency: "CNY" });
    expect(Object.values(hints.approverRoleById)).toEqual(["supervisor"]);

    const after = await getComplaintWorkspace(agent, reference);
    if (!after) throw new Error("missing");
    const items = presentTimeline(after.events, {
      locale: "en",
      names: await loadTimelineNames(after.events),
      options: await getComplaintFormOptions(),
    });
    expect(items.at(-1)?.detail).toEqual({
      type: "compensation",
      kind: "voucher",
      amount: "1200.00",
      currency: "CNY",
      note: null,
      needsApproval: true,
    });
  });
});

describe("workspace helpers", () => {
  it("lists active templates of the complaint's category and the generic ones, category first", async () => {
    const codes = (await listReplyTemplates(categoryId)).map((row) => row.code);
    expect(codes).toEqual(["bag", "generic"]);
    expect((await listReplyTemplates(null)).map((row) => row.code)).toEqual(["generic"]);
  });

  it("offers the team's active staff as assignees", async () => {
    const members = await listAssignableMembers(teamId);
    expect(members.map((member) => member.id)).toContain(agent.userId);
    expect(members.map((member) => member.id)).not.toContain(otherAgent.userId);
    expect(await listAssignableMembers(null)).toEqual([]);
  });
});
