"use client";
// Reply to the customer (e-mailed in their language), internal note, or logged call (outcome, duration). Ctrl+Enter
// sends. A reply still containing {{…}} placeholders cannot be sent (the server refuses it too); a customer without
// e-mail gets the offer to log the reply as a phone call instead.
import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { PhoneCall, Send, TriangleAlert } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { addMessageAction } from "@/lib/complaints/actions";
import type { RenderedReplyTemplate } from "@/lib/complaints/reply-templates";
import type { AppLocale } from "@/lib/i18n/locales";
import { unfilledPlaceholders } from "@/lib/complaints/render-template";
import { CALL_OUTCOMES, type CallOutcome, type ReplyChannel } from "@/lib/complaints/customer-contact";
import { ConflictNotice } from "@/components/complaints/workspace/conflict-notice";
import { useWorkspaceAction } from "@/components/complaints/workspace/use-workspace-action";
import { SmsSegmentHint } from "@/components/complaints/workspace/sms-segment-hint";
import type { ReplySmsFrame } from "@/lib/sms/reply-preview";
import type { ReplyScript } from "@/lib/knowledge/scripts";

type Kind = "reply" | "note" | "call";
type Props = {
  reference: string;
  version: number;
  uiLocale: AppLocale;
  customerLocale: AppLocale;
  templates: RenderedReplyTemplate[];
  kinds: Kind[];
  /** How a written reply reaches this customer; null: no e-mail (the reply is offered as a logged call). */
  replyChannel: ReplyChannel | null;
  /** The complaint has a running regulator clock: a note can record the answer sent to the regulator. */
  regulatorClockOpen?: boolean;
  /** Set when replies reach this customer by SMS: the composer shows the SMS segment count before sending. */
  replySms?: ReplySmsFrame | null;
  /** Scripts (话术) from the suggested knowledge articles, placeholders filled, in the customer's language. */
  scripts?: ReplyScript[];
};

export function Composer({
  reference,
  version,
  uiLocale,
  customerLocale,
  templates,
  kinds,
  replyChannel,
  regulatorClockOpen = false,
  replySms,
  scripts = [],
}: Props) {
  const t = useTranslations("workspace.composer");
  const tKnowledge = useTranslations("knowledge.suggested");
  const { toast } = useToast();
  const [kind, setKind] = useState<Kind>(kinds[0] ?? "note");
  const [body, setBody] = useState("");
  const [outcome, setOutcome] = useState<CallOutcome | "">("");
  const [duration, setDuration] = useState("");
  const [regulatorAnswer, setRegulatorAnswer] = useState(false);
  const action = useWorkspaceAction();
  const formRef = useRef<HTMLFormElement>(null);
  if (kinds.length === 0) return null;

  const unfilled = kind === "reply" ? unfilledPlaceholders(body) : [];
  const noWrittenChannel = kind === "reply" && replyChannel === null;
  const callIncomplete = kind === "call" && (outcome === "" || duration.trim() === "");
  const blocked = unfilled.length > 0 || noWrittenChannel || callIncomplete;
  const switchKind = (next: Kind) => {
    setKind(next);
    action.reset();
  };

  const send = () => {
    const input = {
      kind,
      body,
      version,
      ...(kind === "call" && outcome ? { call: { outcome, durationMinutes: Number(duration) } } : {}),
      ...(kind === "note" && regulatorAnswer ? { regulatorAnswer: true } : {}),
    };
    action.run(
      () => addMessageAction(reference, input),
      () => {
        setBody("");
        setOutcome("");
        setDuration("");
        setRegulatorAnswer(false);
        toast({ tone: "success", title: t(`sent.${kind}`) });
      },
    );
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!blocked) send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!action.pending && !blocked) formRef.current?.requestSubmit();
    }
  };
  const insertText = (text: string) =>
    setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${text}` : text));
  const insertTemplate = (id: string) => {
    const template = templates.find((candidate) => String(candidate.id) === id);
    if (template) insertText(template.body);
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-3" data-testid="composer" noValidate>
      <Tabs
        value={kind}
        defaultValue={kind}
        onValueChange={(value) => {
          const next = kinds.find((candidate) => candidate === value);
          if (next) switchKind(next);
        }}
      >
        <TabsList aria-label={t("label")}>
          {kinds.map((candidate) => (
            <TabsTrigger key={candidate} value={candidate}>
              {t(`tabs.${candidate}`)}
            </TabsTrigger>
          ))}
        </TabsList>
      </Tabs>
      {kind === "reply" ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
          <p className="text-[13px] text-slate-600" data-testid="reply-language">
            {t("replyLanguage", { language: customerLocale === "en" ? "English" : "中文" })}
          </p>
          {templates.length ? (
            <FormField label={t("template")} className="sm:w-72">
              <Select value="" onChange={(event) => insertTemplate(event.target.value)} data-testid="template-select">
                <option value="">{t("chooseTemplate")}</option>
                {templates.map((template) => (
                  <option key={template.id} value={template.id}>
                    {uiLocale === "zh-CN" ? template.nameZh : template.nameEn}
                    {template.generic ? "" : ` ★`}
                  </option>
                ))}
              </Select>
            </FormField>
          ) : null}
        </div>
      ) : null}
      {kind === "reply" && scripts.length ? (
        <div className="flex flex-wrap items-center gap-2" data-testid="composer-scripts">
          <span className="text-[13px] text-slate-600">{tKnowledge("scripts")}</span>
          {scripts.map((script) => (
            <Button
              key={script.id}
              size="sm"
              variant="secondary"
              onClick={() => {
                insertText(script.body);
                toast({ tone: "success", title: tKnowledge("inserted") });
              }}
              data-testid="composer-insert-script"
            >
              {tKnowledge("insert")}: {uiLocale === "zh-CN" ? script.titleZh : script.titleEn}
            </Button>
          ))}
        </div>
      ) : null}
      <FormField label={t(`bodyLabel.${kind}`)} error={action.fieldError("body")} hint={t("shortcut")}>
        <Textarea
          name="body"
          rows={kind === "reply" ? 8 : 4}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t(`placeholder.${kind}`)}
          className={kind === "note" ? "bg-warning-50/50" : undefined}
        />
      </FormField>
      {noWrittenChannel ? (
        <div
          role="status"
          data-testid="composer-no-email"
          className="flex flex-col gap-2 rounded-lg border border-warning-100 bg-warning-50 p-3 text-sm text-warning-700 sm:flex-row sm:items-center"
        >
          <TriangleAlert aria-hidden className="size-4 shrink-0" />
          <p className="flex-1">{t("noEmail")}</p>
          {kinds.includes("call") ? (
            <Button size="sm" variant="secondary" onClick={() => switchKind("call")} data-testid="composer-log-as-call">
              <PhoneCall aria-hidden />
              {t("logAsCall")}
            </Button>
          ) : null}
        </div>
      ) : null}
      {unfilled.length ? (
        <p
          role="status"
          data-testid="composer-unfilled"
          className="rounded-lg border border-warning-100 bg-warning-50 p-3 text-sm text-warning-700"
        >
          {t("unfilled", { names: unfilled.join(uiLocale === "zh-CN" ? "、" : ", ") })}
        </p>
      ) : null}
      {kind === "call" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label={t("callOutcome")} error={action.fieldError("call.outcome")} hint={t("callCounts")}>
            <Select
              value={outcome}
              onChange={(event) =>
                setOutcome(CALL_OUTCOMES.find((candidate) => candidate === event.target.value) ?? "")
              }
              data-testid="call-outcome"
            >
              <option value="">{t("chooseOutcome")}</option>
              {CALL_OUTCOMES.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {t(`callOutcomes.${candidate}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("callDuration")} error={action.fieldError("call.durationMinutes")}>
            <Input
              type="number"
              inputMode="numeric"
              min={0}
              max={600}
              value={duration}
              onChange={(event) => setDuration(event.target.value)}
              data-testid="call-duration"
            />
          </FormField>
        </div>
      ) : null}
      {kind === "note" && regulatorClockOpen ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={regulatorAnswer}
            onChange={(event) => setRegulatorAnswer(event.currentTarget.checked)}
            className="size-4 accent-brand-600"
            data-testid="note-regulator-answer"
          />
          {t("regulatorAnswer")}
        </label>
      ) : null}
      {kind === "reply" && replySms ? <SmsSegmentHint frame={replySms} body={body} /> : null}
      {action.formError ? (
        <p role="alert" className="text-sm text-danger-700">
          {action.formError}
        </p>
      ) : null}
      <ConflictNotice
        failure={action.failure}
        onReload={action.reset}
        keptInput={body.trim() ? [t(`bodyLabel.${kind}`)] : []}
      />
      <div className="flex justify-end">
        <Button type="submit" disabled={action.pending || !body.trim() || blocked} data-testid="composer-submit">
          <Send aria-hidden />
          {action.pending ? t("sending") : t(`submit.${kind}`)}
        </Button>
      </div>
    </form>
  );
}
