"use client";
// Edits the complaint's descriptive fields; the server diffs them, records each change on the timeline and audits it.
// After a conflict, what the user changed is kept and re-applied on top of the fresh version once they refresh.
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
import { updateAction } from "@/lib/complaints/actions";
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
export type EditOptions = {
  categories: (Option & { parentId: number | null })[];
  touchpoints: Option[];
  severities: Option[];
};

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value.trim() : "";
};
const idOrNull = (form: FormData, key: string) => (text(form, key) ? Number(text(form, key)) : null);

const FIELDS = [
  "subject",
  "description",
  "categoryId",
  "subcategoryId",
  "touchpointId",
  "severityId",
  "priority",
  "bookingReference",
  "flightNumber",
  "serviceDate",
] as const satisfies readonly (keyof EditValues)[];
type Draft = Partial<Record<(typeof FIELDS)[number], string>>;

/** The fields whose form value differs from what the page was loaded with: the user's own edits. */
function editsOf(form: FormData, values: EditValues): Draft {
  const draft: Draft = {};
  for (const field of FIELDS) {
    const typed = text(form, field);
    if (typed !== String(values[field] ?? "")) draft[field] = typed;
  }
  return draft;
}

type Props = { reference: string; version: number; values: EditValues; options: EditOptions };

export function EditDialog(props: Props) {
  const t = useTranslations("workspace.edit");
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          setDraft(null);
          setOpen(true);
        }}
      >
        <Pencil aria-hidden />
        {t("open")}
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="max-h-[90dvh] max-w-2xl overflow-y-auto">
          {/* A new version remounts the form: fresh values, with the kept edits on top. */}
          <EditForm
            key={props.version}
            {...props}
            draft={draft}
            onConflict={setDraft}
            onDone={() => {
              setDraft(null);
              setOpen(false);
            }}
            onCancel={() => setOpen(false)}
          />
        </DialogContent>
      </Dialog>
    </>
  );
}

type FormProps = Props & {
  draft: Draft | null;
  onConflict: (draft: Draft) => void;
  onDone: () => void;
  onCancel: () => void;
};

function EditForm({ reference, version, values: loaded, options, draft, onConflict, onDone, onCancel }: FormProps) {
  const t = useTranslations("workspace.edit");
  const tPriority = useTranslations("priority");
  const tFields = useTranslations("complaintFields");
  const { toast } = useToast();
  const keptFields = draft ? FIELDS.filter((field) => draft[field] !== undefined) : [];
  const initial = (field: (typeof FIELDS)[number]) => draft?.[field] ?? String(loaded[field] ?? "");
  const keptCategory = draft?.categoryId;
  const startCategory = keptCategory !== undefined ? (keptCategory ? Number(keptCategory) : null) : loaded.categoryId;
  const [categoryId, setCategoryId] = useState(startCategory);
  const action = useWorkspaceAction();
  const parents = options.categories.filter((category) => category.parentId === null);
  const children = options.categories.filter(
    (category) => category.parentId !== null && category.parentId === categoryId,
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      version,
      categoryId: idOrNull(form, "categoryId"),
      subcategoryId: idOrNull(form, "subcategoryId"),
      touchpointId: idOrNull(form, "touchpointId"),
      severityId: Number(text(form, "severityId")),
      priority: text(form, "priority") as (typeof PRIORITIES)[number],
      subject: text(form, "subject"),
      description: text(form, "description"),
      bookingReference: text(form, "bookingReference") || null,
      flightNumber: text(form, "flightNumber") || null,
      serviceDate: text(form, "serviceDate") || null,
    };
    const edits = editsOf(form, loaded);
    action.run(
      () => updateAction(reference, input),
      (result) => {
        onDone();
        toast({ tone: "success", title: result.changed.length ? t("saved") : t("unchanged") });
      },
      (failure) => {
        if (failure.error === "conflict") onConflict({ ...(draft ?? {}), ...edits });
      },
    );
  };

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid="edit-form">
      <DialogHeader>
        <DialogTitle>{t("title")}</DialogTitle>
      </DialogHeader>
      {keptFields.length && !action.failure ? (
        <p
          role="status"
          data-testid="edit-reapplied"
          className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm text-brand-800"
        >
          {t("reapplied", { fields: keptFields.map((field) => tFields(field)).join(t("listSeparator")) })}
        </p>
      ) : null}
      <FormField label={t("subject")} error={action.fieldError("subject")}>
        <Input name="subject" defaultValue={initial("subject")} data-testid="edit-subject" />
      </FormField>
      <FormField label={t("description")} error={action.fieldError("description")}>
        <Textarea name="description" rows={5} defaultValue={initial("description")} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("category")} error={action.fieldError("categoryId")}>
          <Select
            name="categoryId"
            value={categoryId ?? ""}
            onChange={(event) => setCategoryId(event.target.value ? Number(event.target.value) : null)}
          >
            <option value="">{t("none")}</option>
            {parents.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("subcategory")} error={action.fieldError("subcategoryId")}>
          <Select
            name="subcategoryId"
            key={categoryId ?? "none"}
            defaultValue={categoryId === startCategory ? initial("subcategoryId") : ""}
          >
            <option value="">{t("none")}</option>
            {children.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("touchpoint")} error={action.fieldError("touchpointId")}>
          <Select name="touchpointId" defaultValue={initial("touchpointId")}>
            <option value="">{t("none")}</option>
            {options.touchpoints.map((row) => (
              <option key={row.id} value={row.id}>
                {row.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("severity")} error={action.fieldError("severityId")}>
          <Select name="severityId" defaultValue={initial("severityId")} data-testid="edit-severity">
            {options.severities.map((row) => (
              <option key={row.id} value={row.id}>
                {row.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("priority")} error={action.fieldError("priority")}>
          <Select name="priority" defaultValue={initial("priority")}>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {tPriority(priority)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("bookingReference")} error={action.fieldError("bookingReference")}>
          <Input name="bookingReference" defaultValue={initial("bookingReference")} autoComplete="off" />
        </FormField>
        <FormField label={t("flightNumber")} error={action.fieldError("flightNumber")}>
          <Input name="flightNumber" defaultValue={initial("flightNumber")} autoComplete="off" />
        </FormField>
        <FormField label={t("serviceDate")} error={action.fieldError("serviceDate")}>
          <Input name="serviceDate" type="date" defaultValue={initial("serviceDate")} />
        </FormField>
      </div>
      {action.formError ? (
        <p role="alert" className="text-sm text-danger-700">
          {action.formError}
        </p>
      ) : null}
      <ConflictNotice failure={action.failure} onReload={action.reset} keptInput={[t("yourEdits")]} />
      <DialogFooter>
        <Button variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={action.pending} data-testid="edit-save">
          {action.pending ? t("saving") : t("save")}
        </Button>
      </DialogFooter>
    </form>
  );
}
