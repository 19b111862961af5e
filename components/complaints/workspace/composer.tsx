"use client";
// Reply to the customer (e-mailed in their language), internal note, or logged call. Ctrl+Enter sends.
import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { addMessageAction } from "@/app/(app)/complaints/[reference]/actions";
import type { RenderedReplyTemplate } from "@/lib/complaints/reply-templates";
import type { AppLocale } from "@/lib/i18n/locales";
import { ConflictNotice } from "@/components/complaints/workspace/conflict-notice";
import { useWorkspaceAction } from "@/components/complaints/workspace/use-workspace-action";
import { SmsSegmentHint } from "@/components/complaints/workspace/sms-segment-hint";
import type { ReplySmsFrame } from "@/lib/sms/reply-preview";

type Kind = "reply" | "note" | "call";
type Props = {
  reference: string;
  version: number;
  uiLocale: AppLocale;
  customerLocale: AppLocale;
  templates: RenderedReplyTemplate[];
  kinds: Kind[];
  /** Set when replies reach this customer by SMS: the composer shows the SMS segment count before sending. */
  replySms?: ReplySmsFrame | null;
};

export function Composer({ reference, version, uiLocale, customerLocale, templates, kinds, replySms }: Props) {
  const t = useTranslations("workspace.composer");
  const { toast } = useToast();
  const [kind, setKind] = useState<Kind>(kinds[0] ?? "note");
  const [body, setBody] = useState("");
  const action = useWorkspaceAction();
  const formRef = useRef<HTMLFormElement>(null);
  if (kinds.length === 0) return null;

  const send = () => {
    const input = { kind, body, version };
    action.run(
      () => addMessageAction(reference, input),
      () => {
        setBody("");
        toast({ tone: "success", title: t(`sent.${kind}`) });
      },
    );
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!action.pending) formRef.current?.requestSubmit();
    }
  };
  const insertTemplate = (id: string) => {
    const template = templates.find((candidate) => String(candidate.id) === id);
    if (template) setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${template.body}` : template.body));
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-3" data-testid="composer" noValidate>
      <Tabs value={kind} defaultValue={kind} onValueChange={(value) => { const next = kinds.find((candidate) => candidate === value); if (next) { setKind(next); action.reset(); } }}>
        <TabsList aria-label={t("label")}>
          {kinds.map((candidate) => <TabsTrigger key={candidate} value={candidate}>{t(`tabs.${candidate}`)}</TabsTrigger>)}
        </TabsList>
      </Tabs>
      {kind === "reply" ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
          <p className="text-[13px] text-slate-600" data-testid="reply-language">{t("replyLanguage", { language: customerLocale === "en" ? "English" : "中文" })}</p>
          {templates.length ? (
            <FormField label={t("template")} className="sm:w-72">
              <Select value="" onChange={(event) => insertTemplate(event.target.value)} data-testid="template-select">
                <option value="">{t("chooseTemplate")}</option>
                {templates.map((template) => (
                  <option key={template.id} value={template.id}>{uiLocale === "zh-CN" ? template.nameZh : template.nameEn}{template.generic ? "" : ` ★`}</option>
                ))}
              </Select>
            </FormField>
          ) : null}
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
      {kind === "reply" && replySms ? <SmsSegmentHint frame={replySms} body={body} /> : null}
      {action.formError ? <p role="alert" className="text-sm text-danger-700">{action.formError}</p> : null}
      <ConflictNotice failure={action.failure} onReload={action.reset} />
      <div className="flex justify-end">
        <Button type="submit" disabled={action.pending || !body.trim()} data-testid="composer-submit">
          <Send aria-hidden />
          {action.pending ? t("sending") : t(`submit.${kind}`)}
        </Button>
      </div>
    </form>
  );
}
