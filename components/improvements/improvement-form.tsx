"use client";
// Create or edit an improvement action. Editing sends the loaded version; a concurrent save is reported as a conflict.
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import type { FieldErrors } from "@/lib/errors";
import { IMPROVEMENT_KINDS, IMPROVEMENT_STATUSES } from "@/lib/improvements/schema";
import { createImprovementAction, updateImprovementAction } from "@/lib/improvements/actions";

type Choices = {
  rootCauses: { id: number; code: string; nameZh: string; nameEn: string }[];
  owners: { id: number; name: string }[];
};
export type ImprovementDraft = {
  title: string;
  description: string;
  kind: string;
  status: string;
  rootCauseId: number | null;
  ownerId: number | null;
  dueOn: string;
};

const KNOWN = ["required", "too_long", "invalid_date", "unknown", "too_many"] as const;

export function ImprovementForm({
  id,
  initial,
  version: loadedVersion,
  choices,
}: {
  id: number | null;
  initial: ImprovementDraft;
  version: number;
  choices: Choices;
}) {
  const t = useTranslations("improvements");
  const locale = useLocale();
  const router = useRouter();
  const { toast } = useToast();
  const [version, setVersion] = useState(loadedVersion);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const err = (field: string) => {
    const code = errors[field]?.[0];
    if (!code) return undefined;
    if (code.startsWith("unknown:"))
      return t("errors.unknownReferences", { references: code.slice("unknown:".length) });
    return (KNOWN as readonly string[]).includes(code)
      ? t(`errors.${code as (typeof KNOWN)[number]}`)
      : t("errors.invalid");
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const idOrNull = (name: string) => (form.get(name) ? Number(form.get(name)) : null);
    const input = {
      title: String(form.get("title") ?? ""),
      description: String(form.get("description") ?? ""),
      kind: String(form.get("kind") ?? ""),
      status: String(form.get("status") ?? "open"),
      rootCauseId: idOrNull("rootCauseId"),
      ownerId: idOrNull("ownerId"),
      dueOn: String(form.get("dueOn") ?? ""),
    };
    startTransition(async () => {
      if (id === null) {
        const references = String(form.get("complaintReferences") ?? "")
          .split(/[\s,;]+/)
          .filter(Boolean);
        const result = await createImprovementAction({ ...input, complaintReferences: references });
        if (result.ok) {
          toast({ tone: "success", title: t("created") });
          router.push(`/improvements/${result.id}`);
          return;
        }
        setErrors(result.fields ?? {});
        setFormError(result.fields ? null : t("errors.failed"));
        return;
      }
      const result = await updateImprovementAction(id, { ...input, version });
      if (result.ok) {
        setVersion(result.version);
        setErrors({});
        setFormError(null);
        toast({ tone: "success", title: t("saved") });
        return;
      }
      setErrors(result.fields ?? {});
      setFormError(result.error === "conflict" ? t("errors.conflict") : result.fields ? null : t("errors.failed"));
    });
  }

  return (
    <Card className="p-5">
      <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("fields.title")} error={err("title")} className="sm:col-span-2">
          <Input name="title" defaultValue={initial.title} maxLength={160} />
        </FormField>
        <FormField label={t("fields.kind")} error={err("kind")}>
          <Select name="kind" defaultValue={initial.kind}>
            {IMPROVEMENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("fields.status")} error={err("status")}>
          <Select name="status" defaultValue={initial.status}>
            {IMPROVEMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`statuses.${status}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("fields.rootCause")} error={err("rootCauseId")}>
          <Select name="rootCauseId" defaultValue={initial.rootCauseId ?? ""}>
            <option value="">{t("fields.none")}</option>
            {choices.rootCauses.map((cause) => (
              <option key={cause.id} value={cause.id}>
                {cause.code} · {locale === "en" ? cause.nameEn : cause.nameZh}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("fields.owner")} error={err("ownerId")}>
          <Select name="ownerId" defaultValue={initial.ownerId ?? ""}>
            <option value="">{t("fields.none")}</option>
            {choices.owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("fields.dueOn")} error={err("dueOn")}>
          <Input name="dueOn" type="date" defaultValue={initial.dueOn} className="w-48" />
        </FormField>
        <FormField label={t("fields.description")} error={err("description")} className="sm:col-span-2">
          <Textarea name="description" defaultValue={initial.description} rows={4} maxLength={4000} />
        </FormField>
        {id === null ? (
          <FormField
            label={t("fields.complaints")}
            hint={t("fields.complaintsHint")}
            error={err("complaintReferences")}
            className="sm:col-span-2"
          >
            <Textarea
              name="complaintReferences"
              rows={2}
              className="font-mono text-sm"
              placeholder="CMP-2026-000123, CMP-2026-000124"
            />
          </FormField>
        ) : null}
        {formError ? (
          <p role="alert" className="text-sm font-medium text-danger-700 sm:col-span-2">
            {formError}
          </p>
        ) : null}
        <div className="flex justify-end sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? t("saving") : id === null ? t("create") : t("save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
