// Escalation to a named department (issue 18 item 5): L3/L4 go to the team's department or the department that takes
// the level by default, owned by that department's escalation owner; an agent may address an escalation to a named
// department (legal, finance …); owners and defaults are configured on the department and team admin pages.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateDepartment } from "@/lib/departments/service";
import { EXECUTIVE_SETTING } from "@/lib/escalations/owners";
import { requestEscalation } from "@/lib/escalations/request-escalation";
import { processDueClocks } from "@/lib/sla/sweeper";
import { updateTeam } from "@/lib/users/team-service";
import { makeStaff } from "./factories";
import { insertDueComplaints, makeSlaWorld, MINUTE, type SlaWorld } from "./sla-fixtures";

const T0 = new Date("2026-11-20T02:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
let world: SlaWorld;

beforeAll(async () => {
  world = await makeSlaWorld();
});

const department = (
  code: string,
  data: {
    escalationOwnerId?: number | null;
    escalationLevel?: number | null;
    headId?: number | null;
    kind?: "internal" | "supplier";
  } = {},
) =>
  db.department.create({
    data: {
      code: `${code}-${Math.random().toString(36).slice(2, 8)}`,
      nameZh: code === "legal" ? "法务部" : `部门 ${code}`,
      nameEn: code === "legal" ? "Legal" : `Dept ${code}`,
      calendarId: world.calendar.id,
      ...data,
    },
  });

async function breachAt(level: number) {
  const [id] = await insertDueComplaints(world, 1, [{ kind: "resolution", dueAt: at(60), warnAt: at(45) }], {
    escalationLevel: level,
  });
  if (id === undefined) throw new Error("no complaint");
  await processDueClocks({ now: at(61) });
  return {
    id,
    escalation: await db.escalation.findFirstOrThrow({
      where: { complaintId: id, outcome: "open" },
      select: { level: true, ownerId: true, departmentId: true },
    }),
  };
}

describe("escalation owners by department", () => {
  it("L3 goes to the team's department and its owner; without one, to the department taking L3 by default", async () => {
    expect((await breachAt(2)).escalation).toEqual({
      level: 3,
      ownerId: world.manager.user.id,
      departmentId: world.crm.id,
    });

    const quality = await makeStaff("manager", [], "质量经理");
    const fallback = await department("quality", { escalationOwnerId: quality.user.id, escalationLevel: 3 });
    await db.team.update({ where: { id: world.team.id }, data: { l3DepartmentId: null } });
    try {
      const { id, escalation } = await breachAt(2);
      expect(escalation).toEqual({ level: 3, ownerId: quality.user.id, departmentId: fallback.id });
      const event = await db.complaintEvent.findFirstOrThrow({
        where: { complaintId: id, kind: "escalated" },
        orderBy: { id: "desc" },
      });
      expect(event.data).toMatchObject({
        level: 3,
        departmentId: fallback.id,
        department: { nameZh: fallback.nameZh, nameEn: fallback.nameEn },
      });
      expect(
        await db.notification.count({
          where: { complaintId: id, userId: quality.user.id, kind: "escalation.assigned" },
        }),
      ).toBe(1);
    } finally {
      await db.department.update({ where: { id: fallback.id }, data: { escalationLevel: null } });
      await db.team.update({ where: { id: world.team.id }, data: { l3DepartmentId: world.crm.id } });
    }
  });

  it("L4 goes to the department taking L4; without one, to the executive setting, else to the L3 owner", async () => {
    expect((await breachAt(3)).escalation).toEqual({
      level: 4,
      ownerId: world.manager.user.id,
      departmentId: world.crm.id,
    });

    const executive = await makeStaff("manager", [], "总经理");
    await db.setting.upsert({
      where: { key: EXECUTIVE_SETTING },
      create: { key: EXECUTIVE_SETTING, value: String(executive.user.id) },
      update: { value: String(executive.user.id) },
    });
    expect((await breachAt(3)).escalation).toEqual({ level: 4, ownerId: executive.user.id, departmentId: null });

    const director = await makeStaff("manager", [], "运营总监");
    const operations = await department("operations", { escalationOwnerId: director.user.id });
    await db.team.update({ where: { id: world.team.id }, data: { l4DepartmentId: operations.id } });
    try {
      expect((await breachAt(3)).escalation).toEqual({
        level: 4,
        ownerId: director.user.id,
        departmentId: operations.id,
      });
    } finally {
      await db.team.update({ where: { id: world.team.id }, data: { l4DepartmentId: null } });
      await db.setting.delete({ where: { key: EXECUTIVE_SETTING } });
    }
  });

  it("a department's owner is its escalation owner, else its head when staff — never a liaison", async () => {
    const liaison = await makeStaff("liaison", [], "联络员");
    const finance = await department("finance", { headId: liaison.user.id });
    await db.team.update({ where: { id: world.team.id }, data: { l3DepartmentId: finance.id } });
    try {
      expect((await breachAt(2)).escalation).toEqual({ level: 3, ownerId: null, departmentId: finance.id });
      const head = await makeStaff("supervisor", [], "财务主管");
      await db.department.update({ where: { id: finance.id }, data: { headId: head.user.id } });
      expect((await breachAt(2)).escalation).toEqual({ level: 3, ownerId: head.user.id, departmentId: finance.id });
    } finally {
      await db.team.update({ where: { id: world.team.id }, data: { l3DepartmentId: world.crm.id } });
    }
  });
});

describe("manual escalation to a named department", () => {
  it("addresses the escalation to the department chosen by the agent, whose owner takes it", async () => {
    const counsel = await makeStaff("manager", [], "法务经理");
    const legal = await department("legal", { escalationOwnerId: counsel.user.id });
    const [id] = await insertDueComplaints(world, 1, [{ kind: "resolution", dueAt: at(6000) }]);
    const reference = id!;

    const unknown = await requestEscalation(world.agent.actor, reference, {
      version: 1,
      reason: "regulator",
      note: "旅客称将起诉",
      departmentId: 2_000_000,
    });
    expect(unknown).toMatchObject({ ok: false, error: "invalid", fields: { departmentId: ["not_found"] } });
    expect(
      await requestEscalation(world.agent.actor, reference, {
        version: 1,
        reason: "regulator",
        note: "x",
        departmentId: "legal",
      }),
    ).toMatchObject({ ok: false, error: "invalid", fields: { departmentId: expect.any(Array) } });

    const done = await requestEscalation(world.agent.actor, reference, {
      version: 1,
      reason: "regulator",
      note: "旅客称将起诉",
      departmentId: legal.id,
    });
    expect(done).toMatchObject({ ok: true, level: 2, ownerId: counsel.user.id, departmentId: legal.id });
    expect(
      await db.escalation.findFirstOrThrow({
        where: { complaintId: id },
        select: { level: true, ownerId: true, departmentId: true },
      }),
    ).toEqual({ level: 2, ownerId: counsel.user.id, departmentId: legal.id });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "complaint", entityId: String(id), action: "complaint.escalate" },
    });
    expect(audit.changes).toMatchObject({ departmentId: legal.id, ownerId: counsel.user.id });
    expect(
      await db.notification.count({ where: { complaintId: id, userId: counsel.user.id, kind: "escalation.assigned" } }),
    ).toBe(1);
  });

  it("a named department without an owner still gets the escalation; the level's owner takes it meanwhile", async () => {
    const orphan = await department("orphan");
    const [id] = await insertDueComplaints(world, 1, [{ kind: "resolution", dueAt: at(6000) }]);
    const reference = id!;
    const done = await requestEscalation(world.agent.actor, reference, {
      version: 1,
      reason: "multi_department",
      note: "需要运营协调",
      departmentId: orphan.id,
    });
    expect(done).toMatchObject({ ok: true, level: 2, ownerId: world.supervisor.user.id, departmentId: orphan.id });
  });
});

describe("configuration on the admin pages", () => {
  it("a department's escalation owner must be staff; one department per default level; suppliers take none; audited", async () => {
    const admin = await makeStaff("admin");
    const liaison = await makeStaff("liaison");
    const row = await department("ops");
    const base = {
      version: 1,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      headId: null,
      liaisonIds: [],
      calendarId: world.calendar.id,
      urgentDays: 1,
      normalDays: 3,
      investigationDays: 15,
      active: true,
    };
    expect(await updateDepartment(admin.actor, row.id, { ...base, escalationOwnerId: liaison.user.id })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { escalationOwnerId: ["invalid_owner"] },
    });
    expect(await updateDepartment(admin.actor, row.id, { ...base, escalationLevel: 5 })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { escalationLevel: expect.any(Array) },
    });
    expect(
      await updateDepartment(world.agent.actor, row.id, { ...base, escalationOwnerId: world.manager.user.id }),
    ).toMatchObject({ ok: false, error: "forbidden" });

    const done = await updateDepartment(admin.actor, row.id, {
      ...base,
      escalationOwnerId: world.manager.user.id,
      escalationLevel: 4,
    });
    expect(done).toMatchObject({ ok: true, department: { version: 2 } });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "department", entityId: String(row.id), action: "department.updated" },
    });
    expect(audit.changes).toMatchObject({
      escalationOwnerId: { from: null, to: world.manager.user.id },
      escalationLevel: { from: null, to: 4 },
    });

    const other = await department("ops2");
    expect(await updateDepartment(admin.actor, other.id, { ...base, escalationLevel: 4 })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { escalationLevel: ["taken"] },
    });
    const supplier = await department("hotel", { kind: "supplier" });
    expect(await updateDepartment(admin.actor, supplier.id, { ...base, escalationLevel: 3 })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { escalationLevel: ["supplier"] },
    });
    await db.department.update({ where: { id: row.id }, data: { escalationLevel: null } });
  });

  it("a team names its L3/L4 departments: active internal ones only, audited, left unchanged when not sent", async () => {
    const admin = await makeStaff("admin");
    const supplier = await department("tours", { kind: "supplier" });
    const team = await db.team.findUniqueOrThrow({ where: { id: world.team.id }, select: { updatedAt: true } });
    const base = {
      id: world.team.id,
      nameZh: world.team.nameZh,
      nameEn: world.team.nameEn,
      supervisorId: world.supervisor.user.id,
      memberIds: [world.agent.user.id, world.otherAgent.user.id, world.supervisor.user.id],
    };
    const refused = await updateTeam(admin.actor, {
      ...base,
      expectedUpdatedAt: team.updatedAt.toISOString(),
      l4DepartmentId: supplier.id,
    });
    expect(refused).toMatchObject({ ok: false, error: "invalid", fields: { l4DepartmentId: ["invalid_department"] } });

    const legal = await department("legal");
    const done = await updateTeam(admin.actor, {
      ...base,
      expectedUpdatedAt: team.updatedAt.toISOString(),
      l4DepartmentId: legal.id,
    });
    expect(done.ok).toBe(true);
    expect(
      await db.team.findUniqueOrThrow({
        where: { id: world.team.id },
        select: { l3DepartmentId: true, l4DepartmentId: true },
      }),
    ).toEqual({ l3DepartmentId: world.crm.id, l4DepartmentId: legal.id });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "team", entityId: String(world.team.id), action: "team.update" },
      orderBy: { id: "desc" },
    });
    expect(audit.changes).toMatchObject({ l4DepartmentId: { from: null, to: legal.id } });
    await db.team.update({ where: { id: world.team.id }, data: { l4DepartmentId: null } });
  });
});
