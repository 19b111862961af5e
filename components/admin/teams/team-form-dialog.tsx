"use client";
// Create a team or edit one: names in both languages, supervisor, members, L3/L4 escalation departments (edits use
// optimistic locking).
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
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
import { useFieldErrorText } from "@/components/ui/field-error-text";
import { createTeamAction, updateTeamAction } from "@/lib/users/actions";
import type { FieldErrors } from "@/lib/errors";
import type { AdminTeamRow, UserOption } from "@/lib/users/queries";

type Props = {
  users: UserOption[];
  departments: { id: number; name: string }[];
  team?: AdminTeamRow;
  trigger?: ReactNode;
};

export function TeamFormDialog({ users, departments, team, trigger }: Props) {
  const t = useTranslations("teamAdmin");
  const fieldText = useFieldErrorText(t);
  const tRoles = useTranslations("roles");
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [memberIds, setMemberIds] = useState<ReadonlySet<number>>(new Set(team?.memberIds ?? []));
  const supervisors = users.filter((user) => user.active && (user.role === "supervisor" || user.role === "manager"));
  const members = users.filter((user) => user.active || memberIds.has(user.id));

  function change(next: boolean) {
    setOpen(next);
    setErrors({});
    setFormError(null);
    if (next) setMemberIds(new Set(team?.memberIds ?? []));
  }

  const errorText = (field: string) => fieldText(errors[field]?.[0]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const supervisor = String(form.get("supervisorId") ?? "");
    const common = {
      nameZh: String(form.get("nameZh") ?? ""),
      nameEn: String(form.get("nameEn") ?? ""),
      supervisorId: supervisor ? Number(supervisor) : null,
      memberIds: [...memberIds],
      l3DepartmentId: Number(form.get("l3DepartmentId")) || null,
      l4DepartmentId: Number(form.get("l4DepartmentId")) || null,
    };
    startTransition(async () => {
      const result = team
        ? await updateTeamAction({ ...common, id: team.id, expectedUpdatedAt: team.updatedAt.toISOString() })
        : await createTeamAction({ ...common, code: String(form.get("code") ?? "") });
      if (!result.ok) {
        setErrors(result.fields ?? {});
        setFormError(result.fields ? null : result.error === "conflict" ? t("errors.conflict") : t("errors.failed"));
        return;
      }
      toast({ tone: "success", title: team ? t("saved") : t("created") });
      change(false);
    });
  }

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button>
            <Plus aria-hidden />
            {t("create")}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <form onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>{team ? t("editTitle", { name: team.name }) : t("createTitle")}</DialogTitle>
            <DialogDescription>{t("formDescription")}</DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-4">
            {team ? null : (
              <FormField label={t("fields.code")} hint={t("fields.codeHint")} error={errorText("code")}>
                <Input name="code" maxLength={40} required autoComplete="off" className="font-mono" />
              </FormField>
            )}
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label={t("fields.nameZh")} error={errorText("nameZh")}>
                <Input name="nameZh" defaultValue={team?.nameZh} maxLength={100} required autoComplete="off" />
              </FormField>
              <FormField label={t("fields.nameEn")} error={errorText("nameEn")}>
                <Input name="nameEn" defaultValue={team?.nameEn} maxLength={100} required autoComplete="off" />
              </FormField>
            </div>
            <FormField label={t("fields.supervisor")} error={errorText("supervisorId")}>
              <Select name="supervisorId" defaultValue={team?.supervisorId ? String(team.supervisorId) : ""}>
                <option value="">{t("noSupervisor")}</option>
                {supervisors.map((user) => (
                  <option key={user.id} value={user.id}>{`${user.name} (${tRoles(user.role)})`}</option>
                ))}
              </Select>
            </FormField>
            <div className="grid gap-4 sm:grid-cols-2">
              {(["l3DepartmentId", "l4DepartmentId"] as const).map((field) => (
                <FormField
                  key={field}
                  label={t(`fields.${field}`)}
                  hint={t("escalationDepartmentHint")}
                  error={errorText(field)}
                >
                  <Select
                    name={field}
                    defaultValue={team?.[field] ? String(team[field]) : ""}
                    data-testid={`team-${field}`}
                  >
                    <option value="">{t("defaultDepartment")}</option>
                    {departments.map((department) => (
                      <option key={department.id} value={department.id}>
                        {department.name}
                      </option>
                    ))}
                  </Select>
                </FormField>
              ))}
            </div>
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">{t("fields.members")}</legend>
              <div className="mt-2 grid max-h-56 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
                {members.map((user) => (
                  <label
                    key={user.id}
                    className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-50"
                  >
                    <input
                      type="checkbox"
                      className="focus-ring size-4 accent-brand-600"
                      checked={memberIds.has(user.id)}
                      onChange={(event) => {
                        const next = new Set(memberIds);
                        if (event.currentTarget.checked) next.add(user.id);
                        else next.delete(user.id);
                        setMemberIds(next);
                      }}
                    />
                    <span className={user.active ? "text-slate-800" : "text-slate-400"}>{user.name}</span>
                    <span className="text-xs text-slate-500">{tRoles(user.role)}</span>
                  </label>
                ))}
              </div>
              {errorText("memberIds") ? (
                <p className="mt-1 text-xs font-medium text-danger-700">{errorText("memberIds")}</p>
              ) : null}
            </fieldset>
            {formError ? (
              <p role="alert" className="text-sm font-medium text-danger-700">
                {formError}
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <Button variant="secondary" onClick={() => change(false)} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("saving") : t("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
