// Top three published articles for a complaint: same category (or its parent) counts most, then how well the
// complaint's subject and description match the article, then how often agents marked it helpful.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import type { KnowledgeKind } from "@/lib/generated/prisma/enums";
import { anyWordQuery } from "@/lib/knowledge/search";

export type SuggestedArticle = {
  id: number;
  kind: KnowledgeKind;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  helpfulCount: number;
  score: number;
};

export type ComplaintForSuggestions = {
  categoryId: number | null;
  subcategoryId: number | null;
  subject: string;
  description: string;
};

// Everyday two-character words that say nothing about the topic (没有, 提供 …): as OR terms they would match almost
// every article. Replaced by a space, so no new bigram forms across the gap.
const COMMON_WORDS =
  /没有|提供|我们|你们|您的|我的|一个|时候|可以|已经|因为|所以|但是|这个|那个|什么|怎么|需要|不是|就是|如果|还是|非常|问题|希望|请问|谢谢|感谢|处理|情况|工作|他们|现在|今天|时间|进行/g;

export function withoutCommonWords(text: string): string {
  return text.replace(COMMON_WORDS, " ");
}

export async function suggestArticles(
  actor: Actor,
  complaint: ComplaintForSuggestions,
  limit = 3,
): Promise<SuggestedArticle[]> {
  if (!can(actor, "knowledge.read")) return [];
  // Long descriptions would make a huge OR query; the beginning carries the gist.
  const text = withoutCommonWords(`${complaint.subject} ${complaint.description}`.slice(0, 400));
  const categoryIds = [complaint.categoryId, complaint.subcategoryId].filter((id): id is number => id !== null);
  const inCategory = categoryIds.length
    ? Prisma.sql`(CASE WHEN a."categoryId" IN (${Prisma.join(categoryIds)}) OR c."parentId" IN (${Prisma.join(categoryIds)}) THEN 1.0 ELSE 0 END)`
    : Prisma.sql`0`;
  const rows = await db.$queryRaw<SuggestedArticle[]>`
    WITH q AS (SELECT ${anyWordQuery(text)} AS query)
    SELECT id, kind, "titleZh", "titleEn", "bodyZh", "bodyEn", "helpfulCount", score FROM (
      SELECT a.id, a.kind, v."titleZh", v."titleEn", v."bodyZh", v."bodyEn", a."helpfulCount",
             (${inCategory} + ts_rank(v."searchVector", q.query) * 5 + ln(1 + a."helpfulCount") * 0.1)::float8 AS score,
             ${inCategory} > 0 OR v."searchVector" @@ q.query AS relevant
      FROM knowledge_articles a
      JOIN knowledge_article_versions v ON v."articleId" = a.id AND v.number = a."publishedNumber"
      LEFT JOIN categories c ON c.id = a."categoryId"
      CROSS JOIN q
      WHERE a.status <> 'archived'
    ) ranked
    WHERE relevant
    ORDER BY score DESC, id
    LIMIT ${limit}`;
  return rows;
}
