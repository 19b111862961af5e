"use client";
// One button per status the complaint may move to next; each opens a dialog asking for what that transition needs.
import { useState, type FormEvent } from "react";
import {
  ResponsibleFields,
  type DepartmentOption,
  type ResponsibleChoice,
} from "@/components/complaints/workspace/responsible-fields";
import { useTranslations } from "next-intl";
import { Eye, Lock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
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
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { transitionAction } from "@/lib/complaints/actions";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";
import { ConflictNotice } from "@/components/complaints/workspace/conflict-notice";
import { useWorkspaceAction } from "@/components/complaints/workspace/use-workspace-action";

export type RootCauseOption = { id: number; name: string; generic: boolean };

type Props = {
  reference: string;
  version: number;
  allowed: readonly ComplaintStatus[];
  canReopen: boolean;
  rootCauses: RootCauseOption[];
  /** Accountability in the resolve dialog; without departments the fields are not shown. */
  responsible?: ResponsibleChoice;
  departments?: DepartmentOption[];
};

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
};

export function TransitionButtons({
  reference,
  version,
  allowed,
  canReopen,
  rootCauses,
  responsible = { party: null, departmentId: null },
  departments = [],
}: Props) {
  const t = useTranslations("workspace.transition");
  const tStatus = useTranslations("status");
  const { toast } = useToast();
  const [target, setTarget] = useState<ComplaintStatus | null>(null);
  const [withoutSurvey, setWithoutSurvey] = useState(false);
  const action = useWorkspaceAction();
  const targets = allowed.filter((to) => to !== "reopened" || canReopen);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!target) return;
    const form = new FormData(event.currentTarget);
    const rootCause = text(form, "rootCauseId");
    const input = {
      version,
      to: target,
      reason: text(form, "reason"),
      rootCauseId: rootCause ? Number(rootCause) : undefined,
      resolutionSummary: text(form, "resolutionSummary"),
      internalNote: target === "resolved" ? text(form, "internalNote") : undefined,
      ...(target === "resolved" && text(form, "responsibleParty")
        ? {
            responsibleParty: text(form, "responsibleParty"),
            responsibleDepartmentId: text(form, "responsibleDepartmentId")
              ? Number(text(form, "responsibleDepartmentId"))
              : null,
          }
        : {}),
      duplicateOfReference: text(form, "duplicateOfReference"),
      ...(target === "resolved" && withoutSurvey
        ? { withoutSurvey: true, surveySkipReason: text(form, "surveySkipReason") }
        : {}),
    };
    action.run(
      () => transitionAction(reference, input),
      () => {
        setTarget(null);
        toast({ tone: "success", title: t("done", { status: tStatus(target) }) });
      },
    );
  };

  const generic = rootCauses.filter((cause) => cause.generic);
  const specific = rootCauses.filter((cause) => !cause.generic);
  const reasonRequired = target === "rejected" || target === "reopened";

  return (
    <>
      {targets.map((to) => (
        <Button
          key={to}
          size="sm"
          variant={to === "resolved" ? "primary" : "secondary"}
          onClick={() => {
            action.reset();
            setWithoutSurvey(false);
            setTarget(to);
          }}
          data-testid={`transition-${to}`}
        >
          {t(`actions.${to}`)}
        </Button>
      ))}
      <Dialog open={target !== null} onOpenChange={(open) => !open && setTarget(null)}>
        <DialogContent>
          {target ? (
            <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
              <DialogHeader>
                <DialogTitle>{t(`actions.${target}`)}</DialogTitle>
                <DialogDescription>{t("description", { status: tStatus(target) })}</DialogDescription>
              </DialogHeader>
              {target === "resolved" ? (
                <>
                  <FormField label={t("rootCause")} error={action.fieldError("rootCauseId")}>
                    <Select name="rootCauseId" defaultValue="" required>
                      <option value="" disabled>
                        {t("chooseRootCause")}
                      </option>
                      {specific.length ? (
                        <optgroup label={t("categoryCauses")}>
                          {specific.map((cause) => (
                            <option key={cause.id} value={cause.id}>
                              {cause.name}
                            </option>
                          ))}
                        </optgroup>
                      ) : null}
                      {generic.length ? (
                        <optgroup label={t("genericCauses")}>
                          {generic.map((cause) => (
                            <option key={cause.id} value={cause.id}>
                              {cause.name}
                            </option>
                          ))}
                        </optgroup>
                      ) : null}
                    </Select>
                  </FormField>
                  <FormField
                    label={
                      <span className="inline-flex items-center gap-2">
                        {t("resolutionSummary")}
                        <Badge tone="brand" data-testid="summary-customer-visible">
                          <Eye aria-hidden className="size-3" />
                          {t("customerVisible")}
                        </Badge>
                      </span>
                    }
                    hint={t("resolutionSummaryHint")}
                    error={action.fieldError("resolutionSummary")}
                  >
                    <Textarea name="resolutionSummary" rows={4} required />
                  </FormField>
                  {departments.length ? (
                    <ResponsibleFields initial={responsible} departments={departments} error={action.fieldError} />
                  ) : null}
                  <FormField
                    label={
                      <span className="inline-flex items-center gap-2">
                        {t("internalNote")}
                        <Badge tone="warning">
                          <Lock aria-hidden className="size-3" />
                          {t("internalOnly")}
                        </Badge>
                      </span>
                    }
                    hint={t("internalNoteHint")}
                    error={action.fieldError("internalNote")}
                  >
                    <Textarea
                      name="internalNote"
                      rows={2}
                      className="bg-warning-50/50"
                      data-testid="resolve-internal-note"
                    />
                  </FormField>
                  <label className="flex items-center gap-2 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      checked={withoutSurvey}
                      onChange={(event) => setWithoutSurvey(event.currentTarget.checked)}
                      className="size-4 accent-brand-600"
                      data-testid="resolve-without-survey"
                    />
                    {t("withoutSurvey")}
                  </label>
                  {withoutSurvey ? (
                    <FormField
                      label={t("surveySkipReason")}
                      hint={t("surveySkipHint")}
                      error={action.fieldError("surveySkipReason")}
                    >
                      <Textarea
                        name="surveySkipReason"
                        rows={2}
                        required
                        maxLength={500}
                        data-testid="survey-skip-reason"
                      />
                    </FormField>
                  ) : null}
                </>
              ) : null}
              {target === "duplicate" ? (
                <FormField
                  label={t("original")}
                  hint={t("originalHint")}
                  error={action.fieldError("duplicateOfReference") ?? action.fieldError("duplicateOfId")}
                >
                  <Input name="duplicateOfReference" placeholder="CMP-2026-000123" required autoComplete="off" />
                </FormField>
              ) : null}
              {target !== "resolved" && target !== "duplicate" ? (
                <FormField label={reasonRequired ? t("reason") : t("note")} error={action.fieldError("reason")}>
                  <Textarea name="reason" rows={3} required={reasonRequired} />
                </FormField>
              ) : null}
              {action.formError ? (
                <p role="alert" className="text-sm text-danger-700">
                  {action.formError}
                </p>
              ) : null}
              {/* Reload keeps the dialog and what was typed in it; the next confirm uses the fresh version. */}
              <ConflictNotice failure={action.failure} onReload={action.reset} keptInput={[t("yourInput")]} />
              <DialogFooter>
                <Button variant="secondary" onClick={() => setTarget(null)}>
                  {t("cancel")}
                </Button>
                <Button type="submit" disabled={action.pending} data-testid="transition-submit">
                  {action.pending ? t("saving") : t("confirm")}
                </Button>
              </DialogFooter>
            </form>
          ) : null}
        </DialogContent>
      </Dialog>
    </>
  );
}
