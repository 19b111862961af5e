// Pure helpers for inbound e-mail: the sender's address and name, the language guess, references in the text, and
// subject/description that fit the complaint schema.
import { z } from "zod";
import type { AppLocale } from "@/lib/i18n/locales";

export type Sender = { name: string; email: string };

/**
 * "Name <a@b>", "\"Name\" <a@b>", "<a@b>" or "a@b" → name and lower-case address; null when there is no valid address.
 */
export function parseSender(from: string): Sender | null {
  const angle = /^(.*)<([^<>]+)>\s*$/.exec(from.trim());
  const address = (angle?.[2] ?? from).trim().toLowerCase();
  if (!z.email().safeParse(address).success) return null;
  const display = (angle?.[1] ?? "")
    .trim()
    .replace(/^"(.*)"$/, "$1")
    .trim();
  const localPart = address.split("@")[0] ?? address;
  return { name: (display || localPart).slice(0, 120), email: address };
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Chinese characters anywhere → reply in Chinese; otherwise English. */
export function guessLocale(...texts: string[]): AppLocale {
  return texts.some((text) => CJK.test(text)) ? "zh-CN" : "en";
}

const REFERENCE_IN_TEXT = /CMP-\d{4}-\d{6,}/g;

/** Every distinct reference mentioned, subject first (a reply's subject carries it most reliably), then the text. */
export function referencesIn(subject: string, text: string): string[] {
  const found = [...subject.matchAll(REFERENCE_IN_TEXT), ...text.matchAll(REFERENCE_IN_TEXT)].map((match) => match[0]);
  return [...new Set(found)].slice(0, 20);
}

const SUBJECT_MIN = 3;
const SUBJECT_MAX = 200;
const DESCRIPTION_MIN = 10;
const DESCRIPTION_MAX = 10_000;

const NO_SUBJECT = { "zh-CN": "（无主题）", en: "(no subject)" } as const;
const NO_TEXT = { "zh-CN": "（邮件无正文）", en: "(the e-mail had no text)" } as const;

/** A subject within the complaint's 3–200 characters: collapsed whitespace, cut, or a placeholder. */
export function complaintSubject(subject: string, locale: AppLocale): string {
  const clean = subject.replace(/\s+/g, " ").trim();
  if (clean.length < SUBJECT_MIN) return NO_SUBJECT[locale];
  return clean.length > SUBJECT_MAX ? `${clean.slice(0, SUBJECT_MAX - 1)}…` : clean;
}

/** A description within 10–10,000 characters: a short body is prefixed with the subject, an empty one says so. */
export function complaintDescription(text: string, subject: string, locale: AppLocale): string {
  const body = text.trim();
  let description = body;
  if (description.length < DESCRIPTION_MIN) description = [subject.trim(), body].filter(Boolean).join("\n\n");
  if (description.length < DESCRIPTION_MIN) description = [description, NO_TEXT[locale]].filter(Boolean).join("\n\n");
  return description.length > DESCRIPTION_MAX ? `${description.slice(0, DESCRIPTION_MAX - 1)}…` : description;
}

/** A message body for appending to a complaint (1–10,000 characters). */
export function messageBody(text: string, subject: string, locale: AppLocale): string {
  const body = text.trim() || subject.trim() || NO_TEXT[locale];
  return body.length > DESCRIPTION_MAX ? `${body.slice(0, DESCRIPTION_MAX - 1)}…` : body;
}
