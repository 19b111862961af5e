"use client";
// Points and a comment per criterion, with the live weighted total (the same pure scoring the server applies).
import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Badge } from "@/components/ui/badge";
import { scoreInspection } from "@/lib/quality/scoring";

export type CriterionView = { code: string; label: string; weight: number; maxPoints: number; critical: boolean };
export type PointsValue = Record<string, { points: string; comment: string }>;

export function emptyPoints(criteria: readonly CriterionView[]): PointsValue {
  return Object.fromEntries(criteria.map((criterion) => [criterion.code, { points: "", comment: "" }]));
}

export function pointsPayload(criteria: readonly CriterionView[], value: PointsValue) {
  return criteria.map((criterion) => ({
    code: criterion.code,
    points: value[criterion.code]?.points === "" ? Number.NaN : Number(value[criterion.code]?.points),
    comment: value[criterion.code]?.comment ?? "",
  }));
}

export function PointsFields({
  criteria,
  value,
  onChange,
  errorOf,
}: {
  criteria: readonly CriterionView[];
  value: PointsValue;
  onChange: (next: PointsValue) => void;
  errorOf: (code: string) => string | undefined;
}) {
  const t = useTranslations("quality.form");
  const payload = pointsPayload(criteria, value);
  const preview = payload.every((row) => Number.isFinite(row.points)) ? scoreInspection(criteria, payload) : null;
  const set = (code: string, patch: Partial<{ points: string; comment: string }>) =>
    onChange({ ...value, [code]: { ...value[code]!, ...patch } });
  return (
    <div className="flex flex-col gap-3">
      {criteria.map((criterion) => (
        <div
          key={criterion.code}
          className="rounded-lg border border-slate-200 p-3"
          data-testid={`criterion-${criterion.code}`}
        >
          <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium text-slate-900">{criterion.label}</span>
            <span className="text-[13px] text-slate-500">
              {t("weightMax", { weight: criterion.weight, max: criterion.maxPoints })}
            </span>
            {criterion.critical ? <Badge tone="danger">{t("critical")}</Badge> : null}
          </div>
          <div className="grid gap-2 sm:grid-cols-[8rem_1fr]">
            <FormField label={t("points")} error={errorOf(criterion.code)}>
              <Input
                type="number"
                inputMode="decimal"
                min={0}
                max={criterion.maxPoints}
                step="0.5"
                value={value[criterion.code]?.points ?? ""}
                onChange={(event) => set(criterion.code, { points: event.target.value })}
                data-testid={`points-${criterion.code}`}
              />
            </FormField>
            <FormField label={t("criterionComment")}>
              <Textarea
                rows={2}
                maxLength={2000}
                value={value[criterion.code]?.comment ?? ""}
                onChange={(event) => set(criterion.code, { comment: event.target.value })}
                data-testid={`comment-${criterion.code}`}
              />
            </FormField>
          </div>
        </div>
      ))}
      <p className="text-sm text-slate-700" data-testid="score-preview">
        {preview?.ok ? t("previewTotal", { total: preview.total }) : t("previewIncomplete")}
        {preview?.ok && preview.criticalFailed.length ? (
          <span className="ml-2 text-danger-700">{t("criticalFailed")}</span>
        ) : null}
      </p>
    </div>
  );
}

/** A field code from the scoring use case ("points.<criterion>") translated. */
export function usePointsError() {
  const t = useTranslations("quality.form");
  return (code: string | undefined) => {
    if (!code) return undefined;
    if (code === "out_of_range" || code === "too_large" || code === "too_small") return t("errors.outOfRange");
    if (code === "missing") return t("errors.missing");
    return t("errors.invalid");
  };
}
