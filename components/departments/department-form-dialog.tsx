"use client";
// Edit one department: names, head, liaisons (users with the liaison role), business calendar, reply-time policy and
// escalations (the owner who takes escalations addressed to it, the level it takes by default).
import { Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
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
import { updateDepartmentAction } from "@/lib/departments/actions";
import type { FieldErrors } from "@/lib/errors";

export type DepartmentFormValues = {
  id: number;
  version: number;
  name: string;
  nameZh: string;
  nameEn: string;
  headId: number | null;
  liaisonIds: number[];
  calendarId: number;
  urgentDays: number;
  normalDays: number;
  investigationDays: number;
  active: boolean;
  escalationOwnerId: number | null;
  escalationLevel: number | null;
  supplier: boolean;
};
type Option = { id: number; name: string };

export function DepartmentFormDialog({
  department,
  users,
  liaisonUsers,
  ownerUsers,
  calendars,
}: {
  department: DepartmentFormValues;
  users: Option[];
  liaisonUsers: Option[];
  ownerUsers: Option[];
  calendars: Option[];
}) {
  const t = useTranslations("departmentAdmin");
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [liaisonIds, setLiaisonIds] = useState<ReadonlySet<number>>(new Set(department.liaisonIds));
  const errorText = (field: string) => (errors[field]?.length ? t("errors.field") : undefined);

  function change(next: boolean) {
    setOpen(next);
    setErrors({});
    setFormError(null);
    if (next) setLiaisonIds(new Set(department.liaisonIds));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const head = String(form.get("headId") ?? "");
    const owner = String(form.get("escalationOwnerId") ?? "");
    const level = String(form.get("escalationLevel") ?? "");
    startTransition(async () => {
      const result = await updateDepartmentAction(department.id, {
        version: department.version,
        nameZh: String(form.get("nameZh") ?? ""),
        nameEn: String(form.get("nameEn") ?? ""),
        headId: head ? Number(head) : null,
        liaisonIds: [...liaisonIds],
        calendarId: Number(form.get("calendarId")),
        urgentDays: Number(form.get("urgentDays")),
        normalDays: Number(form.get("normalDays")),
        investigationDays: Number(form.get("investigationDays")),
        active: form.get("active") === "on",
        escalationOwnerId: owner ? Number(owner) : null,
        escalationLevel: level === "3" ? 3 : level === "4" ? 4 : null,
      });
      if (!result.ok) {
        setErrors(result.fields ?? {});
        setFormError(result.error === "conflict" ? t("errors.conflict") : t("errors.failed"));
        return;
      }
      toast({ tone: "success", title: t("saved") });
      change(false);
    });
  }

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" data-testid={`edit-department-${department.id}`}>
          <Pencil aria-hidden />
          {t("edit")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <form onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>{t("editTitle", { name: department.name })}</DialogTitle>
            <DialogDescription>{t("formDescription")}</DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label={t("fields.nameZh")} error={errorText("nameZh")}>
                <Input name="nameZh" defaultValue={department.nameZh} maxLength={100} required />
              </FormField>
              <FormField label={t("fields.nameEn")} error={errorText("nameEn")}>
                <Input name="nameEn" defaultValue={department.nameEn} maxLength={100} required />
              </FormField>
            </div>
            <FormField label={t("fields.head")} error={errorText("headId")}>
              <Select name="headId" defaultValue={department.headId ? String(department.headId) : ""}>
                <option value="">{t("noHead")}</option>
                {users.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.name}
                  </option>
                ))}
              </Select>
            </FormField>
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">{t("fields.liaisons")}</legend>
              <div className="mt-2 grid max-h-40 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
                {liaisonUsers.length === 0 ? <p className="text-xs text-slate-500">{t("noLiaisonUsers")}</p> : null}
                {liaisonUsers.map((user) => (
                  <label
                    key={user.id}
                    className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-50"
                  >
                    <input
                      type="checkbox"
                      className="focus-ring size-4 accent-brand-600"
                      checked={liaisonIds.has(user.id)}
                      onChange={(event) => {
                        const next = new Set(liaisonIds);
                        if (event.currentTarget.checked) next.add(user.id);
                        else next.delete(user.id);
                        setLiaisonIds(next);
                      }}
                    />
                    <span>{user.name}</span>
                  </label>
                ))}
              </div>
              {errorText("liaisonIds") ? (
                <p className="mt-1 text-xs font-medium text-danger-700">{t("errors.liaisons")}</p>
              ) : null}
            </fieldset>
            <FormField label={t("fields.calendar")} error={errorText("calendarId")}>
              <Select name="calendarId" defaultValue={String(department.calendarId)}>
                {calendars.map((calendar) => (
                  <option key={calendar.id} value={calendar.id}>
                    {calendar.name}
                  </option>
                ))}
              </Select>
            </FormField>
            <div className="grid gap-4 sm:grid-cols-3">
              <FormField label={t("fields.urgentDays")} error={errorText("urgentDays")}>
                <Input name="urgentDays" type="number" min={1} max={60} defaultValue={department.urgentDays} />
              </FormField>
              <FormField label={t("fields.normalDays")} error={errorText("normalDays") ? t("errors.order") : undefined}>
                <Input name="normalDays" type="number" min={1} max={60} defaultValue={department.normalDays} />
              </FormField>
              <FormField label={t("fields.investigationDays")} error={errorText("investigationDays")}>
                <Input
                  name="investigationDays"
                  type="number"
                  min={1}
                  max={60}
                  defaultValue={department.investigationDays}
                />
              </FormField>
            </div>
            {department.supplier ? null : (
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField
                  label={t("fields.escalationOwner")}
                  hint={t("escalationOwnerHint")}
                  error={errorText("escalationOwnerId") ? t("errors.escalationOwner") : undefined}
                >
                  <Select
                    name="escalationOwnerId"
                    defaultValue={department.escalationOwnerId ? String(department.escalationOwnerId) : ""}
                    data-testid="department-escalation-owner"
                  >
                    <option value="">{t("noEscalationOwner")}</option>
                    {ownerUsers.map((user) => (
                      <option key={user.id} value={user.id}>
                        {user.name}
                      </option>
                    ))}
                  </Select>
                </FormField>
                <FormField
                  label={t("fields.escalationLevel")}
                  hint={t("escalationLevelHint")}
                  error={errorText("escalationLevel") ? t("errors.escalationLevel") : undefined}
                >
                  <Select
                    name="escalationLevel"
                    defaultValue={department.escalationLevel ? String(department.escalationLevel) : ""}
                    data-testid="department-escalation-level"
                  >
                    <option value="">{t("escalationLevelNone")}</option>
                    <option value="3">{t("escalationLevelOption", { level: 3 })}</option>
                    <option value="4">{t("escalationLevelOption", { level: 4 })}</option>
                  </Select>
                </FormField>
              </div>
            )}
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="active"
                defaultChecked={department.active}
                className="focus-ring size-4 accent-brand-600"
              />
              {t("fields.active")}
            </label>
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
