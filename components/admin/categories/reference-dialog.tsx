"use client";
// One dialog for adding/editing a category, subcategory or root cause: code, bilingual names, active flag, and
// sort order (categories) or kind (root causes). Deleting is offered for unused rows; used rows are deactivated.
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
import type { FieldErrors, Result } from "@/lib/errors";
import { ROOT_CAUSE_KINDS } from "@/lib/reference/kinds";
import {
  deleteCategoryAction,
  deleteRootCauseAction,
  saveCategoryAction,
  saveRootCauseAction,
} from "@/lib/reference/actions";

export type ReferenceRow = {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  version: string;
  inUse: number;
  sortOrder?: number;
  kind?: string;
};

type Props =
  | { type: "category"; row: ReferenceRow | null; parentId: number | null; trigger: ReactNode }
  | { type: "rootCause"; row: ReferenceRow | null; categoryId: number | null; trigger: ReactNode };

export function ReferenceDialog(props: Props) {
  const t = useTranslations("adminCategories");
  const fieldText = useFieldErrorText(t);
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const row = props.row;

  const err = (field: string) => {
    const code = errors[field]?.[0];
    if (!code) return undefined;
    return fieldText(code);
  };

  function handle(result: Result<object>, done: string) {
    if (result.ok) {
      setOpen(false);
      toast({ tone: "success", title: done });
      return;
    }
    setErrors(result.fields ?? {});
    setFormError(
      result.error === "conflict"
        ? result.details?.inUse
          ? t("errors.in_use")
          : t("errors.conflict")
        : result.fields
          ? null
          : t("errors.failed"),
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const base = {
      code: String(form.get("code") ?? ""),
      nameZh: String(form.get("nameZh") ?? ""),
      nameEn: String(form.get("nameEn") ?? ""),
      active: form.get("active") === "on",
      version: row?.version,
    };
    startTransition(async () => {
      const result =
        props.type === "category"
          ? await saveCategoryAction(row?.id ?? null, {
              ...base,
              parentId: props.parentId,
              sortOrder: Number(form.get("sortOrder") ?? 0),
            })
          : await saveRootCauseAction(row?.id ?? null, {
              ...base,
              categoryId: props.categoryId,
              kind: String(form.get("kind") ?? ""),
            });
      handle(result, t("saved"));
    });
  }

  function remove() {
    if (!row) return;
    startTransition(async () => {
      const result =
        props.type === "category" ? await deleteCategoryAction(row.id) : await deleteRootCauseAction(row.id);
      handle(result, t("deleted"));
    });
  }

  const titleKey =
    props.type === "rootCause"
      ? row
        ? "editRootCause"
        : "addRootCause"
      : props.parentId
        ? row
          ? "editSubcategory"
          : "addSubcategory"
        : row
          ? "editCategory"
          : "addCategory";

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setConfirmDelete(false);
        setErrors({});
        setFormError(null);
      }}
    >
      <DialogTrigger asChild>{props.trigger}</DialogTrigger>
      <DialogContent className="max-w-lg">
        <form onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>{t(`dialog.${titleKey}`)}</DialogTitle>
            <DialogDescription>{t("dialog.description")}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              label={t("fields.code")}
              hint={t("fields.codeHint")}
              error={err("code")}
              className="sm:col-span-2"
            >
              <Input
                name="code"
                defaultValue={row?.code ?? ""}
                maxLength={40}
                autoComplete="off"
                className="font-mono"
              />
            </FormField>
            <FormField label={t("fields.nameZh")} error={err("nameZh")}>
              <Input name="nameZh" defaultValue={row?.nameZh ?? ""} maxLength={80} />
            </FormField>
            <FormField label={t("fields.nameEn")} error={err("nameEn")}>
              <Input name="nameEn" defaultValue={row?.nameEn ?? ""} maxLength={80} />
            </FormField>
            {props.type === "category" ? (
              <FormField label={t("fields.sortOrder")} error={err("sortOrder") ?? err("parentId")}>
                <Input
                  name="sortOrder"
                  type="number"
                  min={0}
                  max={9999}
                  defaultValue={row?.sortOrder ?? 0}
                  className="w-32"
                />
              </FormField>
            ) : (
              <FormField label={t("fields.kind")} error={err("kind")}>
                <Select name="kind" defaultValue={row?.kind ?? "process"}>
                  {ROOT_CAUSE_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`kinds.${kind}`)}
                    </option>
                  ))}
                </Select>
              </FormField>
            )}
            <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name="active"
                defaultChecked={row?.active ?? true}
                className="focus-ring size-4 accent-brand-600"
              />
              {t("fields.active")}
            </label>
          </div>
          {formError ? (
            <p role="alert" className="mt-3 text-sm font-medium text-danger-700">
              {formError}
            </p>
          ) : null}
          <DialogFooter className="sm:justify-between">
            {row && row.inUse === 0 ? (
              <Button
                type="button"
                variant="ghost"
                className="text-danger-700"
                onClick={() => (confirmDelete ? remove() : setConfirmDelete(true))}
                disabled={pending}
              >
                {confirmDelete ? t("confirmDelete") : t("delete")}
              </Button>
            ) : (
              <span className="text-xs text-slate-500">{row ? t("inUse", { count: row.inUse }) : null}</span>
            )}
            <div className="flex gap-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
                {t("cancel")}
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? t("saving") : t("save")}
              </Button>
            </div>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
