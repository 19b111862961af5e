// Seeded knowledge articles: one row per article, both languages, Markdown bodies.
import type { KnowledgeKind } from "../../../lib/generated/prisma/enums";

export type SeedArticle = {
  code: string;
  kind: KnowledgeKind;
  categoryCode: string | null;
  isPublic: boolean;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
};

export const article = (
  code: string,
  kind: KnowledgeKind,
  categoryCode: string | null,
  isPublic: boolean,
  titleZh: string,
  titleEn: string,
  bodyZh: string,
  bodyEn: string,
): SeedArticle => ({ code, kind, categoryCode, isPublic, titleZh, titleEn, bodyZh, bodyEn });
