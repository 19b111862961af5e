// Reads of the knowledge base. Readers (knowledge.read only) see the published version of articles that are not
// archived; editors (knowledge.manage) see every article at its newest version. Search runs on the GIN-indexed
// search vector of the version shown (lib/knowledge/search.ts builds the query).
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor, type Permission } from "@/lib/auth/permissions";
import type { KnowledgeKind, KnowledgeStatus } from "@/lib/generated/prisma/enums";
import { allowedSteps, type KnowledgeStep } from "@/lib/knowledge/workflow";
import { articleMatches, todayUtc } from "@/lib/knowledge/search";

export type ArticleListRow = {
  id: number;
  kind: KnowledgeKind;
  status: KnowledgeStatus;
  isPublic: boolean;
  helpfulCount: number;
  reviewDueOn: Date | null;
  ownerId: number;
  ownerName: string;
  titleZh: string;
  titleEn: string;
  categoryZh: string | null;
  categoryEn: string | null;
  number: number;
  publishedNumber: number | null;
  updatedAt: Date;
};

export type ArticleFilters = {
  q?: string;
  kind?: KnowledgeKind;
  status?: KnowledgeStatus;
  mine?: boolean;
  overdue?: boolean;
};

const isEditor = (actor: Pick<Actor, "permissions">) =>
  can(actor, "knowledge.manage") || can(actor, "knowledge.approve");

/** Articles the actor may see, best match first when searching, else most helpful and newest. At most 200. */
export async function listArticles(actor: Actor, filters: ArticleFilters = {}): Promise<ArticleListRow[]> {
  if (!can(actor, "knowledge.read")) return [];
  const editor = isEditor(actor);
  const q = filters.q?.trim() ?? "";
  const where: Prisma.Sql[] = [
    editor ? Prisma.sql`TRUE` : Prisma.sql`a.status <> 'archived' AND a."publishedNumber" IS NOT NULL`,
  ];
  if (filters.kind) where.push(Prisma.sql`a.kind = ${filters.kind}::"KnowledgeKind"`);
  if (filters.status && editor) where.push(Prisma.sql`a.status = ${filters.status}::"KnowledgeStatus"`);
  if (filters.mine) where.push(Prisma.sql`a."ownerId" = ${actor.userId}`);
  if (filters.overdue) where.push(Prisma.sql`a."reviewDueOn" < ${todayUtc()}::date AND a.status <> 'archived'`);
  if (q) where.push(articleMatches(q));
  return db.$queryRaw<ArticleListRow[]>`
    SELECT a.id, a.kind, a.status, a."isPublic", a."helpfulCount", a."reviewDueOn", a."ownerId", u.name AS "ownerName",
           v."titleZh", v."titleEn", c."nameZh" AS "categoryZh", c."nameEn" AS "categoryEn", v.number, a."publishedNumber", a."updatedAt"
    FROM knowledge_articles a
    JOIN knowledge_article_versions v ON v."articleId" = a.id AND v.number = ${editor ? Prisma.sql`a."currentNumber"` : Prisma.sql`a."publishedNumber"`}
    JOIN users u ON u.id = a."ownerId"
    LEFT JOIN categories c ON c.id = a."categoryId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${q ? Prisma.sql`ts_rank(v."searchVector", knowledge_search_query(${q})) DESC,` : Prisma.empty} a."helpfulCount" DESC, a.id DESC
    LIMIT 200`;
}

export type VersionRow = {
  number: number;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  changeNote: string | null;
  createdAt: Date;
  editedBy: { id: number; name: string };
  approvedBy: { id: number; name: string } | null;
  approvedAt: Date | null;
};

export type ArticleDetail = {
  id: number;
  code: string;
  kind: KnowledgeKind;
  status: KnowledgeStatus;
  isPublic: boolean;
  helpfulCount: number;
  reviewDueOn: Date | null;
  categoryId: number | null;
  category: { nameZh: string; nameEn: string } | null;
  owner: { id: number; name: string };
  version: number;
  currentNumber: number;
  publishedNumber: number | null;
  publishedAt: Date | null;
  /** The version this actor reads: the newest for editors, the published one for readers. */
  shown: VersionRow;
  /** Every version, newest first (editors only; readers get the shown one). */
  versions: VersionRow[];
  steps: KnowledgeStep[];
  canEdit: boolean;
};

const VERSION_SELECT = {
  number: true,
  titleZh: true,
  titleEn: true,
  bodyZh: true,
  bodyEn: true,
  changeNote: true,
  createdAt: true,
  approvedAt: true,
  editedBy: { select: { id: true, name: true } },
  approvedBy: { select: { id: true, name: true } },
} as const;

export async function getArticle(actor: Actor, id: number): Promise<ArticleDetail | null> {
  if (!can(actor, "knowledge.read")) return null;
  const editor = isEditor(actor);
  const article = await db.knowledgeArticle.findFirst({
    where: { id, ...(editor ? {} : { status: { not: "archived" }, publishedNumber: { not: null } }) },
    select: {
      id: true,
      code: true,
      kind: true,
      status: true,
      isPublic: true,
      helpfulCount: true,
      reviewDueOn: true,
      categoryId: true,
      version: true,
      currentNumber: true,
      publishedNumber: true,
      publishedAt: true,
      category: { select: { nameZh: true, nameEn: true } },
      owner: { select: { id: true, name: true } },
      versions: {
        select: VERSION_SELECT,
        orderBy: { number: "desc" },
        ...(editor ? {} : { where: { approvedAt: { not: null } } }),
      },
    },
  });
  if (!article) return null;
  const shownNumber = editor ? article.currentNumber : article.publishedNumber;
  const shown = article.versions.find((row) => row.number === shownNumber);
  if (!shown) return null;
  const { versions, ...rest } = article;
  return {
    ...rest,
    shown,
    versions: editor ? versions : [shown],
    steps: allowedSteps(article.status, actor.permissions as ReadonlySet<Permission>),
    canEdit: can(actor, "knowledge.manage") && article.status !== "archived",
  };
}

/** Articles whose review date has passed, for their owner (the knowledge page and the daily reminder). */
export async function overdueReviews(ownerId: number) {
  return db.knowledgeArticle.findMany({
    where: { ownerId, status: { not: "archived" }, reviewDueOn: { lt: todayUtc() } },
    select: {
      id: true,
      reviewDueOn: true,
      versions: { select: { titleZh: true, titleEn: true }, orderBy: { number: "desc" }, take: 1 },
    },
    orderBy: { reviewDueOn: "asc" },
    take: 50,
  });
}
