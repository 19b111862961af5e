"use client";
// Pieces every admin create/edit form shares: the save flow (toast, redirect, field errors, conflicts), bilingual
// name + code fields, a checkbox with hint, the footer buttons, and the sticky preview card with its "run" button.
import { Eye } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useAction } from "@/components/ui/use-action";
import type { FieldErrors, Result } from "@/lib/errors";

type SaveResult = Result<object>;
type SaveTexts = { saved: string; conflict: string; fixFields: string };

/**
 * Runs a save action; on success toasts and goes back to the list, otherwise keeps the field errors and a form-level
 * message.
 */
export function useAdminSave(listHref: string, texts: SaveTexts) {
  const router = useRouter();
  const { toast } = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const { pending, run } = useAction();

  function save(call: () => Promise<SaveResult>) {
    run(call, {
      onSuccess: () => {
        toast({ tone: "success", title: texts.saved });
        router.push(listHref);
        router.refresh();
      },
      onFailure: (failure) => {
        setErrors(failure.fields ?? {});
        setFormError(
          failure.error === "conflict" ? texts.conflict : failure.fields ? texts.fixFields : failure.message,
        );
      },
    });
  }

  return { errors, setErrors, formError, pending, save };
}

/** Preview actions report draft errors as "draft.<field>": these are the form's own field errors. */
export function draftFieldErrors(fields: FieldErrors | undefined): FieldErrors {
  return Object.fromEntries(
    Object.entries(fields ?? {}).flatMap(([key, value]) => (key.startsWith("draft.") ? [[key.slice(6), value]] : [])),
  );
}

type NameCodeValues = { nameZh: string; nameEn: string; code: string };

export function NameCodeFields({
  labels,
  values,
  onChange,
  errorText,
}: {
  labels: { nameZh: string; nameEn: string; code: string; codeHint: string };
  values: NameCodeValues;
  onChange: (field: keyof NameCodeValues, value: string) => void;
  errorText: (field: string) => string | undefined;
}) {
  return (
    <>
      <FormField label={labels.nameZh} error={errorText("nameZh")}>
        <Input
          value={values.nameZh}
          onChange={(e) => onChange("nameZh", e.currentTarget.value)}
          maxLength={120}
          lang="zh-CN"
        />
      </FormField>
      <FormField label={labels.nameEn} error={errorText("nameEn")}>
        <Input
          value={values.nameEn}
          onChange={(e) => onChange("nameEn", e.currentTarget.value)}
          maxLength={120}
          lang="en"
        />
      </FormField>
      <FormField label={labels.code} hint={labels.codeHint} error={errorText("code")}>
        <Input
          value={values.code}
          onChange={(e) => onChange("code", e.currentTarget.value)}
          maxLength={60}
          className="font-mono"
          autoComplete="off"
        />
      </FormField>
    </>
  );
}

export function CheckboxField({
  label,
  hint,
  checked,
  onChange,
  error,
  testId,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (next: boolean) => void;
  error?: string;
  testId?: string;
  className?: string;
}) {
  return (
    <div className={className}>
      <label className="flex cursor-pointer items-start gap-2">
        <input
          type="checkbox"
          className="focus-ring mt-0.5 size-4 accent-brand-600"
          checked={checked}
          onChange={(event) => onChange(event.currentTarget.checked)}
          data-testid={testId}
          aria-invalid={error ? true : undefined}
        />
        <span className="flex flex-col">
          <span className="text-sm font-medium text-slate-800">{label}</span>
          {hint ? <span className="text-xs text-slate-500">{hint}</span> : null}
        </span>
      </label>
      {error ? <p className="mt-1 text-xs font-medium text-danger-700">{error}</p> : null}
    </div>
  );
}

export function FormActions({
  formError,
  pending,
  labels,
  cancelHref,
}: {
  formError: string | null;
  pending: boolean;
  labels: { save: string; saving: string; cancel: string };
  cancelHref: string;
}) {
  return (
    <>
      {formError ? (
        <p role="alert" className="text-sm font-medium text-danger-700">
          {formError}
        </p>
      ) : null}
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? labels.saving : labels.save}
        </Button>
        <Link href={cancelHref} className={buttonClasses("secondary")}>
          {labels.cancel}
        </Link>
      </div>
    </>
  );
}

/** The sticky card beside a form: inputs for a sample, a "run" button, an error line and the live result. */
export function PreviewCard({
  id,
  testId,
  title,
  description,
  runLabel,
  runningLabel,
  pending,
  onRun,
  error,
  inputs,
  children,
}: {
  id: string;
  testId: string;
  title: string;
  description: string;
  runLabel: string;
  runningLabel: string;
  pending: boolean;
  onRun: () => void;
  error: string | null;
  inputs: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card className="self-start xl:sticky xl:top-4" aria-labelledby={id} data-testid={testId}>
      <CardHeader className="flex-col gap-0">
        <CardTitle id={id}>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div className="grid grid-cols-2 gap-3">{inputs}</div>
        <Button type="button" variant="secondary" onClick={onRun} disabled={pending}>
          <Eye aria-hidden />
          {pending ? runningLabel : runLabel}
        </Button>
        {error ? (
          <p role="alert" className="text-sm font-medium text-danger-700">
            {error}
          </p>
        ) : null}
        {children}
      </CardContent>
    </Card>
  );
}
