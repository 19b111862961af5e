// Seeds the knowledge base of the demo: the template's articles owned by the demo manager, most published (written
// by the manager, approved by the supervisor), a few in review, drafts, archived or past their review date, and one
// with two versions, so every screen of the knowledge base has something to show.
import type { Tx } from "../../../lib/db";
import type { KnowledgeStatus } from "../../../lib/generated/prisma/enums";
import { insertVersion } from "../../../lib/knowledge/versions";
import type { IndustryCode } from "../templates/types";
import { AIRLINE_ARTICLES } from "./airline";
import { ENTERPRISE_ARTICLES, TRAVEL_ARTICLES } from "./others";
import type { SeedArticle } from "./types";

const ARTICLES: Record<IndustryCode, SeedArticle[]> = {
  airline: AIRLINE_ARTICLES,
  travel: TRAVEL_ARTICLES,
  enterprise: ENTERPRISE_ARTICLES,
};

const DAY = 86_400_000;
const dateOnly = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

/** Which articles of the list get which demo state (by position, so every template gets a mix). */
function stateOf(index: number, total: number): KnowledgeStatus {
  if (index === total - 1) return "draft";
  if (index === total - 2 || index === 2) return "in_review";
  if (index === total - 3 && total > 10) return "archived";
  return "published";
}

export async function seedKnowledge(tx: Tx, template: IndustryCode, now: Date): Promise<number> {
  const [manager, supervisor] = await Promise.all([
    tx.user.findFirst({ where: { role: "manager", active: true }, orderBy: { id: "asc" }, select: { id: true } }),
    tx.user.findFirst({ where: { role: "supervisor", active: true }, orderBy: { id: "asc" }, select: { id: true } }),
  ]);
  if (!manager || !supervisor) return 0;
  const categories = new Map(
    (await tx.category.findMany({ select: { id: true, code: true } })).map((row) => [row.code, row.id]),
  );
  const list = ARTICLES[template];
  for (const [index, seed] of list.entries()) {
    const status = stateOf(index, list.length);
    const published = status === "published" || status === "archived";
    // Two published articles are past their review date: the owner's reminder and the overdue list have content.
    const overdue = published && (index === 0 || index === 5);
    const created = await tx.knowledgeArticle.create({
      data: {
        code: seed.code,
        kind: seed.kind,
        status,
        categoryId: seed.categoryCode ? (categories.get(seed.categoryCode) ?? null) : null,
        ownerId: index === 5 ? supervisor.id : manager.id,
        isPublic: seed.isPublic && status !== "archived",
        reviewDueOn: overdue
          ? dateOnly(new Date(now.getTime() - 10 * DAY))
          : published
            ? dateOnly(new Date(now.getTime() + (60 + index * 7) * DAY))
            : null,
        publishedNumber: published ? 1 : null,
        publishedAt: published ? new Date(now.getTime() - 90 * DAY) : null,
        helpfulCount: published ? (index * 7) % 23 : 0,
        createdAt: new Date(now.getTime() - 100 * DAY),
      },
      select: { id: true },
    });
    const content = { titleZh: seed.titleZh, titleEn: seed.titleEn, bodyZh: seed.bodyZh, bodyEn: seed.bodyEn };
    const version = await insertVersion(tx, created.id, 1, content, manager.id, null);
    await tx.knowledgeArticleVersion.update({
      where: { id: version.id },
      data: {
        createdAt: new Date(now.getTime() - 95 * DAY),
        ...(published ? { approvedById: supervisor.id, approvedAt: new Date(now.getTime() - 90 * DAY) } : {}),
      },
    });
  }
  // One article with a second, approved version (the diff view has something to compare).
  const first = await tx.knowledgeArticle.findUnique({
    where: { code: list[1]!.code },
    select: { id: true, status: true },
  });
  if (first?.status === "published") {
    const seed = list[1]!;
    const v2 = await insertVersion(
      tx,
      first.id,
      2,
      {
        titleZh: seed.titleZh,
        titleEn: seed.titleEn,
        bodyZh: `${seed.bodyZh}\n\n> 2026 年修订：补充材料可通过 App 上传。`,
        bodyEn: `${seed.bodyEn}\n\n> 2026 revision: supporting documents may be uploaded in the app.`,
      },
      manager.id,
      "App upload",
    );
    await tx.knowledgeArticleVersion.update({
      where: { id: v2.id },
      data: {
        createdAt: new Date(now.getTime() - 25 * DAY),
        approvedById: supervisor.id,
        approvedAt: new Date(now.getTime() - 20 * DAY),
      },
    });
    await tx.knowledgeArticle.update({
      where: { id: first.id },
      data: { currentNumber: 2, publishedNumber: 2, publishedAt: new Date(now.getTime() - 20 * DAY) },
    });
  }
  return list.length;
}
