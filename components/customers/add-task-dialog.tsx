"use client";
// Creates a follow-up task (回访) for the customer: what, when, who (default: me), optionally which complaint.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Plus } from "lucide-react";
import { createTaskAction } from "@/lib/customers/actions";
import { useFieldErrors } from "@/components/customers/use-field-errors";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";

type Props = {
  customerId: number;
  me: { id: number; name: string };
  assignees: { id: number; name: string }[];
  complaints: { reference: string; subject: string }[];
};

/** Tomorrow 10:00 local time, as a datetime-local value. */
function defaultDue(): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(10, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function AddTaskDialog({ customerId, me, assignees, complaints }: Props) {
  const t = useTranslations("customerTasks");
  const { toast } = useToast();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [title, setTitle] = useState("");
  const [due, setDue] = useState(defaultDue);
  const [assigneeId, setAssigneeId] = useState(String(me.id));
  const [complaint, setComplaint] = useState("");
  const { errorFor, setErrors, clear } = useFieldErrors();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const dueAt = new Date(due);
    if (!title.trim()) return setErrors({ title: ["required"] });
    if (!due || Number.isNaN(dueAt.getTime())) return setErrors({ dueAt: ["invalid_date"] });
    startTransition(async () => {
      const result = await createTaskAction({
        customerId,
        title,
        dueAt: dueAt.toISOString(),
        assigneeId: Number(assigneeId),
        complaintReference: complaint || undefined,
      });
      if (result.ok) {
        setOpen(false);
        toast({ tone: "success", title: t("created") });
        router.refresh();
      } else {
        setErrors(result.fields ?? {});
        if (!result.fields) toast({ tone: "error", title: t("failed", { message: result.message }) });
      }
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setTitle("");
          setDue(defaultDue());
          setAssigneeId(String(me.id));
          setComplaint("");
          clear();
        }
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          <Plus aria-hidden />
          {t("add")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("addTitle")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <FormField label={t("taskTitle")} error={errorFor("title")}>
            <Input
              name="title"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              maxLength={500}
              autoFocus
            />
          </FormField>
          <FormField label={t("dueAt")} error={errorFor("dueAt")}>
            <Input name="dueAt" type="datetime-local" value={due} onChange={(event) => setDue(event.target.value)} />
          </FormField>
          <FormField label={t("assignee")} error={errorFor("assigneeId")}>
            {(control) => (
              <Select
                {...control}
                name="assigneeId"
                value={assigneeId}
                onChange={(event) => setAssigneeId(event.target.value)}
              >
                <option value={me.id}>{t("me", { name: me.name })}</option>
                {assignees
                  .filter((user) => user.id !== me.id)
                  .map((user) => (
                    <option key={user.id} value={user.id}>
                      {user.name}
                    </option>
                  ))}
              </Select>
            )}
          </FormField>
          <FormField label={t("complaint")} error={errorFor("complaintReference")}>
            {(control) => (
              <Select
                {...control}
                name="complaint"
                value={complaint}
                onChange={(event) => setComplaint(event.target.value)}
              >
                <option value="">{t("noComplaint")}</option>
                {complaints.map((row) => (
                  <option key={row.reference} value={row.reference}>
                    {row.reference} · {row.subject}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("creating") : t("create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
