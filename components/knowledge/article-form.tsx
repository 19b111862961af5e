"use client";
// Write or edit a knowledge article: both language versions, kind, complaint category, public flag, review date.
// Editing sends the loaded lock version; a concurrent save comes back as a conflict.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import type { FieldErrors } from "@/lib/errors";
import { KNOWLEDGE_KINDS } from "@/lib/knowledge/workflow";
import { createArticleAction, updateArticleAction } from "@/lib/knowledge/actions";

export type ArticleDraft = {
  kind: string;
  categoryId: number | null;
  isPublic: boolean;
  reviewDueOn: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
};
type Props = {
  id: number | null;
  version: number;
  initial: ArticleDraft;
  categories: { id: number; name: string; depth: number }[];
};

const KNOWN = ["too_short", "too_long", "invalid_date", "unknown", "required"] as const;

export function ArticleForm({ id, version, initial, categories }: Props) {
  const t = useTranslations("knowledge");
  const router = useRouter();
  const { toast } = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const err = (field: string) => {
    const code = errors[field]?.[0];
    if (!code) return undefined;
    return (KNOWN as readonly string[]).includes(code)
      ? t(`errors.${code as (typeof KNOWN)[number]}`)
      : t("errors.invalid");
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const input = {
      kind: KNOWLEDGE_KINDS.find((kind) => kind === text("kind")) ?? "sop",
      categoryId: text("categoryId") ? Number(text("categoryId")) : null,
      isPublic: form.get("isPublic") === "on",
      reviewDueOn: text("reviewDueOn") || null,
      titleZh: text("titleZh"),
      titleEn: text("titleEn"),
      bodyZh: text("bodyZh"),
      bodyEn: text("bodyEn"),
      changeNote: text("changeNote") || null,
    };
    startTransition(async () => {
      const result =
        id === null ? await createArticleAction(input) : await updateArticleAction(id, { ...input, version });
      if (result.ok) {
        const articleId = result.article.id;
        const newVersion = "newVersion" in result && result.newVersion;
        toast({
          tone: "success",
          title:
            id === null
              ? t("form.created")
              : newVersion
                ? t("form.savedNewVersion", { number: result.article.currentNumber })
                : t("form.saved"),
        });
        router.push(`/knowledge/${articleId}`);
        router.refresh();
        return;
      }
      setErrors(result.fields ?? {});
      setFormError(
        result.fields
          ? null
          : result.error === "conflict"
            ? t("errors.conflict")
            : result.error === "forbidden"
              ? t("errors.forbidden")
              : t("errors.failed"),
      );
    });
  }

  return (
    <Card className="p-5">
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate data-testid="article-form">
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField label={t("form.kind")} error={err("kind")}>
            <Select name="kind" defaultValue={initial.kind} data-testid="article-kind">
              {KNOWLEDGE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("form.category")} error={err("categoryId")}>
            <Select name="categoryId" defaultValue={initial.categoryId ?? ""} data-testid="article-category">
              <option value="">{t("form.noCategory")}</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>{`${category.depth ? "— " : ""}${category.name}`}</option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("form.reviewDueOn")} error={err("reviewDueOn")}>
            <Input type="date" name="reviewDueOn" defaultValue={initial.reviewDueOn} data-testid="article-review-due" />
          </FormField>
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="isPublic"
            defaultChecked={initial.isPublic}
            className="size-4 accent-brand-600"
            data-testid="article-public"
          />
          {t("form.isPublic")}
        </label>
        <div className="grid gap-4 lg:grid-cols-2">
          <div className="flex flex-col gap-3">
            <FormField label={t("form.titleZh")} error={err("titleZh")}>
              <Input name="titleZh" defaultValue={initial.titleZh} maxLength={200} data-testid="article-title-zh" />
            </FormField>
            <FormField
              label={t("form.bodyZh")}
              error={err("bodyZh")}
              hint={t("form.bodyHint", { placeholders: "{{customer.name}}" })}
            >
              <Textarea name="bodyZh" defaultValue={initial.bodyZh} rows={14} data-testid="article-body-zh" />
            </FormField>
          </div>
          <div className="flex flex-col gap-3">
            <FormField label={t("form.titleEn")} error={err("titleEn")}>
              <Input name="titleEn" defaultValue={initial.titleEn} maxLength={200} data-testid="article-title-en" />
            </FormField>
            <FormField
              label={t("form.bodyEn")}
              error={err("bodyEn")}
              hint={t("form.bodyHint", { placeholders: "{{complaint.reference}}" })}
            >
              <Textarea name="bodyEn" defaultValue={initial.bodyEn} rows={14} data-testid="article-body-en" />
            </FormField>
          </div>
        </div>
        {id !== null ? (
          <FormField label={t("form.changeNote")} error={err("changeNote")} hint={t("form.newVersionHint")}>
            <Input name="changeNote" maxLength={500} />
          </FormField>
        ) : null}
        {formError ? (
          <p role="alert" className="text-sm text-danger-700">
            {formError}
          </p>
        ) : null}
        <div className="flex justify-end">
          <Button type="submit" disabled={pending} data-testid="article-save">
            {pending ? t("form.saving") : t("form.save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
