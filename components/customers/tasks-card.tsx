// Follow-up tasks (回访) of the customer: open ones due first (overdue highlighted), then recently completed.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AddTaskDialog } from "@/components/customers/add-task-dialog";
import { TaskStatusButton } from "@/components/customers/task-status-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { CustomerProfile, CustomerTask } from "@/lib/customers/profile";
import { taskTitle } from "@/lib/customers/tasks";

type Props = {
  customerId: number;
  tasks: CustomerProfile["tasks"];
  canEdit: boolean;
  me: { id: number; name: string };
  assignees: { id: number; name: string }[];
  complaints: { reference: string; subject: string }[];
  now: Date;
};

export async function TasksCard({ customerId, tasks, canEdit, me, assignees, complaints, now }: Props) {
  const [t, format] = await Promise.all([getTranslations("customerTasks"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const item = (task: CustomerTask) => {
    const overdue = task.status === "open" && task.dueAt < now;
    const title = taskTitle(task.note) ?? t(`kinds.${task.kind}`);
    return (
      <li
        key={task.id}
        className={cn("flex items-start justify-between gap-3 px-5 py-3", overdue && "bg-danger-50/50")}
        data-testid="customer-task"
      >
        <div className="min-w-0">
          <p
            className={cn(
              "text-sm font-medium text-slate-900",
              task.status !== "open" && "text-slate-500 line-through",
            )}
          >
            {title}
          </p>
          <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
            <Badge tone="neutral">{t(`kinds.${task.kind}`)}</Badge>
            {task.status === "open" ? (
              <span className={cn(overdue && "font-semibold text-danger-700")}>
                {t("due", { date: when(task.dueAt) })}
                {overdue ? ` · ${t("overdue")}` : ""}
              </span>
            ) : task.completedAt ? (
              <span>{t("completedOn", { date: when(task.completedAt) })}</span>
            ) : null}
            <span>· {task.assignee?.name ?? t("unassigned")}</span>
            {task.complaint ? (
              <Link href={`/complaints/${task.complaint.reference}`} className="text-brand-700 hover:underline">
                {task.complaint.reference}
              </Link>
            ) : null}
          </p>
        </div>
        {canEdit || task.assignee?.id === me.id ? (
          task.status === "open" ? (
            <TaskStatusButton taskId={task.id} to="done" label={title} />
          ) : task.status === "done" ? (
            <TaskStatusButton taskId={task.id} to="open" label={title} />
          ) : null
        ) : null}
      </li>
    );
  };
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        {canEdit ? (
          <AddTaskDialog customerId={customerId} me={me} assignees={assignees} complaints={complaints} />
        ) : null}
      </CardHeader>
      {tasks.open.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">{t("emptyOpen")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">{tasks.open.map(item)}</ul>
      )}
      {tasks.done.length > 0 ? (
        <>
          <h3 className="border-y border-slate-100 bg-slate-50/60 px-5 py-2 text-[13px] font-semibold text-slate-700">
            {t("recentlyDone")}
          </h3>
          <ul className="divide-y divide-slate-100">{tasks.done.map(item)}</ul>
        </>
      ) : null}
    </Card>
  );
}
