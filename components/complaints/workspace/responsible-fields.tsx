"use client";
// Resolve dialog: who is responsible (issue 18 item 6) — a department, a supplier, or an external cause — prefilled
// from the department answer the agent accepted.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { PARTIES_WITH_DEPARTMENT, RESPONSIBLE_PARTIES } from "@/lib/departments/parties";

export type ResponsibleChoice = { party: (typeof RESPONSIBLE_PARTIES)[number] | null; departmentId: number | null };
export type DepartmentOption = { id: number; label: string; supplier: boolean };

export function ResponsibleFields({
  initial,
  departments,
  error,
}: {
  initial: ResponsibleChoice;
  departments: DepartmentOption[];
  error: (field: string) => string | undefined;
}) {
  const t = useTranslations("workspace.transition");
  const tParty = useTranslations("departments.party");
  const [party, setParty] = useState<string>(initial.party ?? "");
  const named = PARTIES_WITH_DEPARTMENT.includes(party as (typeof RESPONSIBLE_PARTIES)[number]);
  const options = departments.filter((row) => (party === "supplier" ? row.supplier : !row.supplier));
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <FormField
        label={t("responsibleParty")}
        hint={initial.party ? t("responsiblePrefilled") : undefined}
        error={error("responsibleParty")}
      >
        <Select
          name="responsibleParty"
          value={party}
          onChange={(event) => setParty(event.currentTarget.value)}
          data-testid="resolve-responsible-party"
        >
          <option value="">{t("responsibleNone")}</option>
          {RESPONSIBLE_PARTIES.map((value) => (
            <option key={value} value={value}>
              {tParty(value)}
            </option>
          ))}
        </Select>
      </FormField>
      {named ? (
        <FormField label={t("responsibleDepartment")} error={error("responsibleDepartmentId")}>
          <Select
            name="responsibleDepartmentId"
            defaultValue={initial.departmentId ? String(initial.departmentId) : ""}
            data-testid="resolve-responsible-department"
          >
            <option value="">{t("chooseDepartment")}</option>
            {options.map((row) => (
              <option key={row.id} value={row.id}>
                {row.label}
              </option>
            ))}
          </Select>
        </FormField>
      ) : null}
    </div>
  );
}
