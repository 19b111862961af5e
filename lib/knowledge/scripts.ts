// A script article (话术) as reply text: the body in the customer's language, as plain text, with the reply-template
// placeholders filled by the same renderer the reply templates use (lib/complaints/render-template.ts).
import { renderTemplate, type TemplateValues } from "@/lib/complaints/render-template";
import type { AppLocale } from "@/lib/i18n/locales";
import { markdownToPlainText } from "@/lib/knowledge/markdown";

export type ReplyScript = { id: number; titleZh: string; titleEn: string; body: string };

export function scriptForReply(
  article: { id: number; titleZh: string; titleEn: string; bodyZh: string; bodyEn: string },
  customerLocale: AppLocale,
  values: TemplateValues,
): ReplyScript {
  const source = customerLocale === "en" ? article.bodyEn : article.bodyZh;
  return {
    id: article.id,
    titleZh: article.titleZh,
    titleEn: article.titleEn,
    body: renderTemplate(markdownToPlainText(source), values),
  };
}
