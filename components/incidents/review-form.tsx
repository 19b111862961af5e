"use client";
// The incident review (复盘) form: timeline summary, what went well and badly, and new improvement actions (CAPA) that
// are created with the save and linked to the incident. The incident closes only once a review is saved.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { incidentReviewAction } from "@/lib/incidents/actions";
import { useFieldError } from "@/components/incidents/field-error";
import { useIncidentAction } from "@/components/incidents/use-incident-action";

type ActionDraft = { title: string; kind: "corrective" | "preventive"; ownerId: string; dueOn: string };
const NEW_ACTION: ActionDraft = { title: "", kind: "corrective", ownerId: "", dueOn: "" };

/** `hints` are translated on the server (incidentBoard.review), keeping help texts out of the client payload. */
export function ReviewForm({
  id,
  version,
  initial,
  owners,
  canCreateActions,
  hints,
  onDone,
}: {
  id: number;
  version: number;
  initial: { summary: string; wentWell: string; wentBadly: string };
  owners: { id: number; name: string }[];
  canCreateActions: boolean;
  hints: { summary: string; actions: string };
  onDone?: () => void;
}) {
  const t = useTranslations("incidents.review");
  const tImprovements = useTranslations("improvements");
  const [draft, setDraft] = useState(initial);
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const { run, errors, message, pending } = useIncidentAction();
  const err = useFieldError(errors);
  const setAction = (index: number, patch: Partial<ActionDraft>) =>
    setActions((list) => list.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const input = () => ({
    version,
    ...draft,
    actions: actions.map((row) => ({
      title: row.title,
      kind: row.kind,
      ownerId: row.ownerId ? Number(row.ownerId) : null,
      dueOn: row.dueOn,
      description: "",
    })),
  });
  return (
    <div className="flex flex-col gap-3" data-testid="incident-review-form">
      <FormField label={t("summary")} hint={hints.summary} error={err("summary")}>
        <Textarea
          name="summary"
          rows={4}
          maxLength={8000}
          value={draft.summary}
          onChange={(event) => setDraft({ ...draft, summary: event.target.value })}
        />
      </FormField>
      <FormField label={t("wentWell")} error={err("wentWell")}>
        <Textarea
          name="wentWell"
          rows={3}
          maxLength={4000}
          value={draft.wentWell}
          onChange={(event) => setDraft({ ...draft, wentWell: event.target.value })}
        />
      </FormField>
      <FormField label={t("wentBadly")} error={err("wentBadly")}>
        <Textarea
          name="wentBadly"
          rows={3}
          maxLength={4000}
          value={draft.wentBadly}
          onChange={(event) => setDraft({ ...draft, wentBadly: event.target.value })}
        />
      </FormField>
      <div>
        <h3 className="text-sm font-medium text-slate-800">{t("newActions")}</h3>
        <p className="text-xs text-slate-500">{hints.actions}</p>
      </div>
      {actions.map((row, index) => (
        <div
          key={index}
          className="grid gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-2"
          data-testid="review-action"
        >
          <FormField
            label={tImprovements("fields.title")}
            error={err(`actions.${index}.title`)}
            className="sm:col-span-2"
          >
            <Input
              value={row.title}
              maxLength={160}
              onChange={(event) => setAction(index, { title: event.target.value })}
            />
          </FormField>
          <FormField label={tImprovements("fields.kind")} error={err(`actions.${index}.kind`)}>
            <Select
              value={row.kind}
              onChange={(event) => setAction(index, { kind: event.target.value as ActionDraft["kind"] })}
            >
              <option value="corrective">{tImprovements("kinds.corrective")}</option>
              <option value="preventive">{tImprovements("kinds.preventive")}</option>
            </Select>
          </FormField>
          <FormField label={tImprovements("fields.owner")} error={err(`actions.${index}.ownerId`)}>
            <Select value={row.ownerId} onChange={(event) => setAction(index, { ownerId: event.target.value })}>
              <option value="">—</option>
              {owners.map((owner) => (
                <option key={owner.id} value={owner.id}>
                  {owner.name}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={tImprovements("fields.dueOn")} error={err(`actions.${index}.dueOn`)}>
            <Input
              type="date"
              value={row.dueOn}
              onChange={(event) => setAction(index, { dueOn: event.target.value })}
              className="w-44"
            />
          </FormField>
          <div className="flex items-end justify-end">
            <Button variant="ghost" size="sm" onClick={() => setActions((list) => list.filter((_, i) => i !== index))}>
              <Trash2 className="size-4" aria-hidden />
              {t("removeAction")}
            </Button>
          </div>
        </div>
      ))}
      {canCreateActions ? (
        <div>
          <Button variant="secondary" size="sm" onClick={() => setActions((list) => [...list, NEW_ACTION])}>
            <Plus className="size-4" aria-hidden />
            {t("addAction")}
          </Button>
        </div>
      ) : null}
      {err("actions") ? <p className="text-sm text-danger-700">{err("actions")}</p> : null}
      {message ? (
        <p role="alert" className="text-sm font-medium text-danger-700">
          {message}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button
          disabled={pending}
          onClick={() =>
            run(
              () => incidentReviewAction(id, input()),
              t("saved"),
              () => {
                setActions([]);
                onDone?.();
              },
            )
          }
        >
          {t("save")}
        </Button>
      </div>
    </div>
  );
}

/** The form open at once for a first review; behind "Revise review" once one is written. */
export function ReviewEditor(props: Omit<Parameters<typeof ReviewForm>[0], "onDone"> & { written: boolean }) {
  const t = useTranslations("incidents.review");
  const [open, setOpen] = useState(!props.written);
  if (!open)
    return (
      <div>
        <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
          {t("edit")}
        </Button>
      </div>
    );
  return (
    <div className="flex flex-col gap-2">
      <ReviewForm {...props} onDone={() => setOpen(false)} />
      {props.written ? (
        <div>
          <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
            {t("cancel")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
