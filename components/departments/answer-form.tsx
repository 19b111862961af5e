"use client";
// The liaison's answer to an open request: findings, cause, responsible party, remedy and compensation suggestion.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { answerInvestigationAction } from "@/lib/departments/actions";
import type { FieldErrors } from "@/lib/errors";

export const PARTIES = ["department", "supplier", "weather", "atc", "customer", "other"] as const;

export function AnswerForm({
  requestId,
  version,
  departments,
  defaultDepartmentId,
}: {
  requestId: number;
  version: number;
  departments: { id: number; name: string }[];
  defaultDepartmentId: number;
}) {
  const t = useTranslations("departments.answer");
  const tParty = useTranslations("departments.party");
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [party, setParty] = useState<(typeof PARTIES)[number]>("department");
  const errorText = (field: string) =>
    errors[field]?.length
      ? t(field === "responsibleDepartmentId" ? "errors.department" : "errors.required")
      : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const department = String(form.get("responsibleDepartmentId") ?? "");
    startTransition(async () => {
      const result = await answerInvestigationAction(requestId, {
        version,
        findings: String(form.get("findings") ?? ""),
        cause: String(form.get("cause") ?? ""),
        responsibleParty: party,
        responsibleDepartmentId:
          party === "department" || party === "supplier" ? (department ? Number(department) : null) : null,
        proposedRemedy: String(form.get("proposedRemedy") ?? ""),
        compensationSuggestion: String(form.get("compensationSuggestion") ?? ""),
      });
      if (!result.ok) {
        setErrors(result.fields ?? {});
        setFormError(result.error === "conflict" ? t("errors.conflict") : t("errors.failed"));
        return;
      }
      setErrors({});
      setFormError(null);
      toast({ tone: "success", title: t("sent") });
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" data-testid="answer-form">
      <FormField label={t("findings")} error={errorText("findings")}>
        <Textarea name="findings" rows={4} maxLength={4000} required />
      </FormField>
      <FormField label={t("cause")} error={errorText("cause")}>
        <Textarea name="cause" rows={2} maxLength={2000} required />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("responsible")} error={errorText("responsibleParty")}>
          <Select
            name="responsibleParty"
            value={party}
            onChange={(event) => setParty(PARTIES.find((value) => value === event.currentTarget.value) ?? "other")}
          >
            {PARTIES.map((value) => (
              <option key={value} value={value}>
                {tParty(value)}
              </option>
            ))}
          </Select>
        </FormField>
        {party === "department" || party === "supplier" ? (
          <FormField label={t("responsibleDepartment")} error={errorText("responsibleDepartmentId")}>
            <Select name="responsibleDepartmentId" defaultValue={String(defaultDepartmentId)}>
              {departments.map((row) => (
                <option key={row.id} value={row.id}>
                  {row.name}
                </option>
              ))}
            </Select>
          </FormField>
        ) : null}
      </div>
      <FormField label={t("remedy")}>
        <Textarea name="proposedRemedy" rows={2} maxLength={2000} />
      </FormField>
      <FormField label={t("compensation")}>
        <Input name="compensationSuggestion" maxLength={1000} />
      </FormField>
      {formError ? (
        <p role="alert" className="text-sm font-medium text-danger-700">
          {formError}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("sending") : t("send")}
        </Button>
      </div>
    </form>
  );
}
