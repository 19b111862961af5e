"use client";
// Assign / hand over (supervisors, or the current owner handing over), and "Take it" for an unassigned team complaint.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { assignAction } from "@/lib/complaints/actions";
import { ConflictNotice } from "@/components/complaints/workspace/conflict-notice";
import { useWorkspaceAction } from "@/components/complaints/workspace/use-workspace-action";

type Props = {
  reference: string;
  version: number;
  currentUserId: number;
  assigneeId: number | null;
  members: { id: number; name: string }[];
  canTake: boolean;
  canReassign: boolean;
};

export function AssignControl({ reference, version, currentUserId, assigneeId, members, canTake, canReassign }: Props) {
  const t = useTranslations("workspace.assign");
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const take = useWorkspaceAction();
  const assign = useWorkspaceAction();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = form.get("assigneeId");
    const note = form.get("note");
    const input = {
      version,
      assigneeId: chosen ? Number(chosen) : null,
      note: typeof note === "string" && note.trim() ? note.trim() : undefined,
    };
    assign.run(
      () => assignAction(reference, input),
      () => {
        setOpen(false);
        toast({ tone: "success", title: t("done") });
      },
    );
  };

  return (
    <>
      {canTake ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={take.pending}
          onClick={() =>
            take.run(
              () => assignAction(reference, { version, assigneeId: currentUserId }),
              () => toast({ tone: "success", title: t("taken") }),
            )
          }
        >
          {take.pending ? t("saving") : t("take")}
        </Button>
      ) : null}
      {take.failure ? (
        <div className="basis-full">
          {take.formError ? (
            <p role="alert" className="text-sm text-danger-700">
              {take.formError}
            </p>
          ) : null}
          <ConflictNotice failure={take.failure} onReload={take.reset} />
        </div>
      ) : null}
      {canReassign ? (
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            assign.reset();
            setOpen(true);
          }}
        >
          {assigneeId ? t("reassign") : t("assign")}
        </Button>
      ) : null}
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>{assigneeId ? t("reassign") : t("assign")}</DialogTitle>
              <DialogDescription>{t("description")}</DialogDescription>
            </DialogHeader>
            <FormField label={t("member")} error={assign.fieldError("assigneeId")}>
              <Select name="assigneeId" defaultValue={assigneeId ? String(assigneeId) : ""}>
                <option value="">{t("nobody")}</option>
                {members.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("note")} error={assign.fieldError("note")}>
              <Textarea name="note" rows={3} />
            </FormField>
            {assign.formError ? (
              <p role="alert" className="text-sm text-danger-700">
                {assign.formError}
              </p>
            ) : null}
            <ConflictNotice failure={assign.failure} onReload={() => setOpen(false)} />
            <DialogFooter>
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {t("cancel")}
              </Button>
              <Button type="submit" disabled={assign.pending}>
                {assign.pending ? t("saving") : t("save")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
