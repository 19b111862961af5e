// Writing a version: immutable content rows whose search vector is set in the same transaction (no trigger: the
// migration runner cannot create PL/pgSQL bodies, see the migration 20261207190800_knowledge_base).
import "server-only";
import type { Tx } from "@/lib/db";

export type VersionContent = { titleZh: string; titleEn: string; bodyZh: string; bodyEn: string };

export async function insertVersion(
  tx: Tx,
  articleId: number,
  number: number,
  content: VersionContent,
  editedById: number,
  changeNote: string | null,
) {
  const row = await tx.knowledgeArticleVersion.create({
    data: { articleId, number, ...content, editedById, changeNote },
    select: { id: true },
  });
  await tx.$executeRaw`UPDATE knowledge_article_versions
    SET "searchVector" = knowledge_search_vector("titleZh", "titleEn", "bodyZh", "bodyEn") WHERE id = ${row.id}`;
  return row;
}

export function sameContent(a: VersionContent, b: VersionContent): boolean {
  return a.titleZh === b.titleZh && a.titleEn === b.titleEn && a.bodyZh === b.bodyZh && a.bodyEn === b.bodyEn;
}
