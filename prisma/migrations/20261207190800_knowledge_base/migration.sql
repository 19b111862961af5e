-- CreateEnum
CREATE TYPE "KnowledgeKind" AS ENUM ('sop', 'faq', 'script', 'policy', 'regulation');

-- CreateEnum
CREATE TYPE "KnowledgeStatus" AS ENUM ('draft', 'in_review', 'published', 'archived');

-- CreateTable
CREATE TABLE "knowledge_articles" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "KnowledgeKind" NOT NULL,
    "status" "KnowledgeStatus" NOT NULL DEFAULT 'draft',
    "categoryId" INTEGER,
    "ownerId" INTEGER NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "reviewDueOn" DATE,
    "currentNumber" INTEGER NOT NULL DEFAULT 1,
    "publishedNumber" INTEGER,
    "publishedAt" TIMESTAMP(3),
    "helpfulCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "knowledge_articles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "knowledge_article_versions" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "bodyZh" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "changeNote" TEXT,
    "editedById" INTEGER NOT NULL,
    "approvedById" INTEGER,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "searchVector" tsvector,

    CONSTRAINT "knowledge_article_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "knowledge_feedback" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "complaintId" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "knowledge_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "knowledge_articles_code_key" ON "knowledge_articles"("code");

-- CreateIndex
CREATE INDEX "knowledge_articles_status_kind_idx" ON "knowledge_articles"("status", "kind");

-- CreateIndex
CREATE INDEX "knowledge_articles_categoryId_idx" ON "knowledge_articles"("categoryId");

-- CreateIndex
CREATE INDEX "knowledge_articles_ownerId_reviewDueOn_idx" ON "knowledge_articles"("ownerId", "reviewDueOn");

-- CreateIndex
CREATE INDEX "knowledge_versions_search_idx" ON "knowledge_article_versions" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "knowledge_article_versions_articleId_number_key" ON "knowledge_article_versions"("articleId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "knowledge_feedback_articleId_userId_complaintId_key" ON "knowledge_feedback"("articleId", "userId", "complaintId");

-- AddForeignKey
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "knowledge_articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "knowledge_feedback" ADD CONSTRAINT "knowledge_feedback_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "knowledge_articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "knowledge_feedback" ADD CONSTRAINT "knowledge_feedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text search of knowledge articles in Chinese and English (lib/knowledge/search.ts). Chinese has no spaces, so
-- runs of CJK characters are indexed as overlapping two-character words (bigrams: 行李延误 gives 行李 李延 延误), English
-- is stemmed (english configuration), Latin words inside the Chinese text (PNR, CA1234) are kept as they are (simple).
-- No trigger: the migration runner splits scripts at every semicolon, even inside dollar quotes (docs/decisions.md),
-- so these are single-statement SQL functions and lib/knowledge/versions.ts sets the vector when it inserts a version.
CREATE OR REPLACE FUNCTION knowledge_cjk_bigrams(source text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(CASE WHEN char_length(r.run) = 1 THEN r.run ELSE substr(r.run, g.i, 2) END, ' ' ORDER BY m.ord, g.i), '')
  FROM regexp_matches(coalesce(source, ''), '[㐀-䶿一-鿿豈-﫿]+', 'g') WITH ORDINALITY AS m(parts, ord)
  CROSS JOIN LATERAL (SELECT m.parts[1] AS run) AS r
  CROSS JOIN LATERAL generate_series(1, greatest(char_length(r.run) - 1, 1)) AS g(i)
$$;

-- The query side: every bigram and every English word of the search text must match (AND)
CREATE OR REPLACE FUNCTION knowledge_search_query(search text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT plainto_tsquery('simple', knowledge_cjk_bigrams(search))
      && plainto_tsquery('english', regexp_replace(coalesce(search, ''), '[㐀-䶿一-鿿豈-﫿]+', ' ', 'g'))
$$;

-- The document side: titles weigh more than bodies
CREATE OR REPLACE FUNCTION knowledge_search_vector(title_zh text, title_en text, body_zh text, body_en text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('simple', knowledge_cjk_bigrams(title_zh)), 'A')
      || setweight(to_tsvector('english', coalesce(title_en, '')), 'A')
      || setweight(to_tsvector('simple', knowledge_cjk_bigrams(body_zh)), 'B')
      || setweight(to_tsvector('english', coalesce(body_en, '')), 'B')
      || setweight(to_tsvector('simple', regexp_replace(coalesce(title_zh, '') || ' ' || coalesce(body_zh, ''), '[㐀-䶿一-鿿豈-﫿]+', ' ', 'g')), 'C')
$$;
