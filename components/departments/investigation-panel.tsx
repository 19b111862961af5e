"use client";
// The workspace's department investigations: ask departments (question, what to share, urgency), follow each
// request's rounds, accept an answer or return it with a reason.
import { Network, Send } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { AnswerList, type AnswerView } from "@/components/departments/answer-list";
import { RequestStatusBadge } from "@/components/departments/request-status-badge";
import { decideAnswerAction, requestInvestigationAction } from "@/lib/departments/actions";
import { WithdrawRequestButton } from "@/components/departments/withdraw-request-button";
import type { InvestigationStatus, InvestigationUrgency } from "@/lib/generated/prisma/enums";

export type PanelRequest = {
  id: number;
  status: InvestigationStatus;
  round: number;
  urgency: InvestigationUrgency;
  question: string;
  dueAt: Date;
  breachedAt: Date | null;
  version: number;
  departmentName: string;
  requestedByName: string | null;
  answers: AnswerView[];
  cancelReason: string | null;
};
type Choice = { id: number; label: string };

const URGENCIES = ["urgent", "normal", "investigation"] as const;

export function InvestigationPanel({
  reference,
  requests,
  departments,
  shareableEvents,
  shareableAttachments,
  canRequest,
}: {
  reference: string;
  requests: PanelRequest[];
  departments: (Choice & { days: Record<InvestigationUrgency, number> })[];
  shareableEvents: Choice[];
  shareableAttachments: Choice[];
  canRequest: boolean;
}) {
  const t = useTranslations("departments.panel");
  const tDep = useTranslations("departments");
  const format = useFormatter();
  return (
    <Card data-testid="investigation-panel">
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle>{t("title")}</CardTitle>
        {canRequest ? (
          <RequestDialog
            reference={reference}
            departments={departments}
            shareableEvents={shareableEvents}
            shareableAttachments={shareableAttachments}
          />
        ) : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {requests.length === 0 ? <p className="text-sm text-slate-500">{t("empty")}</p> : null}
        {requests.map((request) => (
          <section
            key={request.id}
            className="flex flex-col gap-2 border-t border-slate-100 pt-3 first:border-t-0 first:pt-0"
            data-testid={`investigation-${request.id}`}
          >
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900">{request.departmentName}</span>
              <RequestStatusBadge status={request.status} round={request.round} />
              {request.breachedAt && request.status === "open" ? <Badge tone="danger">{tDep("overdue")}</Badge> : null}
            </div>
            <p className="text-sm whitespace-pre-wrap text-slate-700">{request.question}</p>
            <p className="text-xs text-slate-500">
              {tDep(`urgency.${request.urgency}`)} ·{" "}
              {t("due", { when: format.dateTime(request.dueAt, { dateStyle: "medium", timeStyle: "short" }) })}
            </p>
            <AnswerList answers={request.answers} />
            {request.status === "cancelled" && request.cancelReason ? (
              <p className="text-xs text-slate-500">{t("cancelledBecause", { reason: request.cancelReason })}</p>
            ) : null}
            {canRequest && request.status === "answered" ? (
              <DecideButtons reference={reference} requestId={request.id} version={request.version} />
            ) : null}
            {canRequest && (request.status === "open" || request.status === "answered") ? (
              <div>
                <WithdrawRequestButton
                  reference={reference}
                  requestId={request.id}
                  version={request.version}
                  departmentName={request.departmentName}
                />
              </div>
            ) : null}
          </section>
        ))}
      </CardContent>
    </Card>
  );
}

function DecideButtons({ reference, requestId, version }: { reference: string; requestId: number; version: number }) {
  const t = useTranslations("departments.panel");
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const decide = (
    input: { decision: "accepted"; version: number } | { decision: "returned"; version: number; reason: string },
  ) =>
    startTransition(async () => {
      const result = await decideAnswerAction(reference, requestId, input);
      if (!result.ok) {
        setError(
          result.error === "conflict"
            ? t("errors.conflict")
            : result.fields?.reason
              ? t("errors.reason")
              : t("errors.failed"),
        );
        return;
      }
      setError(null);
      toast({ tone: "success", title: input.decision === "accepted" ? t("acceptedToast") : t("returnedToast") });
      router.refresh();
    });
  return (
    <div className="flex flex-col gap-2">
      {returning ? (
        <FormField label={t("returnReason")} error={error ?? undefined}>
          <Textarea
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            rows={2}
            maxLength={2000}
            data-testid="return-reason"
          />
        </FormField>
      ) : error ? (
        <p role="alert" className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {returning ? (
          <>
            <Button size="sm" variant="secondary" onClick={() => setReturning(false)} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button size="sm" onClick={() => decide({ decision: "returned", version, reason })} disabled={pending}>
              {t("sendBack")}
            </Button>
          </>
        ) : (
          <>
            <Button
              size="sm"
              onClick={() => decide({ decision: "accepted", version })}
              disabled={pending}
              data-testid="accept-answer"
            >
              {t("accept")}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setReturning(true)} disabled={pending}>
              {t("return")}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}

function RequestDialog({
  reference,
  departments,
  shareableEvents,
  shareableAttachments,
}: {
  reference: string;
  departments: (Choice & { days: Record<InvestigationUrgency, number> })[];
  shareableEvents: Choice[];
  shareableAttachments: Choice[];
}) {
  const t = useTranslations("departments.panel");
  const tDep = useTranslations("departments");
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<Record<string, string>>({});
  const [chosen, setChosen] = useState<Record<"departments" | "events" | "attachments", ReadonlySet<number>>>({
    departments: new Set(),
    events: new Set(),
    attachments: new Set(),
  });
  const toggle = (group: keyof typeof chosen, id: number, on: boolean) => {
    const next = new Set(chosen[group]);
    if (on) next.add(id);
    else next.delete(id);
    setChosen({ ...chosen, [group]: next });
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await requestInvestigationAction(reference, {
        departmentIds: [...chosen.departments],
        urgency: String(form.get("urgency") ?? "normal"),
        question: String(form.get("question") ?? ""),
        sharedEventIds: [...chosen.events],
        sharedAttachmentIds: [...chosen.attachments],
      });
      if (!result.ok) {
        const fields = result.fields ?? {};
        setError({
          ...(fields.departmentIds ? { departmentIds: t("errors.departments") } : {}),
          ...(fields.question ? { question: t("errors.question") } : {}),
          ...(Object.keys(fields).length === 0 ? { form: t("errors.failed") } : {}),
        });
        return;
      }
      toast({ tone: "success", title: t("sentToast", { count: result.requests.length }) });
      setOpen(false);
      setChosen({ departments: new Set(), events: new Set(), attachments: new Set() });
      router.refresh();
    });
  }

  const checklist = (group: keyof typeof chosen, items: Choice[], testId: string) => (
    <div
      className="mt-2 grid max-h-40 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2"
      data-testid={testId}
    >
      {items.length === 0 ? <p className="text-xs text-slate-500">{t("nothingToShare")}</p> : null}
      {items.map((item) => (
        <label
          key={item.id}
          className="flex cursor-pointer items-start gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-50"
        >
          <input
            type="checkbox"
            className="focus-ring mt-0.5 size-4 accent-brand-600"
            checked={chosen[group].has(item.id)}
            onChange={(event) => toggle(group, item.id, event.currentTarget.checked)}
          />
          <span className="line-clamp-2">{item.label}</span>
        </label>
      ))}
    </div>
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError({});
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary" data-testid="request-investigation">
          <Network aria-hidden />
          {t("ask")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-xl">
        <form onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>{t("askTitle")}</DialogTitle>
            <DialogDescription>{t("askDescription")}</DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-4">
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">{t("departments")}</legend>
              {checklist("departments", departments, "request-departments")}
              {error.departmentIds ? (
                <p className="mt-1 text-xs font-medium text-danger-700">{error.departmentIds}</p>
              ) : null}
            </fieldset>
            <FormField label={t("urgency")}>
              <Select name="urgency" defaultValue="normal">
                {URGENCIES.map((value) => (
                  <option key={value} value={value}>
                    {tDep(`urgency.${value}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("question")} error={error.question}>
              <Textarea name="question" rows={4} maxLength={4000} data-testid="request-question-input" />
            </FormField>
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">{t("shareEvents")}</legend>
              {checklist("events", shareableEvents, "request-share-events")}
            </fieldset>
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">{t("shareAttachments")}</legend>
              {checklist("attachments", shareableAttachments, "request-share-attachments")}
            </fieldset>
            <p className="text-xs text-slate-500">{t("privacyNote")}</p>
            {error.form ? (
              <p role="alert" className="text-sm font-medium text-danger-700">
                {error.form}
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={pending} data-testid="send-investigation">
              <Send aria-hidden />
              {pending ? t("sending") : t("send")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
