"use client";
// The review steps the person may take on this article (computed on the server from the one transition table).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { FormField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import type { KnowledgeStep } from "@/lib/knowledge/workflow";
import { transitionArticleAction } from "@/lib/knowledge/actions";

export function WorkflowButtons({
  articleId,
  version,
  steps,
}: {
  articleId: number;
  version: number;
  steps: KnowledgeStep[];
}) {
  const t = useTranslations("knowledge");
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (steps.length === 0) return null;

  const run = (step: KnowledgeStep, comment?: string) => {
    setError(null);
    startTransition(async () => {
      const result = await transitionArticleAction(articleId, { step, version, ...(comment ? { comment } : {}) });
      if (result.ok) {
        toast({ tone: "success", title: t(`stepDone.${step}`) });
        setRejecting(false);
        router.refresh();
        return;
      }
      if (result.fields?.comment) setError(t("rejectReasonRequired"));
      else if (result.error === "conflict") setError(t("errors.conflict"));
      else if (result.error === "forbidden") setError(t("errors.forbidden"));
      else if (result.error === "unprocessable" && step === "approve") setError(t("errors.ownVersion"));
      else setError(t("errors.unprocessable"));
    });
  };

  return (
    <div className="flex flex-col gap-2" data-testid="article-workflow">
      <div className="flex flex-wrap gap-2">
        {steps.map((step) => (
          <Button
            key={step}
            size="sm"
            variant={step === "approve" || step === "submit" ? "primary" : "secondary"}
            disabled={pending}
            onClick={() => (step === "reject" ? setRejecting(true) : run(step))}
            data-testid={`article-step-${step}`}
          >
            {t(`steps.${step}`)}
          </Button>
        ))}
      </div>
      {rejecting ? (
        <div className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3">
          <FormField label={t("rejectReason")}>
            <Textarea
              rows={3}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              data-testid="article-reject-reason"
            />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button size="sm" variant="ghost" onClick={() => setRejecting(false)}>
              {t("cancel")}
            </Button>
            <Button
              size="sm"
              disabled={pending}
              onClick={() => run("reject", reason)}
              data-testid="article-reject-confirm"
            >
              {t("confirm")}
            </Button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
