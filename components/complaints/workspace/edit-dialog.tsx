"use client";
// Edits the complaint's descriptive fields; the server diffs them, records each change on the timeline and audits it.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Pencil } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { updateAction } from "@/app/(app)/complaints/[reference]/actions";
import { PRIORITIES } from "@/lib/complaints/constants";
import { ConflictNotice } from "@/components/complaints/workspace/conflict-notice";
import { useWorkspaceAction } from "@/components/complaints/workspace/use-workspace-action";

type Option = { id: number; name: string };
export type EditValues = {
  categoryId: number | null;
  subcategoryId: number | null;
  touchpointId: number | null;
  severityId: number;
  priority: (typeof PRIORITIES)[number];
  subject: string;
  description: string;
  bookingReference: string | null;
  flightNumber: string | null;
  serviceDate: string | null;
};
export type EditOptions = { categories: (Option & { parentId: number | null })[]; touchpoints: Option[]; severities: Option[] };

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value.trim() : "";
};
const idOrNull = (form: FormData, key: string) => (text(form, key) ? Number(text(form, key)) : null);

export function EditDialog({ reference, version, values, options }: { reference: string; version: number; values: EditValues; options: EditOptions }) {
  const t = useTranslations("workspace.edit");
  const tPriority = useTranslations("priority");
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [categoryId, setCategoryId] = useState(values.categoryId);
  const action = useWorkspaceAction();
  const parents = options.categories.filter((category) => category.parentId === null);
  const children = options.categories.filter((category) => category.parentId !== null && category.parentId === categoryId);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      version,
      categoryId: idOrNull(form, "categoryId"),
      subcategoryId: idOrNull(form, "subcategoryId"),
      touchpointId: idOrNull(form, "touchpointId"),
      severityId: Number(text(form, "severityId")),
      priority: text(form, "priority"),
      subject: text(form, "subject"),
      description: text(form, "description"),
      bookingReference: text(form, "bookingReference") || null,
      flightNumber: text(form, "flightNumber") || null,
      serviceDate: text(form, "serviceDate") || null,
    };
    action.run(
      () => updateAction(reference, input),
      (result) => {
        setOpen(false);
        toast({ tone: "success", title: result.changed.length ? t("saved") : t("unchanged") });
      },
    );
  };

  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => { action.reset(); setCategoryId(values.categoryId); setOpen(true); }}>
        <Pencil aria-hidden />
        {t("open")}
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="max-h-[90dvh] max-w-2xl overflow-y-auto">
          <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>{t("title")}</DialogTitle>
            </DialogHeader>
            <FormField label={t("subject")} error={action.fieldError("subject")}>
              <Input name="subject" defaultValue={values.subject} />
            </FormField>
            <FormField label={t("description")} error={action.fieldError("description")}>
              <Textarea name="description" rows={5} defaultValue={values.description} />
            </FormField>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label={t("category")} error={action.fieldError("categoryId")}>
                <Select name="categoryId" value={categoryId ?? ""} onChange={(event) => setCategoryId(event.target.value ? Number(event.target.value) : null)}>
                  <option value="">{t("none")}</option>
                  {parents.map((category) => <option key={category.id} value={category.id}>{category.name}</option>)}
                </Select>
              </FormField>
              <FormField label={t("subcategory")} error={action.fieldError("subcategoryId")}>
                <Select name="subcategoryId" key={categoryId ?? "none"} defaultValue={categoryId === values.categoryId ? (values.subcategoryId ?? "") : ""}>
                  <option value="">{t("none")}</option>
                  {children.map((category) => <option key={category.id} value={category.id}>{category.name}</option>)}
                </Select>
              </FormField>
              <FormField label={t("touchpoint")} error={action.fieldError("touchpointId")}>
                <Select name="touchpointId" defaultValue={values.touchpointId ?? ""}>
                  <option value="">{t("none")}</option>
                  {options.touchpoints.map((row) => <option key={row.id} value={row.id}>{row.name}</option>)}
                </Select>
              </FormField>
              <FormField label={t("severity")} error={action.fieldError("severityId")}>
                <Select name="severityId" defaultValue={values.severityId}>
                  {options.severities.map((row) => <option key={row.id} value={row.id}>{row.name}</option>)}
                </Select>
              </FormField>
              <FormField label={t("priority")} error={action.fieldError("priority")}>
                <Select name="priority" defaultValue={values.priority}>
                  {PRIORITIES.map((priority) => <option key={priority} value={priority}>{tPriority(priority)}</option>)}
                </Select>
              </FormField>
              <FormField label={t("bookingReference")} error={action.fieldError("bookingReference")}>
                <Input name="bookingReference" defaultValue={values.bookingReference ?? ""} autoComplete="off" />
              </FormField>
              <FormField label={t("flightNumber")} error={action.fieldError("flightNumber")}>
                <Input name="flightNumber" defaultValue={values.flightNumber ?? ""} autoComplete="off" />
              </FormField>
              <FormField label={t("serviceDate")} error={action.fieldError("serviceDate")}>
                <Input name="serviceDate" type="date" defaultValue={values.serviceDate ?? ""} />
              </FormField>
            </div>
            {action.formError ? <p role="alert" className="text-sm text-danger-700">{action.formError}</p> : null}
            <ConflictNotice failure={action.failure} onReload={() => setOpen(false)} />
            <DialogFooter>
              <Button variant="secondary" onClick={() => setOpen(false)}>{t("cancel")}</Button>
              <Button type="submit" disabled={action.pending}>{action.pending ? t("saving") : t("save")}</Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
