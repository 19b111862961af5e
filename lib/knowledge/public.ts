// The public help page: published, non-archived articles flagged public, in both languages, optionally searched.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { KnowledgeKind } from "@/lib/generated/prisma/enums";
import { articleMatches } from "@/lib/knowledge/search";

export type PublicArticle = {
  id: number;
  kind: KnowledgeKind;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  categoryZh: string | null;
  categoryEn: string | null;
};

export async function listPublicArticles(q = ""): Promise<PublicArticle[]> {
  const text = q.trim().slice(0, 200);
  return db.$queryRaw<PublicArticle[]>`
    SELECT a.id, a.kind, v."titleZh", v."titleEn", v."bodyZh", v."bodyEn", c."nameZh" AS "categoryZh", c."nameEn" AS "categoryEn"
    FROM knowledge_articles a
    JOIN knowledge_article_versions v ON v."articleId" = a.id AND v.number = a."publishedNumber"
    LEFT JOIN categories c ON c.id = a."categoryId"
    WHERE a."isPublic" AND a.status <> 'archived' ${text ? Prisma.sql`AND ${articleMatches(text)}` : Prisma.empty}
    ORDER BY ${text ? Prisma.sql`ts_rank(v."searchVector", knowledge_search_query(${text})) DESC,` : Prisma.empty} a."helpfulCount" DESC, a.id
    LIMIT 100`;
}
