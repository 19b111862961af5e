"use client";
// The inspector's scoring form (the result, or a calibration score): points and comments per criterion, an overall
// comment; field errors beside the criterion they concern.
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
import { scoreInspectionAction } from "@/lib/quality/actions";

export function ScoreForm({
  inspectionId,
  version,
  kind,
  criteria,
}: {
  inspectionId: number;
  version: number;
  kind: "primary" | "calibration";
  criteria: CriterionView[];
}) {
  const t = useTranslations("quality.form");
  const router = useRouter();
  const { toast } = useToast();
  const { run, pending, failure, fieldCode } = useAction();
  const pointsError = usePointsError();
  const [value, setValue] = useState(() => emptyPoints(criteria));
  const [comment, setComment] = useState("");
  const submit = () =>
    run(() => scoreInspectionAction(inspectionId, { version, kind, points: pointsPayload(criteria, value), comment }), {
      onSuccess: (result) => {
        toast({ tone: "success", title: t("scored", { total: result.total }) });
        router.refresh();
      },
    });
  const formError =
    failure && !failure.fields
      ? t(
          `errors.${failure.error === "conflict" ? "conflict" : failure.error === "forbidden" ? "forbidden" : "unprocessable"}`,
        )
      : failure?.fields?._
        ? t("errors.invalid")
        : null;
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid={`score-form-${kind}`}
    >
      <PointsFields
        criteria={criteria}
        value={value}
        onChange={setValue}
        errorOf={(code) => pointsError(fieldCode(`points.${code}`))}
      />
      <FormField label={t("overallComment")}>
        <Textarea
          rows={3}
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          data-testid="score-comment"
        />
      </FormField>
      {formError ? (
        <p role="alert" className="text-sm text-danger-700">
          {formError}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} data-testid="score-submit">
          {kind === "primary" ? t("submitScore") : t("submitCalibration")}
        </Button>
      </div>
    </form>
  );
}
