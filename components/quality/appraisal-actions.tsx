"use client";
// On the appraisal sheet: the supervisor's comment, the agent's acknowledgement, and printing the sheet.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { useAction } from "@/components/ui/use-action";
import {
  acknowledgeAppraisalAction,
  commentAppraisalAction,
  requestAppraisalsAction,
  requestSamplingAction,
} from "@/lib/quality/actions";

function errorText(t: ReturnType<typeof useTranslations<"quality.form">>, error: string | undefined) {
  return error === "conflict"
    ? t("errors.conflict")
    : error === "forbidden"
      ? t("errors.forbidden")
      : error
        ? t("errors.unprocessable")
        : null;
}

export function CommentForm({
  appraisalId,
  version,
  initial,
}: {
  appraisalId: number;
  version: number;
  initial: string;
}) {
  const t = useTranslations("quality.form");
  const router = useRouter();
  const { toast } = useToast();
  const { run, pending, failure, fieldCode } = useAction();
  const [comment, setComment] = useState(initial);
  return (
    <form
      noValidate
      className="flex flex-col gap-2 print:hidden"
      data-testid="appraisal-comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => commentAppraisalAction(appraisalId, { version, comment }), {
          onSuccess: () => {
            toast({ tone: "success", title: t("commentSaved") });
            router.refresh();
          },
        });
      }}
    >
      <FormField label={t("supervisorComment")} error={fieldCode("comment") ? t("errors.commentRequired") : undefined}>
        <Textarea
          rows={3}
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          data-testid="appraisal-comment"
        />
      </FormField>
      {failure && !failure.fields ? (
        <p role="alert" className="text-sm text-danger-700">
          {errorText(t, failure.error)}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" size="sm" disabled={pending} data-testid="appraisal-comment-save">
          {t("saveComment")}
        </Button>
      </div>
    </form>
  );
}

export function AcknowledgeButton({ appraisalId, version }: { appraisalId: number; version: number }) {
  const t = useTranslations("quality.form");
  const router = useRouter();
  const { run, pending, failure } = useAction();
  return (
    <div className="flex flex-col items-start gap-1 print:hidden">
      <Button
        disabled={pending}
        data-testid="appraisal-acknowledge"
        onClick={() =>
          run(() => acknowledgeAppraisalAction(appraisalId, { version }), { onSuccess: () => router.refresh() })
        }
      >
        {t("acknowledge")}
      </Button>
      {failure ? (
        <p role="alert" className="text-sm text-danger-700">
          {errorText(t, failure.error)}
        </p>
      ) : null}
    </div>
  );
}

export function PrintButton() {
  const t = useTranslations("quality.form");
  return (
    <Button
      variant="secondary"
      size="sm"
      className="print:hidden"
      onClick={() => window.print()}
      data-testid="appraisal-print"
    >
      <Printer aria-hidden />
      {t("print")}
    </Button>
  );
}

/** Managers queue a sampling run or an appraisal computation for a month (pg-boss jobs). */
export function RunMonth({ kind, defaultMonth }: { kind: "sample" | "appraise"; defaultMonth: string }) {
  const t = useTranslations("quality.form");
  const { toast } = useToast();
  const { run, pending, failure, fieldCode } = useAction();
  const [month, setMonth] = useState(defaultMonth);
  const action = kind === "sample" ? requestSamplingAction : requestAppraisalsAction;
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-2"
      data-testid={`run-${kind}`}
      onSubmit={(event) => {
        event.preventDefault();
        run(() => action({ month }), {
          onSuccess: () =>
            toast({ tone: "success", title: t(kind === "sample" ? "sampleQueued" : "appraiseQueued", { month }) }),
        });
      }}
    >
      <FormField label={t("month")} error={fieldCode("month") ? t("errors.month") : undefined}>
        <input
          type="month"
          value={month}
          onChange={(event) => setMonth(event.target.value)}
          className="focus-ring h-9 rounded-md border border-slate-300 px-2 text-sm"
          data-testid={`run-${kind}-month`}
        />
      </FormField>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {t(kind === "sample" ? "runSampling" : "runAppraisal")}
      </Button>
      {failure && !failure.fields ? (
        <p role="alert" className="text-sm text-danger-700">
          {errorText(t, failure.error)}
        </p>
      ) : null}
    </form>
  );
}
