"use client";
// Invite a user (name, e-mail, role, language, teams) or edit one (same fields but the e-mail, with optimistic
// locking).
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
import { InviteLink } from "@/components/admin/users/invite-link";
import { inviteUserAction, updateUserAction } from "@/lib/users/actions";
import type { FieldErrors } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/locales";
import type { AdminUserRow, TeamOption } from "@/lib/users/queries";

const ROLES: Role[] = ["agent", "supervisor", "manager", "admin"];

type Props = { teams: TeamOption[]; user?: AdminUserRow; trigger?: ReactNode };

export function UserFormDialog({ teams, user, trigger }: Props) {
  const t = useTranslations("userAdmin");
  const fieldText = useFieldErrorText(t);
  const tRoles = useTranslations("roles");
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [teamIds, setTeamIds] = useState<ReadonlySet<number>>(new Set(user?.teamIds ?? []));

  function change(next: boolean) {
    setOpen(next);
    if (!next) {
      setErrors({});
      setFormError(null);
      setLink(null);
    } else setTeamIds(new Set(user?.teamIds ?? []));
  }

  const errorText = (field: string) => fieldText(errors[field]?.[0]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const common = {
      name: String(form.get("name") ?? ""),
      role: String(form.get("role") ?? ""),
      locale: String(form.get("locale") ?? "") as AppLocale,
      teamIds: [...teamIds],
    };
    startTransition(async () => {
      const result = user
        ? await updateUserAction({ ...common, id: user.id, expectedUpdatedAt: user.updatedAt.toISOString() })
        : await inviteUserAction({ ...common, email: String(form.get("email") ?? "") });
      if (!result.ok) {
        setErrors(result.fields ?? {});
        setFormError(result.fields ? null : result.error === "conflict" ? t("errors.conflict") : t("errors.failed"));
        return;
      }
      if ("setPasswordUrl" in result) {
        setLink(result.setPasswordUrl);
        toast({ tone: "success", title: t("invited") });
      } else {
        toast({ tone: "success", title: t("saved") });
        change(false);
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button>
            <Plus aria-hidden />
            {t("invite")}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        {link ? (
          <>
            <DialogHeader>
              <DialogTitle>{t("link.title")}</DialogTitle>
              <DialogDescription>{t("link.sent")}</DialogDescription>
            </DialogHeader>
            <InviteLink url={link} />
            <DialogFooter>
              <Button onClick={() => change(false)}>{t("done")}</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={submit} noValidate>
            <DialogHeader>
              <DialogTitle>{user ? t("editTitle", { name: user.name }) : t("inviteTitle")}</DialogTitle>
              <DialogDescription>{user ? t("editDescription") : t("inviteDescription")}</DialogDescription>
            </DialogHeader>
            <div className="flex flex-col gap-4">
              <FormField label={t("fields.name")} error={errorText("name")}>
                <Input name="name" defaultValue={user?.name} maxLength={100} required autoComplete="off" />
              </FormField>
              {user ? null : (
                <FormField label={t("fields.email")} error={errorText("email")}>
                  <Input name="email" type="email" maxLength={200} required autoComplete="off" />
                </FormField>
              )}
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField label={t("fields.role")} error={errorText("role")}>
                  <Select name="role" defaultValue={user?.role ?? "agent"}>
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {tRoles(role)}
                      </option>
                    ))}
                  </Select>
                </FormField>
                <FormField label={t("fields.locale")} error={errorText("locale")}>
                  <Select name="locale" defaultValue={user?.locale ?? "zh-CN"}>
                    <option value="zh-CN">中文</option>
                    <option value="en">English</option>
                  </Select>
                </FormField>
              </div>
              <fieldset>
                <legend className="text-sm font-medium text-slate-800">{t("fields.teams")}</legend>
                {teams.length === 0 ? <p className="mt-1 text-xs text-slate-500">{t("noTeams")}</p> : null}
                <div className="mt-2 grid max-h-48 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
                  {teams.map((team) => (
                    <label
                      key={team.id}
                      className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-50"
                    >
                      <input
                        type="checkbox"
                        className="focus-ring size-4 accent-brand-600"
                        checked={teamIds.has(team.id)}
                        onChange={(event) => {
                          const next = new Set(teamIds);
                          if (event.currentTarget.checked) next.add(team.id);
                          else next.delete(team.id);
                          setTeamIds(next);
                        }}
                      />
                      <span className={team.active ? "text-slate-800" : "text-slate-400"}>{team.name}</span>
                    </label>
                  ))}
                </div>
                {errorText("teamIds") ? (
                  <p className="mt-1 text-xs font-medium text-danger-700">{errorText("teamIds")}</p>
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
                {pending ? t("saving") : user ? t("save") : t("sendInvite")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
