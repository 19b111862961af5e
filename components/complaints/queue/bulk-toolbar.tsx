"use client";
// Bulk toolbar of the queue: "Assign to…" and "Change status…", each confirmed in a dialog that states how many
// complaints it will touch and, afterwards, which succeeded and which failed (and why).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { ArrowRightLeft, UserRoundPlus, X } from "lucide-react";
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
import { bulkAssignAction, bulkTransitionAction } from "@/lib/complaints/actions";
import type { BulkOutcome } from "@/lib/complaints/bulk";
import type { Result } from "@/lib/errors";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";

type Option = { value: string; label: string };
export type BulkOptions = {
  canAssign: boolean;
  canTransition: boolean;
  statuses: ComplaintStatus[];
  staff: Option[];
  rootCauses: Option[];
};

type BulkToolbarProps = { references: string[]; options: BulkOptions; onDone: () => void };

export function BulkToolbar({ references, options, onDone }: BulkToolbarProps) {
  const t = useTranslations("queue.bulk");
  const [open, setOpen] = useState<"assign" | "status" | null>(null);
  const count = references.length;
  return (
    <div
      role="toolbar"
      aria-label={t("toolbar")}
      data-testid="bulk-toolbar"
      className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-brand-50/60 px-5 py-2.5"
    >
      <p className="mr-auto text-[13px] font-medium text-brand-700" aria-live="polite">
        {t("selected", { count })}
      </p>
      {options.canAssign ? (
        <Button size="sm" variant="secondary" onClick={() => setOpen("assign")}>
          <UserRoundPlus aria-hidden />
          {t("assign")}
        </Button>
      ) : null}
      {options.canTransition ? (
        <Button size="sm" variant="secondary" onClick={() => setOpen("status")}>
          <ArrowRightLeft aria-hidden />
          {t("changeStatus")}
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" onClick={onDone}>
        <X aria-hidden />
        {t("clear")}
      </Button>
      <BulkDialog
        kind="assign"
        open={open === "assign"}
        onClose={() => setOpen(null)}
        references={references}
        options={options}
        onDone={onDone}
      />
      <BulkDialog
        kind="status"
        open={open === "status"}
        onClose={() => setOpen(null)}
        references={references}
        options={options}
        onDone={onDone}
      />
    </div>
  );
}

type BulkDialogProps = {
  kind: "assign" | "status";
  open: boolean;
  onClose: () => void;
  references: string[];
  options: BulkOptions;
  onDone: () => void;
};

function BulkDialog({ kind, open, onClose, references, options, onDone }: BulkDialogProps) {
  const t = useTranslations("queue.bulk");
  const tStatus = useTranslations("status");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Result<BulkOutcome> | null>(null);
  const [assignee, setAssignee] = useState("");
  const [status, setStatus] = useState("");
  const [missing, setMissing] = useState<string[]>([]);
  const count = references.length;

  const close = () => {
    if (outcome?.ok) {
      onDone();
      router.refresh();
    }
    setOutcome(null);
    setMissing([]);
    onClose();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    const required =
      kind === "assign"
        ? ["assignee"]
        : [
            "status",
            ...(status === "resolved" ? ["rootCause", "resolutionSummary"] : []),
            ...(status === "rejected" || status === "reopened" ? ["reason"] : []),
          ];
    const absent = required.filter((name) => !text(name));
    setMissing(absent);
    if (absent.length > 0) return;
    startTransition(async () => {
      const rootCause = text("rootCause");
      const result =
        kind === "assign"
          ? await bulkAssignAction({
              references,
              assigneeId: assignee === "none" ? null : Number(assignee),
              note: text("note"),
            })
          : await bulkTransitionAction({
              references,
              to: status as ComplaintStatus,
              reason: text("reason"),
              rootCauseId: rootCause ? Number(rootCause) : undefined,
              resolutionSummary: text("resolutionSummary"),
            });
      setOutcome(result);
    });
  };

  const error = (name: string) => (missing.includes(name) ? t("required") : undefined);
  const title = kind === "assign" ? t("assignTitle", { count }) : t("statusTitle", { count });

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? undefined : close())}>
      <DialogContent data-testid={`bulk-dialog-${kind}`}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{kind === "assign" ? t("assignDescription") : t("statusDescription")}</DialogDescription>
        </DialogHeader>
        {outcome ? (
          <BulkOutcomeView outcome={outcome} onClose={close} />
        ) : (
          <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
            {kind === "assign" ? (
              <>
                <FormField label={t("assignee")} error={error("assignee")}>
                  <Select name="assignee" value={assignee} onChange={(event) => setAssignee(event.target.value)}>
                    <option value="">{t("choose")}</option>
                    <option value="none">{t("nobody")}</option>
                    {options.staff.map((member) => (
                      <option key={member.value} value={member.value}>
                        {member.label}
                      </option>
                    ))}
                  </Select>
                </FormField>
                <FormField label={t("note")}>
                  <Textarea name="note" rows={2} maxLength={2000} />
                </FormField>
              </>
            ) : (
              <>
                <FormField label={t("newStatus")} error={error("status")}>
                  <Select name="status" value={status} onChange={(event) => setStatus(event.target.value)}>
                    <option value="">{t("choose")}</option>
                    {options.statuses.map((value) => (
                      <option key={value} value={value}>
                        {tStatus(value)}
                      </option>
                    ))}
                  </Select>
                </FormField>
                {status === "resolved" ? (
                  <>
                    <FormField label={t("rootCause")} error={error("rootCause")}>
                      <Select name="rootCause" defaultValue="">
                        <option value="">{t("choose")}</option>
                        {options.rootCauses.map((cause) => (
                          <option key={cause.value} value={cause.value}>
                            {cause.label}
                          </option>
                        ))}
                      </Select>
                    </FormField>
                    <FormField label={t("resolutionSummary")} error={error("resolutionSummary")}>
                      <Textarea name="resolutionSummary" rows={3} maxLength={5000} />
                    </FormField>
                  </>
                ) : null}
                {status === "rejected" || status === "reopened" ? (
                  <FormField label={t("reason")} error={error("reason")}>
                    <Textarea name="reason" rows={2} maxLength={2000} />
                  </FormField>
                ) : null}
              </>
            )}
            <DialogFooter className="mt-2">
              <Button variant="secondary" onClick={close} disabled={pending}>
                {t("cancel")}
              </Button>
              <Button type="submit" disabled={pending} data-testid="bulk-confirm">
                {pending
                  ? t("working")
                  : kind === "assign"
                    ? t("confirmAssign", { count })
                    : t("confirmStatus", { count })}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

function BulkOutcomeView({ outcome, onClose }: { outcome: Result<BulkOutcome>; onClose: () => void }) {
  const t = useTranslations("queue.bulk");
  const reason = (error: string): ReactNode => {
    const known = ["not_found", "forbidden", "conflict", "unprocessable", "invalid"] as const;
    const code = known.find((candidate) => candidate === error);
    return code ? t(`errors.${code}`) : t("errors.other");
  };
  const failures = outcome.ok ? outcome.results.filter((item) => !item.ok) : [];
  return (
    <div role="status" data-testid="bulk-outcome" className="flex flex-col gap-3">
      {outcome.ok ? (
        <>
          <p className="text-sm font-medium text-slate-900">
            {t("resultTitle", { done: outcome.done, failed: outcome.failed })}
          </p>
          {failures.length > 0 ? (
            <ul className="max-h-56 overflow-y-auto rounded-md border border-slate-200 text-[13px]">
              {failures.map((item) => (
                <li key={item.reference} className="flex gap-2 border-b border-slate-100 px-3 py-1.5 last:border-0">
                  <span className="font-medium text-slate-900 tabular-nums">{item.reference}</span>
                  <span className="text-danger-700">{item.ok ? null : reason(item.error)}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p className="text-sm font-medium text-danger-700">
          {outcome.error === "forbidden" ? t("errors.forbidden") : t("failed")}
        </p>
      )}
      <DialogFooter className="mt-2">
        <Button onClick={onClose}>{t("cancel")}</Button>
      </DialogFooter>
    </div>
  );
}
