// Shared rows for the SLA / escalation / notification tests: one team with agent, supervisor (the team's supervisor)
// and a manager (owner of the team's L3 department), a 24×7 default policy, and complaints with clocks inserted
// directly (in bulk when asked).
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { SlaClockKind } from "@/lib/generated/prisma/enums";
import { makeChannel, makeCustomer, makeSeverity, makeStaff, makeTeam } from "./factories";

export const MINUTE = 60_000;

export async function makeSlaWorld() {
  const team = await makeTeam();
  const agent = await makeStaff("agent", [team], "李娜");
  const otherAgent = await makeStaff("agent", [team], "王芳");
  const supervisor = await makeStaff("supervisor", [team], "张伟");
  const manager = await makeStaff("manager", [], "刘经理");
  const channel = await makeChannel();
  const severity = await makeSeverity();
  const customer = await makeCustomer();
  const calendar = await db.businessCalendar.create({
    data: {
      code: `24x7-${randomBytes(3).toString("hex")}`,
      nameZh: "全天",
      nameEn: "24×7",
      is24x7: true,
      workingHours: {},
    },
  });
  // L3 goes to the team's named department (customer relations), owned by the manager (issue 18 item 5).
  const crm = await db.department.create({
    data: {
      code: `crm-${randomBytes(3).toString("hex")}`,
      nameZh: "客户关系部",
      nameEn: "Customer relations",
      calendarId: calendar.id,
      escalationOwnerId: manager.user.id,
    },
  });
  await db.team.update({ where: { id: team.id }, data: { supervisorId: supervisor.user.id, l3DepartmentId: crm.id } });
  const policy = await db.slaPolicy.create({
    data: {
      code: `default-${randomBytes(3).toString("hex")}`,
      nameZh: "默认",
      nameEn: "Default",
      isDefault: true,
      calendarId: calendar.id,
      targets: {
        create: [
          { clock: "first_response", minutes: 60 },
          { clock: "resolution", minutes: 48 * 60 },
        ],
      },
    },
  });
  return { team, agent, otherAgent, supervisor, manager, crm, channel, severity, customer, calendar, policy };
}

export type SlaWorld = Awaited<ReturnType<typeof makeSlaWorld>>;

type ClockSpec = { kind: SlaClockKind; dueAt: Date; warnAt?: Date | null; startedAt?: Date };

let sequence = 0;

/**
 * Inserts `count` complaints of the world's team (assigned to the agent) with the given clocks, using createMany so
 * that a thousand take well under a second. Returns the complaint ids in insertion order.
 */
export async function insertDueComplaints(
  world: SlaWorld,
  count: number,
  clocks: readonly ClockSpec[],
  overrides: { escalationLevel?: number } = {},
): Promise<number[]> {
  const batch = randomBytes(3).toString("hex");
  const references = Array.from({ length: count }, () => `CMP-2026-${batch}${String(++sequence).padStart(6, "0")}`);
  await db.complaint.createMany({
    data: references.map((reference) => ({
      reference,
      customerId: world.customer.id,
      channelId: world.channel.id,
      severityId: world.severity.id,
      subject: "航班延误投诉",
      description: "The flight was delayed by five hours without information.",
      status: "in_progress" as const,
      teamId: world.team.id,
      assigneeId: world.agent.user.id,
      slaPolicyId: world.policy.id,
      escalationLevel: overrides.escalationLevel ?? 1,
      nextDueAt: clocks[0]?.dueAt ?? null,
    })),
  });
  const rows = await db.complaint.findMany({
    where: { reference: { in: references } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const ids = rows.map((row) => row.id);
  await db.slaClock.createMany({
    data: ids.flatMap((complaintId) =>
      clocks.map((clock) => ({
        complaintId,
        kind: clock.kind,
        policyId: world.policy.id,
        calendarId: world.calendar.id,
        targetMinutes: 60,
        startedAt: clock.startedAt ?? new Date(clock.dueAt.getTime() - 60 * MINUTE),
        dueAt: clock.dueAt,
        warnAt: clock.warnAt ?? null,
      })),
    ),
  });
  return ids;
}

export async function countBy(where: { complaintIds: number[] }) {
  const complaintId = { in: where.complaintIds };
  const [breached, warned, escalations, notifications] = await Promise.all([
    db.slaEvent.count({ where: { complaintId, kind: "breached" } }),
    db.slaEvent.count({ where: { complaintId, kind: "warned" } }),
    db.escalation.count({ where: { complaintId } }),
    db.notification.count({ where: { complaintId } }),
  ]);
  return { breached, warned, escalations, notifications };
}
