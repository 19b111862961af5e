// Bilingual SMS copy (like lib/mail/templates.ts, copy lives beside the code that sends it): short, with a short
// link to the full text. The signature 【…】 is added by the outbox.
import type { AppLocale } from "@/lib/i18n/locales";

/** Longest excerpt of a reply in an SMS; the link leads to the full text. */
const REPLY_EXCERPT_CHARS = 40;

/** The part of a reply an SMS carries (the link leads to the rest). */
export function replyExcerpt(text: string, max = REPLY_EXCERPT_CHARS) {
  const flat = text.replace(/\s+/g, " ").trim();
  const characters = Array.from(flat);
  return characters.length <= max ? flat : `${characters.slice(0, max).join("")}…`;
}

const COPY = {
  "zh-CN": {
    acknowledgement: (reference: string, url: string) => `您的投诉已受理，编号${reference}。查看进度：${url}`,
    reply: (reference: string, body: string, url: string) =>
      `关于投诉${reference}，客服回复：“${replyExcerpt(body)}”全文：${url}`,
    result: (reference: string, summary: string, hotline: string | null, url: string) =>
      `您的投诉${reference}已处理完毕：“${replyExcerpt(summary)}”${hotline ? `如有疑问请致电服务热线${hotline}。` : ""}详情：${url}`,
    survey: (reference: string, url: string) => `请为投诉${reference}的处理评分：${url} 回TD退订`,
    surveyReminder: (reference: string, url: string) => `提醒：请为投诉${reference}的处理评分：${url} 回TD退订`,
  },
  en: {
    acknowledgement: (reference: string, url: string) =>
      `Your complaint ${reference} has been received. Track it: ${url}`,
    reply: (reference: string, body: string, url: string) =>
      `Re complaint ${reference}: "${replyExcerpt(body)}" Full reply: ${url}`,
    result: (reference: string, summary: string, hotline: string | null, url: string) =>
      `Your complaint ${reference} has been resolved: "${replyExcerpt(summary)}"${hotline ? ` Hotline ${hotline}.` : ""} Details: ${url}`,
    survey: (reference: string, url: string) => `Please rate how we handled ${reference}: ${url} Reply TD to opt out`,
    surveyReminder: (reference: string, url: string) =>
      `Reminder: please rate how we handled ${reference}: ${url} Reply TD to opt out`,
  },
} as const satisfies Record<AppLocale, unknown>;

export function smsCopy(locale: AppLocale) {
  return COPY[locale];
}
