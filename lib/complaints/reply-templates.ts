// Bilingual reply templates for the workspace composer: which apply to a complaint, and filling their placeholders.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { AppLocale } from "@/lib/i18n/locales";
import { trackingTokenFor } from "@/lib/complaints/reference";
import { trackingUrl } from "@/lib/mail/templates";
import { renderTemplate, type TemplateValues } from "@/lib/complaints/render-template";

export { renderTemplate, type TemplateValues } from "@/lib/complaints/render-template";

export type ReplyTemplateRow = {
  id: number;
  code: string;
  categoryId: number | null;
  nameZh: string;
  nameEn: string;
  subjectZh: string;
  subjectEn: string;
  bodyZh: string;
  bodyEn: string;
};

export type RenderedReplyTemplate = {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  subject: string;
  body: string;
  generic: boolean;
};

/** A template in the customer's language (the reply is e-mailed in it), placeholders filled. */
export function renderReplyTemplate(
  row: ReplyTemplateRow,
  customerLocale: AppLocale,
  values: TemplateValues,
): RenderedReplyTemplate {
  const zh = customerLocale === "zh-CN";
  return {
    id: row.id,
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    subject: renderTemplate(zh ? row.subjectZh : row.subjectEn, values),
    body: renderTemplate(zh ? row.bodyZh : row.bodyEn, values),
    generic: row.categoryId === null,
  };
}

/** Active templates for the complaint's category first, then the generic ones (no category). */
export async function listReplyTemplates(categoryId: number | null): Promise<ReplyTemplateRow[]> {
  const rows = await db.replyTemplate.findMany({
    where: { active: true, OR: [{ categoryId: null }, ...(categoryId ? [{ categoryId }] : [])] },
    select: {
      id: true,
      code: true,
      categoryId: true,
      nameZh: true,
      nameEn: true,
      subjectZh: true,
      subjectEn: true,
      bodyZh: true,
      bodyEn: true,
    },
    orderBy: [{ code: "asc" }],
  });
  return rows.sort((a, b) => Number(a.categoryId === null) - Number(b.categoryId === null));
}

/** The customer's private tracking link, as the acknowledgement e-mail carries it. */
export function trackingLinkFor(reference: string): string {
  return trackingUrl(env().APP_URL, trackingTokenFor(reference).token);
}
