"use client";
// The agent's one appeal (a reason), and the second inspector's decision (uphold with a new score, or reject).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { useAction } from "@/components/ui/use-action";
import {
  PointsFields,
  emptyPoints,
  pointsPayload,
  usePointsError,
  type CriterionView,
} from "@/components/quality/points-fields";
import { appealInspectionAction, decideAppealAction, setCalibrationAction } from "@/lib/quality/actions";

function useFormError() {
  const t = useTranslations("quality.form");
  return (error: string | undefined) =>
    error === "conflict"
      ? t("errors.conflict")
      : error === "forbidden"
        ? t("errors.forbidden")
        : error
          ? t("errors.unprocessable")
          : null;
}

export function AppealForm({ inspectionId, version }: { inspectionId: number; version: number }) {
  const t = useTranslations("quality.form");
  const router = useRouter();
  const { toast } = useToast();
  const { run, pending, failure, fieldCode } = useAction();
  const formError = useFormError();
  const [reason, setReason] = useState("");
  const code = fieldCode("reason");
  return (
    <form
      noValidate
      className="flex flex-col gap-2"
      data-testid="appeal-form"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => appealInspectionAction(inspectionId, { version, reason }), {
          onSuccess: () => {
            toast({ tone: "success", title: t("appealSent") });
            router.refresh();
          },
        });
      }}
    >
      <FormField
        label={t("appealReason")}
        hint={t("appealHint")}
        error={code ? t(code === "too_long" ? "errors.tooLong" : "errors.reasonTooShort") : undefined}
      >
        <Textarea
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          data-testid="appeal-reason"
        />
      </FormField>
      {failure && !failure.fields ? (
        <p role="alert" className="text-sm text-danger-700">
          {formError(failure.error)}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} data-testid="appeal-submit">
          {t("appeal")}
        </Button>
      </div>
    </form>
  );
}

export function DecideAppealForm({
  inspectionId,
  version,
  criteria,
}: {
  inspectionId: number;
  version: number;
  criteria: CriterionView[];
}) {
  const t = useTranslations("quality.form");
  const router = useRouter();
  const { toast } = useToast();
  const { run, pending, failure, fieldCode } = useAction();
  const formError = useFormError();
  const pointsError = usePointsError();
  const [decision, setDecision] = useState<"upheld" | "rejected">("rejected");
  const [comment, setComment] = useState("");
  const [points, setPoints] = useState(() => emptyPoints(criteria));
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      data-testid="decide-form"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () =>
            decideAppealAction(inspectionId, {
              version,
              decision,
              comment,
              ...(decision === "upheld" ? { points: pointsPayload(criteria, points) } : {}),
            }),
          {
            onSuccess: () => {
              toast({ tone: "success", title: t(`decided.${decision}`) });
              router.refresh();
            },
          },
        );
      }}
    >
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("decision")}</legend>
        {(["rejected", "upheld"] as const).map((value) => (
          <label key={value} className="flex items-center gap-1.5">
            <input
              type="radio"
              name="decision"
              value={value}
              checked={decision === value}
              onChange={() => setDecision(value)}
              data-testid={`decision-${value}`}
            />
            {t(`decisions.${value}`)}
          </label>
        ))}
      </fieldset>
      {decision === "upheld" ? (
        <PointsFields
          criteria={criteria}
          value={points}
          onChange={setPoints}
          errorOf={(code) => pointsError(fieldCode(`points.${code}`))}
        />
      ) : null}
      {fieldCode("points") ? (
        <p role="alert" className="text-sm text-danger-700">
          {t("errors.pointsRequired")}
        </p>
      ) : null}
      <FormField label={t("decisionComment")} error={fieldCode("comment") ? t("errors.commentRequired") : undefined}>
        <Textarea
          rows={3}
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          data-testid="decide-comment"
        />
      </FormField>
      {failure && !failure.fields ? (
        <p role="alert" className="text-sm text-danger-700">
          {formError(failure.error)}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} data-testid="decide-submit">
          {t("decide")}
        </Button>
      </div>
    </form>
  );
}

export function CalibrationToggle({
  inspectionId,
  version,
  open,
}: {
  inspectionId: number;
  version: number;
  open: boolean;
}) {
  const t = useTranslations("quality.form");
  const router = useRouter();
  const { run, pending, failure } = useAction();
  const formError = useFormError();
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        data-testid="calibration-toggle"
        onClick={() =>
          run(() => setCalibrationAction(inspectionId, !open, { version }), { onSuccess: () => router.refresh() })
        }
      >
        {open ? t("closeCalibration") : t("openCalibration")}
      </Button>
      {failure ? (
        <p role="alert" className="text-sm text-danger-700">
          {formError(failure.error)}
        </p>
      ) : null}
    </div>
  );
}
