// Knowledge-base use cases: write, edit (every content change is a new version), the review workflow (draft → in
// review → published → archived; a reviewer never approves a version they wrote) and "this helped" feedback.
// Permissions are checked here; every change is audited in its own transaction.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { complaintScope } from "@/lib/complaints/scope";
import type { KnowledgeStatus } from "@/lib/generated/prisma/enums";
import {
  articleInputSchema,
  feedbackSchema,
  transitionArticleSchema,
  updateArticleSchema,
  type ArticleInput,
} from "@/lib/knowledge/schema";
import { KNOWLEDGE_TRANSITIONS, nextStatus, reviewDateOnApproval } from "@/lib/knowledge/workflow";
import { insertVersion, sameContent } from "@/lib/knowledge/versions";

const invalid = (fields: Record<string, string[]>) =>
  fail("invalid", "Some fields are missing or invalid.", { fields });
const dateOf = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);

export type ArticleRef = { id: number; status: KnowledgeStatus; version: number; currentNumber: number };

async function categoryExists(categoryId: number | null) {
  return categoryId === null || (await db.category.count({ where: { id: categoryId } })) > 0;
}

export async function createArticle(actor: Actor, raw: unknown): Promise<Result<{ article: ArticleRef }>> {
  if (!can(actor, "knowledge.manage")) return fail("forbidden", "You may not write knowledge articles.");
  const parsed = articleInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  if (!(await categoryExists(input.categoryId))) return invalid({ categoryId: ["unknown"] });
  const article = await db.$transaction(async (tx) => {
    const created = await tx.knowledgeArticle.create({
      data: {
        code: `kb-${randomBytes(5).toString("hex")}`,
        kind: input.kind,
        categoryId: input.categoryId,
        isPublic: input.isPublic,
        reviewDueOn: dateOf(input.reviewDueOn),
        ownerId: actor.userId,
      },
      select: { id: true, status: true, version: true, currentNumber: true },
    });
    await insertVersion(tx, created.id, 1, contentOf(input), actor.userId, input.changeNote ?? null);
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "knowledge.create",
      entityType: "knowledge_article",
      entityId: String(created.id),
      changes: { kind: input.kind, titleZh: input.titleZh, titleEn: input.titleEn },
    });
    return created;
  });
  return { ok: true, article };
}

function contentOf(input: Pick<ArticleInput, "titleZh" | "titleEn" | "bodyZh" | "bodyEn">) {
  return { titleZh: input.titleZh, titleEn: input.titleEn, bodyZh: input.bodyZh, bodyEn: input.bodyEn };
}

/**
 * Saves an edit. Changed content becomes a new version and sends the article back to draft; the published version
 * stays what readers see until the new one is approved. Metadata (kind, category, public flag, review date) changes
 * in place. `version` is the optimistic lock: someone else's save in between is a conflict.
 */
export async function updateArticle(
  actor: Actor,
  articleId: number,
  raw: unknown,
): Promise<Result<{ article: ArticleRef; newVersion: boolean }>> {
  if (!can(actor, "knowledge.manage")) return fail("forbidden", "You may not edit knowledge articles.");
  const parsed = updateArticleSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  if (!(await categoryExists(input.categoryId))) return invalid({ categoryId: ["unknown"] });
  return db.$transaction(async (tx) => {
    const article = await tx.knowledgeArticle.findUnique({
      where: { id: articleId },
      select: {
        id: true,
        status: true,
        version: true,
        currentNumber: true,
        kind: true,
        categoryId: true,
        isPublic: true,
        reviewDueOn: true,
      },
    });
    if (!article) return fail("not_found", "This article does not exist.");
    if (article.status === "archived") return fail("unprocessable", "Restore the article before editing it.");
    const current = await tx.knowledgeArticleVersion.findUniqueOrThrow({
      where: { articleId_number: { articleId, number: article.currentNumber } },
      select: { titleZh: true, titleEn: true, bodyZh: true, bodyEn: true },
    });
    const newVersion = !sameContent(current, contentOf(input));
    const number = newVersion ? article.currentNumber + 1 : article.currentNumber;
    const claimed = await tx.knowledgeArticle.updateMany({
      where: { id: articleId, version: input.version },
      data: {
        kind: input.kind,
        categoryId: input.categoryId,
        isPublic: input.isPublic,
        reviewDueOn: dateOf(input.reviewDueOn),
        currentNumber: number,
        ...(newVersion ? { status: "draft" as const } : {}),
        version: { increment: 1 },
      },
    });
    if (claimed.count === 0)
      return fail("conflict", "Someone else saved this article in the meantime. Reload to see their changes.");
    if (newVersion)
      await insertVersion(tx, articleId, number, contentOf(input), actor.userId, input.changeNote ?? null);
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "knowledge.update",
      entityType: "knowledge_article",
      entityId: String(articleId),
      changes: {
        newVersion: newVersion ? number : null,
        kind: input.kind,
        categoryId: input.categoryId,
        isPublic: input.isPublic,
        reviewDueOn: input.reviewDueOn,
      },
    });
    const status = newVersion ? "draft" : article.status;
    return {
      ok: true as const,
      newVersion,
      article: { id: articleId, status, version: input.version + 1, currentNumber: number },
    };
  });
}

/** Submit, approve (publish), reject (back to draft, with a reason), archive, restore. */
export async function transitionArticle(
  actor: Actor,
  articleId: number,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ article: ArticleRef }>> {
  const parsed = transitionArticleSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { step, version, comment } = parsed.data;
  if (!can(actor, KNOWLEDGE_TRANSITIONS[step].permission)) return fail("forbidden", "You may not take this step.");
  if (step === "reject" && !comment) return invalid({ comment: ["required"] });
  return db.$transaction(async (tx) => {
    const article = await tx.knowledgeArticle.findUnique({
      where: { id: articleId },
      select: { id: true, status: true, currentNumber: true, reviewDueOn: true },
    });
    if (!article) return fail("not_found", "This article does not exist.");
    const to = nextStatus(step, article.status);
    if (!to) return fail("unprocessable", `An article that is ${article.status} cannot be ${step}d.`);
    const current = await tx.knowledgeArticleVersion.findUniqueOrThrow({
      where: { articleId_number: { articleId, number: article.currentNumber } },
      select: { id: true, editedById: true },
    });
    // Four eyes: the reviewer is not the author of the version being published.
    if (step === "approve" && current.editedById === actor.userId)
      return fail("unprocessable", "Another reviewer must approve a version you wrote.");
    const claimed = await tx.knowledgeArticle.updateMany({
      where: { id: articleId, version },
      data: {
        status: to,
        version: { increment: 1 },
        ...(step === "approve"
          ? {
              publishedNumber: article.currentNumber,
              publishedAt: now,
              reviewDueOn: reviewDateOnApproval(article.reviewDueOn, now),
            }
          : {}),
        ...(step === "archive" ? { isPublic: false } : {}),
      },
    });
    if (claimed.count === 0)
      return fail("conflict", "Someone else changed this article in the meantime. Reload to see it.");
    if (step === "approve")
      await tx.knowledgeArticleVersion.update({
        where: { id: current.id },
        data: { approvedById: actor.userId, approvedAt: now },
      });
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: `knowledge.${step}`,
      entityType: "knowledge_article",
      entityId: String(articleId),
      changes: {
        status: { from: article.status, to },
        versionNumber: article.currentNumber,
        ...(comment ? { comment } : {}),
      },
    });
    return {
      ok: true as const,
      article: { id: articleId, status: to, version: version + 1, currentNumber: article.currentNumber },
    };
  });
}

/**
 * "This helped": once per person and complaint (or once without a complaint). Counts into the article's ranking.
 * Only published articles the actor can read, and only complaints within the actor's scope.
 */
export async function markHelpful(
  actor: Actor,
  articleId: number,
  raw: unknown,
): Promise<Result<{ counted: boolean; helpfulCount: number }>> {
  if (!can(actor, "knowledge.read")) return fail("forbidden", "You may not read knowledge articles.");
  const parsed = feedbackSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { complaintId } = parsed.data;
  return db.$transaction(async (tx) => {
    const article = await tx.knowledgeArticle.findFirst({
      where: { id: articleId, publishedNumber: { not: null }, status: { not: "archived" } },
      select: { id: true },
    });
    if (!article) return fail("not_found", "This article does not exist.");
    if (
      complaintId !== null &&
      !(await tx.complaint.findFirst({ where: { id: complaintId, ...complaintScope(actor) }, select: { id: true } }))
    ) {
      return fail("not_found", "This complaint does not exist.");
    }
    const inserted = await tx.knowledgeFeedback.createMany({
      data: [{ articleId, userId: actor.userId, complaintId: complaintId ?? 0 }],
      skipDuplicates: true,
    });
    const counted = inserted.count > 0;
    const updated = counted
      ? await tx.knowledgeArticle.update({
          where: { id: articleId },
          data: { helpfulCount: { increment: 1 } },
          select: { helpfulCount: true },
        })
      : await tx.knowledgeArticle.findUniqueOrThrow({ where: { id: articleId }, select: { helpfulCount: true } });
    return { ok: true as const, counted, helpfulCount: updated.helpfulCount };
  });
}
