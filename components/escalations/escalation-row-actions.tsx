"use client";
// Row actions of the escalation inbox: a menu of the five actions, each in its own dialog. Every action posts the
// complaint version the row was rendered with; a conflict shows who changed the complaint, with Reload.
import { MoreHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { escalationAction, type InboxAction } from "@/lib/escalations/actions";
import { ConflictNotice } from "@/components/complaints/workspace/conflict-notice";
import { useEscalationAction } from "@/components/escalations/use-escalation-action";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";

export type RowActionsProps = {
  escalationId: number;
  reference: string;
  version: number;
  level: number;
  outcome: string;
  assigneeId: number | null;
  /** Current resolution due time (ISO), to suggest a later one. */
  resolutionDueAt: string | null;
  /**
   * When the page was rendered (ISO); the suggested new due time is a day after the later of this and the current one.
   */
  renderedAt: string;
  members: { id: number; name: string }[];
};

const SHANGHAI_OFFSET_MS = 8 * 60 * 60_000;

/** A datetime-local value in Asia/Shanghai (UTC+8 all year, no DST) for the given instant. */
function shanghaiLocal(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
}

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

export function EscalationRowActions(props: RowActionsProps) {
  const { escalationId, reference, version, level, outcome, assigneeId, resolutionDueAt, renderedAt, members } = props;
  const t = useTranslations("escalations");
  const { toast } = useToast();
  const [open, setOpen] = useState<InboxAction | null>(null);
  const action = useEscalationAction();

  const available: InboxAction[] = [
    ...(outcome === "open" ? (["acknowledge"] as const) : []),
    "reassign",
    "extend",
    ...(level > 1 ? (["deEscalate"] as const) : []),
    ...(level < 4 ? (["escalateFurther"] as const) : []),
  ];

  const start = (which: InboxAction) => {
    action.reset();
    setOpen(which);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!open) return;
    const form = new FormData(event.currentTarget);
    const which = open;
    let input: Record<string, unknown> = { version };
    if (which === "acknowledge") input = { version, note: text(form, "note") };
    if (which === "reassign")
      input = {
        version,
        assigneeId: text(form, "assigneeId") ? Number(text(form, "assigneeId")) : undefined,
        note: text(form, "note"),
      };
    if (which === "extend") {
      const local = text(form, "dueAt");
      // The input is wall-clock time in China (UTC+8); the service wants an instant with its offset.
      input = { version, dueAt: local ? `${local}:00+08:00` : undefined, reason: text(form, "reason") };
    }
    if (which === "deEscalate") input = { version, reason: text(form, "reason") };
    if (which === "escalateFurther") input = { version, note: text(form, "note") };
    action.run(
      () => escalationAction(which, escalationId, reference, input),
      (result) => {
        setOpen(null);
        toast({ tone: "success", title: t(`done.${which}`, { level: result.level }) });
      },
    );
  };

  const suggestedDue = shanghaiLocal(
    new Date(
      Math.max(new Date(renderedAt).getTime(), resolutionDueAt ? new Date(resolutionDueAt).getTime() : 0) +
        24 * 60 * 60_000,
    ),
  );
  const titles: Record<InboxAction, string> = {
    acknowledge: t("dialog.acknowledgeTitle", { reference }),
    reassign: t("dialog.reassignTitle", { reference }),
    extend: t("dialog.extendTitle", { reference }),
    deEscalate: t("dialog.deEscalateTitle", { reference }),
    escalateFurther: t("dialog.escalateFurtherTitle", { reference }),
  };
  const descriptions: Record<InboxAction, string> = {
    acknowledge: t("dialog.acknowledgeDescription"),
    reassign: t("dialog.reassignDescription"),
    extend: t("dialog.extendDescription"),
    deEscalate: t("dialog.deEscalateDescription", { level, lower: level - 1 }),
    escalateFurther: t("dialog.escalateFurtherDescription", { level, higher: level + 1 }),
  };

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="icon"
            aria-label={t("actionsMenu", { reference })}
            data-testid={`escalation-actions-${reference}`}
          >
            <MoreHorizontal aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          {available.map((which) => (
            <DropdownMenuItem key={which} onSelect={() => start(which)} data-testid={`escalation-action-${which}`}>
              {t(`actions.${which}`)}
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={open !== null} onOpenChange={(value) => (value ? null : setOpen(null))}>
        <DialogContent>
          {open ? (
            <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid="escalation-dialog">
              <DialogHeader>
                <DialogTitle>{titles[open]}</DialogTitle>
                <DialogDescription>{descriptions[open]}</DialogDescription>
              </DialogHeader>
              {open === "reassign" ? (
                members.length === 0 ? (
                  <p className="text-sm text-slate-600">{t("dialog.noMembers")}</p>
                ) : (
                  <FormField label={t("dialog.member")} error={action.fieldError("assigneeId")}>
                    <Select name="assigneeId" defaultValue="" required>
                      <option value="" disabled>
                        {t("dialog.chooseMember")}
                      </option>
                      {members.map((member) => (
                        <option key={member.id} value={member.id} disabled={member.id === assigneeId}>
                          {member.name}
                        </option>
                      ))}
                    </Select>
                  </FormField>
                )
              ) : null}
              {open === "extend" ? (
                <FormField label={t("dialog.dueAt")} hint={t("dialog.dueAtHint")} error={action.fieldError("dueAt")}>
                  <Input type="datetime-local" name="dueAt" defaultValue={suggestedDue} required />
                </FormField>
              ) : null}
              {open === "extend" || open === "deEscalate" ? (
                <FormField label={t("dialog.reason")} error={action.fieldError("reason")}>
                  <Textarea name="reason" rows={3} required maxLength={2000} />
                </FormField>
              ) : (
                <FormField
                  label={open === "escalateFurther" ? t("dialog.note") : t("dialog.noteOptional")}
                  error={action.fieldError("note")}
                >
                  <Textarea name="note" rows={3} required={open === "escalateFurther"} maxLength={2000} />
                </FormField>
              )}
              {action.formError ? (
                <p role="alert" className="text-sm text-danger-700">
                  {action.formError}
                </p>
              ) : null}
              <ConflictNotice failure={action.failure} onReload={() => setOpen(null)} />
              <DialogFooter>
                <Button variant="secondary" onClick={() => setOpen(null)}>
                  {t("dialog.cancel")}
                </Button>
                <Button
                  type="submit"
                  variant={open === "deEscalate" ? "destructive" : "primary"}
                  disabled={action.pending || (open === "reassign" && members.length === 0)}
                >
                  {action.pending ? t("dialog.saving") : t(`actions.${open}`)}
                </Button>
              </DialogFooter>
            </form>
          ) : null}
        </DialogContent>
      </Dialog>
    </>
  );
}
