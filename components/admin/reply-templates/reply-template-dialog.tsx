"use client";
// Create or edit a reply template: bilingual fields side by side, a placeholder cheat-sheet and a live preview rendered
// with sample values by the same renderer the workspace composer uses. Edits carry the loaded updatedAt (stale →
// conflict).
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
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
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { useFieldErrorText } from "@/components/ui/field-error-text";
import { saveReplyTemplateAction } from "@/lib/reference/actions";
import { KNOWN_PLACEHOLDERS, renderTemplate, type TemplateValues } from "@/lib/complaints/render-template";
import type { FieldErrors } from "@/lib/errors";
import type { AdminReplyTemplate, CategoryOption } from "@/lib/reference/reply-templates";

const SAMPLES: Record<"zh" | "en", TemplateValues> = {
  zh: {
    "customer.name": "王芳",
    "customer.membershipNumber": "CA123456789",
    "complaint.reference": "CMP-2026-000123",
    "complaint.subject": "行李延误",
    "complaint.flightNumber": "MU5101",
    "complaint.rootCause": "中转衔接时间不足",
    "complaint.resolutionSummary": "行李已于次日送达",
    "complaint.trackingUrl": "https://skyline.example/track/abc123",
    "compensation.amount": "CNY 500.00",
    "agent.name": "李娜",
  },
  en: {
    "customer.name": "Mary Smith",
    "customer.membershipNumber": "CA123456789",
    "complaint.reference": "CMP-2026-000123",
    "complaint.subject": "Delayed baggage",
    "complaint.flightNumber": "MU5101",
    "complaint.rootCause": "Short connection time",
    "complaint.resolutionSummary": "The bag was delivered the next day",
    "complaint.trackingUrl": "https://skyline.example/track/abc123",
    "compensation.amount": "CNY 500.00",
    "agent.name": "Li Na",
  },
};

type Draft = {
  code: string;
  categoryId: string;
  nameZh: string;
  nameEn: string;
  subjectZh: string;
  subjectEn: string;
  bodyZh: string;
  bodyEn: string;
};
const draftOf = (template?: AdminReplyTemplate): Draft => ({
  code: template?.code ?? "",
  categoryId: template?.categoryId ? String(template.categoryId) : "",
  nameZh: template?.nameZh ?? "",
  nameEn: template?.nameEn ?? "",
  subjectZh: template?.subjectZh ?? "",
  subjectEn: template?.subjectEn ?? "",
  bodyZh: template?.bodyZh ?? "",
  bodyEn: template?.bodyEn ?? "",
});

type Props = { categories: CategoryOption[]; template?: AdminReplyTemplate; trigger?: ReactNode; locale?: string };

export function ReplyTemplateDialog({ categories, template, trigger, locale = "en" }: Props) {
  const t = useTranslations("adminReplyTemplates");
  const fieldText = useFieldErrorText(t);
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(template));
  const [previewLang, setPreviewLang] = useState<"zh" | "en">(locale === "zh-CN" ? "zh" : "en");

  function change(next: boolean) {
    setOpen(next);
    setErrors({});
    setFormError(null);
    if (next) setDraft(draftOf(template));
  }

  function errorText(field: string) {
    const code = errors[field]?.[0];
    if (!code) return undefined;
    if (code.startsWith("unknown_placeholder:"))
      return t("errors.unknownPlaceholder", {
        names: code
          .slice("unknown_placeholder:".length)
          .split(",")
          .map((name) => `{{${name}}}`)
          .join(", "),
      });
    return fieldText(code);
  }

  const set = (key: keyof Draft) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [key]: event.currentTarget.value });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      ...draft,
      categoryId: draft.categoryId ? Number(draft.categoryId) : null,
      active: template?.active ?? true,
      version: template?.version,
    };
    startTransition(async () => {
      const result = await saveReplyTemplateAction(template?.id ?? null, input);
      if (!result.ok) {
        setErrors(result.fields ?? {});
        setFormError(
          result.fields ? t("errors.fields") : result.error === "conflict" ? t("errors.conflict") : t("errors.failed"),
        );
        return;
      }
      toast({
        tone: "success",
        title: template ? t("saved", { code: draft.code }) : t("created", { code: draft.code }),
      });
      change(false);
    });
  }

  const sample = SAMPLES[previewLang];
  const previewSubject = renderTemplate(previewLang === "zh" ? draft.subjectZh : draft.subjectEn, sample);
  const previewBody = renderTemplate(previewLang === "zh" ? draft.bodyZh : draft.bodyEn, sample);

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button>
            <Plus aria-hidden />
            {t("create")}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[92vh] max-w-5xl overflow-y-auto">
        <form onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>{template ? t("editTitle", { code: template.code }) : t("createTitle")}</DialogTitle>
            <DialogDescription>{t("formDescription")}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
            <div className="flex flex-col gap-4">
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField label={t("fields.code")} hint={t("fields.codeHint")} error={errorText("code")}>
                  <Input
                    name="code"
                    value={draft.code}
                    onChange={set("code")}
                    maxLength={60}
                    required
                    autoComplete="off"
                    className="font-mono"
                  />
                </FormField>
                <FormField label={t("fields.category")} hint={t("fields.categoryHint")} error={errorText("categoryId")}>
                  <Select name="categoryId" value={draft.categoryId} onChange={set("categoryId")}>
                    <option value="">{t("generic")}</option>
                    {categories
                      .filter((category) => category.active || String(category.id) === draft.categoryId)
                      .map((category) => (
                        <option key={category.id} value={category.id}>
                          {locale === "zh-CN" ? category.nameZh : category.nameEn}
                        </option>
                      ))}
                  </Select>
                </FormField>
              </div>
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField label={t("fields.nameZh")} error={errorText("nameZh")}>
                  <Input
                    name="nameZh"
                    value={draft.nameZh}
                    onChange={set("nameZh")}
                    maxLength={120}
                    required
                    autoComplete="off"
                  />
                </FormField>
                <FormField label={t("fields.nameEn")} error={errorText("nameEn")}>
                  <Input
                    name="nameEn"
                    value={draft.nameEn}
                    onChange={set("nameEn")}
                    maxLength={120}
                    required
                    autoComplete="off"
                  />
                </FormField>
                <FormField label={t("fields.subjectZh")} error={errorText("subjectZh")}>
                  <Input
                    name="subjectZh"
                    value={draft.subjectZh}
                    onChange={set("subjectZh")}
                    maxLength={200}
                    required
                    autoComplete="off"
                  />
                </FormField>
                <FormField label={t("fields.subjectEn")} error={errorText("subjectEn")}>
                  <Input
                    name="subjectEn"
                    value={draft.subjectEn}
                    onChange={set("subjectEn")}
                    maxLength={200}
                    required
                    autoComplete="off"
                  />
                </FormField>
                <FormField label={t("fields.bodyZh")} error={errorText("bodyZh")}>
                  <Textarea
                    name="bodyZh"
                    value={draft.bodyZh}
                    onChange={set("bodyZh")}
                    maxLength={10_000}
                    rows={10}
                    required
                  />
                </FormField>
                <FormField label={t("fields.bodyEn")} error={errorText("bodyEn")}>
                  <Textarea
                    name="bodyEn"
                    value={draft.bodyEn}
                    onChange={set("bodyEn")}
                    maxLength={10_000}
                    rows={10}
                    required
                  />
                </FormField>
              </div>
            </div>
            <aside className="flex flex-col gap-4 text-sm">
              <section aria-labelledby="placeholder-sheet">
                <h3 id="placeholder-sheet" className="font-medium text-slate-800">
                  {t("placeholders.title")}
                </h3>
                <p className="mt-1 text-xs text-slate-500">{t("placeholders.hint")}</p>
                <ul className="mt-2 flex flex-col gap-1">
                  {KNOWN_PLACEHOLDERS.map((key) => (
                    <li key={key} className="text-xs">
                      <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-slate-800">{`{{${key}}}`}</code>
                      <span className="ml-1 text-slate-500">
                        {t(`placeholders.names.${key.replace(".", "_") as "customer_name"}`)}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
              <section aria-labelledby="template-preview" data-testid="template-preview">
                <div className="flex items-center justify-between gap-2">
                  <h3 id="template-preview" className="font-medium text-slate-800">
                    {t("preview.title")}
                  </h3>
                  <Select
                    aria-label={t("preview.language")}
                    value={previewLang}
                    onChange={(event) => setPreviewLang(event.currentTarget.value === "zh" ? "zh" : "en")}
                    className="w-auto"
                  >
                    <option value="zh">中文</option>
                    <option value="en">English</option>
                  </Select>
                </div>
                <div className="mt-2 rounded-md border border-slate-200 bg-slate-50 p-3">
                  <p className="font-medium text-slate-900">
                    {previewSubject || <span className="text-slate-400">{t("preview.noSubject")}</span>}
                  </p>
                  <p className="mt-2 whitespace-pre-wrap break-words text-slate-700">
                    {previewBody || <span className="text-slate-400">{t("preview.noBody")}</span>}
                  </p>
                </div>
                <p className="mt-1 text-xs text-slate-500">{t("preview.hint")}</p>
              </section>
            </aside>
          </div>
          {formError ? (
            <p role="alert" className="mt-4 text-sm font-medium text-danger-700">
              {formError}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => change(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("saving") : t("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
