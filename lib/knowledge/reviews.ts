// Daily review reminders (pg-boss job knowledge.reviews): each owner of an article past its review date gets one bell
// notification per article and review date (the dedupe key), so re-runs and several instances notify once.
import "server-only";
import { db } from "@/lib/db";
import { notifyMany } from "@/lib/notifications/service";
import { todayUtc } from "@/lib/knowledge/search";

export async function remindOverdueReviews(now = new Date()): Promise<number> {
  const today = todayUtc(now);
  const due = await db.knowledgeArticle.findMany({
    where: { status: { not: "archived" }, reviewDueOn: { lt: today }, owner: { active: true } },
    select: {
      id: true,
      ownerId: true,
      reviewDueOn: true,
      versions: { select: { titleZh: true, titleEn: true }, orderBy: { number: "desc" }, take: 1 },
    },
    take: 1000,
  });
  if (due.length === 0) return 0;
  const created = await db.$transaction((tx) =>
    notifyMany(
      tx,
      due.map((article) => ({
        userId: article.ownerId,
        kind: "knowledge.review_overdue" as const,
        params: {
          articleId: article.id,
          titleZh: article.versions[0]?.titleZh ?? "",
          titleEn: article.versions[0]?.titleEn ?? "",
          dueOn: article.reviewDueOn!.toISOString().slice(0, 10),
        },
        dedupeKey: `knowledge-review:${article.id}:${article.reviewDueOn!.toISOString().slice(0, 10)}`,
        now,
      })),
    ),
  );
  return created.length;
}
