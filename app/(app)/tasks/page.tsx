import type { Metadata } from "next";
import Link from "next/link";
import { ListChecks } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { TaskStatusButton } from "@/components/customers/task-status-button";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { listMyTasks, taskTitle } from "@/lib/customers/tasks";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myTasks");
  return { title: t("title") };
}

// "My tasks": every open follow-up task assigned to the signed-in user (call-backs, VIP care, low survey scores).
export default async function MyTasksPage() {
  const user = await requirePermission("customer.read");
  const [t, tTask, format, tasks] = await Promise.all([
    getTranslations("myTasks"),
    getTranslations("customerTasks"),
    getFormatter(),
    listMyTasks(user.actor),
  ]);
  const now = new Date();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} meta={t("count", { count: tasks.length })} />
      <Card>
        {tasks.length === 0 ? (
          <EmptyState icon={ListChecks} title={t("empty.title")} description={t("empty.description")} />
        ) : (
          <Table data-testid="my-tasks">
            <TableCaption>{t("title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("columns.due")}</TableHead>
                <TableHead>{t("columns.task")}</TableHead>
                <TableHead>{t("columns.customer")}</TableHead>
                <TableHead>{t("columns.complaint")}</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">{t("columns.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tasks.map((task) => {
                const overdue = task.dueAt < now;
                const title = taskTitle(task.note) ?? tTask(`kinds.${task.kind}`);
                return (
                  <TableRow
                    key={task.id}
                    className={cn(overdue && "bg-danger-50/60")}
                    data-overdue={overdue || undefined}
                  >
                    <TableCell
                      className={cn("text-[13px] whitespace-nowrap", overdue && "font-semibold text-danger-700")}
                    >
                      {format.dateTime(task.dueAt, { dateStyle: "medium", timeStyle: "short" })}
                      {overdue ? (
                        <Badge tone="danger" className="ml-2">
                          {t("overdue")}
                        </Badge>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      <p className="font-medium text-slate-900">{title}</p>
                      <p className="text-xs text-slate-500">{tTask(`kinds.${task.kind}`)}</p>
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      <Link href={`/customers/${task.customer.id}`} className="text-brand-700 hover:underline">
                        {task.customer.name}
                      </Link>
                    </TableCell>
                    <TableCell className="text-[13px] whitespace-nowrap">
                      {task.complaint ? (
                        <Link
                          href={`/complaints/${task.complaint.reference}`}
                          className="text-brand-700 hover:underline"
                        >
                          {task.complaint.reference}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </TableCell>
                    <TableCell className="text-right">
                      <TaskStatusButton taskId={task.id} to="done" label={title} />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Card>
    </>
  );
}
