// Follow-up tasks (回访): created on the customer page, completed/reopened by the assignee or a colleague, listed
// in the assignee's "My tasks" (which also shows tasks created by other flows, e.g. low survey scores).
import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/log";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fail, type Result } from "@/lib/errors";
import type { TaskKind, TaskStatus } from "@/lib/generated/prisma/enums";
import { activeCustomer, customerScope } from "@/lib/customers/scope";
import { idSchema } from "@/lib/validation";

const DAY_MS = 24 * 60 * 60 * 1000;

export const createTaskSchema = z.object({
  customerId: idSchema,
  title: z.string().trim().min(1, "required").max(500, "too_long"),
  dueAt: z.coerce.date({ error: "invalid_date" }).refine((date) => !Number.isNaN(date.getTime()), "invalid_date"),
  assigneeId: idSchema.nullable().optional(),
  complaintReference: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((value) => (value ? value.toUpperCase() : undefined)),
});
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

export const setTaskStatusSchema = z.object({ taskId: idSchema, status: z.enum(["open", "done"]) });

/** Staff a task can be assigned to: active agents, supervisors and managers (admins do not work customer tasks). */
export async function listTaskAssignees() {
  return db.user.findMany({
    where: { active: true, role: { in: ["agent", "supervisor", "manager"] } },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
}

export async function createFollowUpTask(
  actor: Actor,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ taskId: number }>> {
  if (!can(actor, "customer.update")) return fail("forbidden", "You may not create follow-up tasks.");
  const parsed = createTaskSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", "Check the highlighted fields.", { fields: z.flattenError(parsed.error).fieldErrors });
  const input = parsed.data;
  if (input.dueAt.getTime() < now.getTime() - DAY_MS)
    return fail("invalid", "The due date is in the past.", { fields: { dueAt: ["past"] } });

  return db.$transaction(async (tx): Promise<Result<{ taskId: number }>> => {
    const customer = await tx.customer.findFirst({
      where: { AND: [{ id: input.customerId }, customerScope(actor), activeCustomer] },
      select: { id: true },
    });
    if (!customer) return fail("not_found", "Customer not found.");
    const assigneeId = input.assigneeId ?? actor.userId;
    const assignee = await tx.user.findFirst({
      where: { id: assigneeId, active: true, role: { in: ["agent", "supervisor", "manager"] } },
      select: { id: true, memberships: { select: { teamId: true }, take: 1 } },
    });
    if (!assignee) return fail("invalid", "Choose an active colleague.", { fields: { assigneeId: ["not_found"] } });
    let complaintId: number | null = null;
    let teamId: number | null = assignee.memberships[0]?.teamId ?? null;
    if (input.complaintReference) {
      const complaint = await tx.complaint.findFirst({
        where: { reference: input.complaintReference, customerId: customer.id },
        select: { id: true, teamId: true },
      });
      if (!complaint)
        return fail("invalid", "No complaint of this customer has that reference.", {
          fields: { complaintReference: ["not_found"] },
        });
      complaintId = complaint.id;
      teamId = complaint.teamId ?? teamId;
    }
    const task = await tx.followUpTask.create({
      data: {
        kind: "callback",
        customerId: customer.id,
        complaintId,
        assigneeId,
        teamId,
        dueAt: input.dueAt,
        note: input.title,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "task.create",
      entityType: "follow_up_task",
      entityId: String(task.id),
      changes: {
        customerId: customer.id,
        complaintId,
        assigneeId,
        dueAt: input.dueAt.toISOString(),
        title: input.title,
      },
    });
    return { ok: true, taskId: task.id };
  });
}

/**
 * Completes or reopens a task. The assignee may always do it; others need `customer.update` and the customer in
 * their scope. Setting the state a task already has is a no-op success (double clicks, two tabs).
 */
export async function setTaskStatus(
  actor: Actor,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ status: TaskStatus; customerId: number }>> {
  const parsed = setTaskStatusSchema.safeParse(raw);
  if (!parsed.success) return fail("invalid", "Invalid task change.");
  const { taskId, status } = parsed.data;
  return db.$transaction(async (tx): Promise<Result<{ status: TaskStatus; customerId: number }>> => {
    const [locked] = await tx.$queryRaw<
      { id: number }[]
    >`SELECT id FROM follow_up_tasks WHERE id = ${taskId} FOR UPDATE`;
    if (!locked) return fail("not_found", "Task not found.");
    const task = await tx.followUpTask.findUniqueOrThrow({
      where: { id: taskId },
      select: { status: true, assigneeId: true, customerId: true },
    });
    const mine = task.assigneeId === actor.userId && can(actor, "customer.read");
    if (!mine) {
      if (!can(actor, "customer.update")) return fail("forbidden", "You may not change this task.");
      const visible = await tx.customer.count({ where: { AND: [{ id: task.customerId }, customerScope(actor)] } });
      if (visible === 0) return fail("not_found", "Task not found.");
    }
    if (task.status === status) return { ok: true, status, customerId: task.customerId };
    if (task.status === "cancelled") return fail("unprocessable", "The task was cancelled.");
    await tx.followUpTask.update({
      where: { id: taskId },
      data: { status, completedAt: status === "done" ? now : null },
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: status === "done" ? "task.complete" : "task.reopen",
      entityType: "follow_up_task",
      entityId: String(taskId),
      changes: { status: { from: task.status, to: status } },
    });
    return { ok: true, status, customerId: task.customerId };
  });
}

export type MyTask = {
  id: number;
  kind: TaskKind;
  dueAt: Date;
  note: string | null;
  customer: { id: number; name: string };
  complaint: { reference: string } | null;
};

const MY_TASK_LIMIT = 200;

/** The signed-in user's open tasks, due first (all kinds: call-backs, VIP care, low-score follow-ups). */
export async function listMyTasks(actor: Actor): Promise<MyTask[]> {
  if (!can(actor, "customer.read")) return [];
  return db.followUpTask.findMany({
    where: { assigneeId: actor.userId, status: "open" },
    select: {
      id: true,
      kind: true,
      dueAt: true,
      note: true,
      customer: { select: { id: true, name: true } },
      complaint: { select: { reference: true } },
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: MY_TASK_LIMIT,
  });
}

export async function countMyOpenTasks(actor: Actor, now = new Date()): Promise<{ open: number; overdue: number }> {
  if (!can(actor, "customer.read")) return { open: 0, overdue: 0 };
  const [open, overdue] = await Promise.all([
    db.followUpTask.count({ where: { assigneeId: actor.userId, status: "open" } }),
    db.followUpTask.count({ where: { assigneeId: actor.userId, status: "open", dueAt: { lt: now } } }),
  ]);
  return { open, overdue };
}

/** Survey follow-ups carry "survey:<id>" as their note (lib/surveys/service.ts): not a title to show. */
export function taskTitle(note: string | null): string | null {
  if (!note || /^survey:\d+$/.test(note)) return null;
  return note;
}
