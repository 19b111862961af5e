"use client";
// Reply box of the tracking page: a server-action form (posts without JavaScript too); the page re-renders with
// the new message, and a resolved case says it has been reopened.
import { AlertCircle, CheckCircle2, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { postTrackingReplyAction } from "@/lib/public/actions";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { SubmitButton } from "@/components/public/submit-button";
import type { TrackingReplyState } from "@/components/public/form-state";

const INITIAL: TrackingReplyState = { result: null, body: "", sentAt: null };

type ReplyError = "required" | "rate_limited" | "not_found" | "unprocessable" | "generic";

function replyError(state: TrackingReplyState): ReplyError | null {
  const result = state.result;
  if (!result || result.ok) return null;
  if (result.error === "invalid") return result.fields?.body?.[0] === "required" ? "required" : "generic";
  if (result.error === "rate_limited" || result.error === "not_found" || result.error === "unprocessable")
    return result.error;
  return "generic";
}

export function TrackingReplyForm({ token, reopens }: { token: string; reopens: boolean }) {
  const t = useTranslations("public.track.reply");
  const [state, action] = useActionState(postTrackingReplyAction, INITIAL);
  const error = replyError(state);
  const sent = state.result?.ok ? state.result : null;
  const fieldError = error === "required" ? t("errors.required") : undefined;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("label")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form action={action} className="flex flex-col gap-3" data-testid="tracking-reply-form">
          <input type="hidden" name="token" value={token} />
          {/* A new key after each sent message empties the box; after a failed send it keeps the text. */}
          <FormField
            label={<span className="sr-only">{t("label")}</span>}
            hint={reopens ? t("hintReopen") : t("hintOpen")}
            error={fieldError}
          >
            <Textarea
              key={state.sentAt ?? "draft"}
              id="reply-body"
              name="body"
              rows={4}
              maxLength={10_000}
              placeholder={t("placeholder")}
              defaultValue={state.body}
            />
          </FormField>
          {error && error !== "required" ? (
            <p role="alert" className="flex items-start gap-2 text-sm text-danger-700">
              <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
              {t(`errors.${error}`)}
            </p>
          ) : null}
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
            <p
              aria-live="polite"
              data-testid="tracking-reply-status"
              className="flex items-center gap-1.5 text-[13px] text-success-700"
            >
              {sent ? <CheckCircle2 aria-hidden className="size-4" /> : null}
              {sent ? (sent.reopened ? t("reopened") : t("sent")) : null}
            </p>
            <SubmitButton pendingLabel={t("submitting")} className="w-full sm:w-auto">
              <Send aria-hidden />
              {t("submit")}
            </SubmitButton>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
