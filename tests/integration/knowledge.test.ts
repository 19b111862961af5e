// Knowledge base against a real PostgreSQL: the review workflow (four eyes, optimistic lock, audit), versions and what
// readers see meanwhile, search in Chinese (two-character words) and English on the bigram index, suggestions for a
// complaint, "this helped" counted once, the public help centre and the daily review reminder.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle, markHelpful, transitionArticle, updateArticle } from "@/lib/knowledge/service";
import { getArticle, listArticles } from "@/lib/knowledge/queries";
import { suggestArticles } from "@/lib/knowledge/suggest";
import { listPublicArticles } from "@/lib/knowledge/public";
import { remindOverdueReviews } from "@/lib/knowledge/reviews";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

const base = {
  kind: "sop",
  categoryId: null,
  isPublic: false,
  reviewDueOn: null,
  titleZh: "行李延误处理流程",
  titleEn: "Delayed baggage procedure",
  bodyZh: "请先登记行李查询编号，然后在二十四小时内回访旅客。",
  bodyEn: "File a baggage trace first, then call the passenger back within 24 hours.",
};

async function published(
  input: Record<string, unknown>,
  author: Awaited<ReturnType<typeof makeStaff>>["actor"],
  reviewer: Awaited<ReturnType<typeof makeStaff>>["actor"],
) {
  const created = await createArticle(author, { ...base, ...input });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const submitted = await transitionArticle(author, created.article.id, {
    step: "submit",
    version: created.article.version,
  });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  const approved = await transitionArticle(reviewer, created.article.id, {
    step: "approve",
    version: submitted.article.version,
  });
  if (!approved.ok) throw new Error(JSON.stringify(approved));
  return approved.article;
}

describe("knowledge base", () => {
  it("moves an article draft → in review → published with a second reviewer, audited and locked", async () => {
    const { actor: author } = await makeStaff("supervisor");
    const { actor: reviewer, user: reviewerUser } = await makeStaff("manager");
    const { actor: agent } = await makeStaff("agent");

    expect(await createArticle(agent, base)).toMatchObject({ ok: false, error: "forbidden" });
    expect(
      await createArticle(author, { ...base, titleZh: "", kind: "novel", reviewDueOn: "31/12/2026" }),
    ).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { titleZh: ["too_short"], kind: expect.any(Array), reviewDueOn: ["invalid_date"] },
    });
    const created = await createArticle(author, base);
    if (!created.ok) throw new Error(JSON.stringify(created));
    const id = created.article.id;
    // Agents read published articles only.
    expect(await getArticle(agent, id)).toBeNull();

    expect(await transitionArticle(author, id, { step: "approve", version: 1 })).toMatchObject({
      ok: false,
      error: "unprocessable",
    });
    const submitted = await transitionArticle(author, id, { step: "submit", version: 1 });
    expect(submitted).toMatchObject({ ok: true, article: { status: "in_review" } });
    expect(await transitionArticle(reviewer, id, { step: "approve", version: 1 })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await transitionArticle(agent, id, { step: "approve", version: 2 })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await transitionArticle(reviewer, id, { step: "reject", version: 2 })).toMatchObject({
      ok: false,
      fields: { comment: ["required"] },
    });
    // The author may not approve their own version (four eyes).
    expect(await transitionArticle(author, id, { step: "approve", version: 2 })).toMatchObject({
      ok: false,
      error: "unprocessable",
    });
    expect(await transitionArticle(reviewer, id, { step: "approve", version: 2 })).toMatchObject({
      ok: true,
      article: { status: "published" },
    });

    const version = await db.knowledgeArticleVersion.findUniqueOrThrow({
      where: { articleId_number: { articleId: id, number: 1 } },
    });
    expect(version.approvedById).toBe(reviewerUser.id);
    const article = await db.knowledgeArticle.findUniqueOrThrow({ where: { id } });
    expect(article.publishedNumber).toBe(1);
    expect(article.reviewDueOn).not.toBeNull();
    expect(
      (
        await db.auditLog.findMany({
          where: { entityType: "knowledge_article", entityId: String(id) },
          orderBy: { id: "asc" },
        })
      ).map((row) => row.action),
    ).toEqual(["knowledge.create", "knowledge.submit", "knowledge.approve"]);
    expect(await getArticle(agent, id)).toMatchObject({ status: "published", shown: { number: 1 } });
  });

  it("keeps the published version visible to agents while a newer draft is edited, and diffs versions", async () => {
    const { actor: author } = await makeStaff("supervisor");
    const { actor: reviewer } = await makeStaff("manager");
    const { actor: agent } = await makeStaff("agent");
    const article = await published({}, author, reviewer);
    const edited = await updateArticle(author, article.id, {
      ...base,
      bodyEn: "File a trace, deliver the bag free of charge.",
      version: article.version,
      changeNote: "free delivery",
    });
    expect(edited).toMatchObject({ ok: true, newVersion: true, article: { status: "draft", currentNumber: 2 } });
    // A stale lock version is a conflict, not an overwrite.
    expect(await updateArticle(author, article.id, { ...base, version: article.version })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    // Saving the same text again makes no new version.
    if (!edited.ok) throw new Error("edit");
    expect(
      await updateArticle(author, article.id, {
        ...base,
        bodyEn: "File a trace, deliver the bag free of charge.",
        isPublic: true,
        version: edited.article.version,
      }),
    ).toMatchObject({ ok: true, newVersion: false });

    expect(await getArticle(agent, article.id)).toMatchObject({
      shown: { number: 1, bodyEn: base.bodyEn },
      versions: [{ number: 1 }],
    });
    const forEditor = await getArticle(author, article.id);
    expect(forEditor?.shown.number).toBe(2);
    expect(forEditor?.versions.map((row) => row.number)).toEqual([2, 1]);
  });

  it("finds two-character Chinese words and English stems on the index, only published for agents", async () => {
    const { actor: author } = await makeStaff("supervisor");
    const { actor: reviewer } = await makeStaff("manager");
    const { actor: agent } = await makeStaff("agent");
    const bags = await published(
      {
        titleZh: "托运行李破损赔偿",
        titleEn: "Damaged checked bags",
        bodyZh: "旅客行李破损时请拍照登记。",
        bodyEn: "Photograph the damaged suitcases and record them.",
      },
      author,
      reviewer,
    );
    const refund = await published(
      {
        titleZh: "退票退款时限",
        titleEn: "Refund timelines",
        bodyZh: "退款原路退回，七个工作日内到账。",
        bodyEn: "Refunds return to the original card within seven working days.",
      },
      author,
      reviewer,
    );
    const draft = await createArticle(author, {
      ...base,
      titleZh: "破损行李草稿",
      titleEn: "Draft about damage",
      bodyZh: "这是一份关于破损的草稿文章。",
      bodyEn: "A draft about damaged suitcases.",
    });
    if (!draft.ok) throw new Error("draft");

    const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
    expect(ids(await listArticles(agent, { q: "破损" }))).toContain(bags.id);
    expect(ids(await listArticles(agent, { q: "破损" }))).not.toContain(refund.id);
    expect(ids(await listArticles(agent, { q: "破损" }))).not.toContain(draft.article.id);
    expect(ids(await listArticles(author, { q: "破损" }))).toContain(draft.article.id);
    expect(ids(await listArticles(agent, { q: "退款" }))).toEqual(expect.arrayContaining([refund.id]));
    expect(ids(await listArticles(agent, { q: "退款" }))).not.toContain(bags.id);
    // English: "refund" matches "Refunds" (stemmed), "suitcase" matches "suitcases".
    expect(ids(await listArticles(agent, { q: "refund" }))).toContain(refund.id);
    expect(ids(await listArticles(agent, { q: "suitcase" }))).toContain(bags.id);
    expect(ids(await listArticles(agent, { q: "suitcase" }))).not.toContain(refund.id);
    // Both words must match.
    expect(ids(await listArticles(agent, { q: "破损 退款" }))).toEqual([]);
  });

  it("suggests articles of the complaint's category and text, ranked by 'this helped', counted once", async () => {
    const team = await makeTeam();
    const { actor: author } = await makeStaff("supervisor");
    const { actor: reviewer } = await makeStaff("manager");
    const { actor: agent } = await makeStaff("agent", [team]);
    const parent = await db.category.create({
      data: { code: `KB-BAG-${Date.now()}`, nameZh: "行李", nameEn: "Baggage" },
    });
    const delayed = await db.category.create({
      data: { code: `KB-BAGD-${Date.now()}`, parentId: parent.id, nameZh: "行李延误", nameEn: "Delayed bags" },
    });
    const other = await db.category.create({
      data: { code: `KB-MEAL-${Date.now()}`, nameZh: "餐食", nameEn: "Meals" },
    });
    const byCategory = await published(
      { kind: "script", categoryId: parent.id, titleZh: "行李问题安抚话术", titleEn: "Baggage script" },
      author,
      reviewer,
    );
    const byText = await published(
      {
        categoryId: other.id,
        titleZh: "特殊餐食预订",
        titleEn: "Special meals",
        bodyZh: "素食餐需提前预订，航班延误时照常提供。",
        bodyEn: "Vegetarian meals must be ordered ahead.",
      },
      author,
      reviewer,
    );
    const unrelated = await published(
      {
        categoryId: other.id,
        titleZh: "机上娱乐系统",
        titleEn: "Entertainment system",
        bodyZh: "娱乐系统故障时提供里程补偿。",
        bodyEn: "Miles for a broken screen.",
      },
      author,
      reviewer,
    );
    const customer = await makeCustomer();
    const complaint = await makeComplaint({
      customerId: customer.id,
      teamId: team.id,
      categoryId: parent.id,
      subcategoryId: delayed.id,
      subject: "素食餐没有提供",
      description: "我预订的素食餐没有提供。",
    });

    const suggestions = await suggestArticles(agent, complaint);
    expect(suggestions.map((row) => row.id)).toContain(byCategory.id);
    expect(suggestions.map((row) => row.id)).toContain(byText.id);
    expect(suggestions.map((row) => row.id)).not.toContain(unrelated.id);
    expect(suggestions[0]?.id).toBe(byCategory.id);
    expect(suggestions.length).toBeLessThanOrEqual(3);

    expect(await markHelpful(agent, byText.id, { complaintId: complaint.id })).toMatchObject({
      ok: true,
      counted: true,
      helpfulCount: 1,
    });
    expect(await markHelpful(agent, byText.id, { complaintId: complaint.id })).toMatchObject({
      ok: true,
      counted: false,
      helpfulCount: 1,
    });
    // A complaint outside the agent's teams is not found.
    const { actor: outsider } = await makeStaff("agent", [await makeTeam()]);
    expect(await markHelpful(outsider, byText.id, { complaintId: complaint.id })).toMatchObject({
      ok: false,
      error: "not_found",
    });
  });

  it("lists public published articles on the help centre and reminds owners of overdue reviews once", async () => {
    const { actor: author, user: authorUser } = await makeStaff("supervisor");
    const { actor: reviewer } = await makeStaff("manager");
    const faq = await published(
      {
        kind: "faq",
        isPublic: true,
        titleZh: "登机口关闭时间",
        titleEn: "When does the gate close?",
        bodyZh: "登机口在起飞前十五分钟关闭。",
        bodyEn: "Gates close 15 minutes before departure.",
      },
      author,
      reviewer,
    );
    const internal = await published(
      { kind: "sop", isPublic: false, titleZh: "登机口内部流程", titleEn: "Gate internal procedure" },
      author,
      reviewer,
    );
    const publicIds = (await listPublicArticles()).map((row) => row.id);
    expect(publicIds).toContain(faq.id);
    expect(publicIds).not.toContain(internal.id);
    expect((await listPublicArticles("登机")).map((row) => row.id)).toContain(faq.id);
    expect((await listPublicArticles("gate close")).map((row) => row.id)).toContain(faq.id);

    await db.knowledgeArticle.update({
      where: { id: internal.id },
      data: { reviewDueOn: new Date("2026-01-01T00:00:00Z") },
    });
    const now = new Date("2026-12-07T08:00:00Z");
    expect(await remindOverdueReviews(now)).toBeGreaterThanOrEqual(1);
    await remindOverdueReviews(now);
    const notes = await db.notification.findMany({
      where: { userId: authorUser.id, kind: "knowledge.review_overdue" },
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]?.params).toMatchObject({ articleId: internal.id, dueOn: "2026-01-01" });
  });
});
