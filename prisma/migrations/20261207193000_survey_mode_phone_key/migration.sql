-- CreateEnum
CREATE TYPE "SurveyMode" AS ENUM ('web', 'sms', 'phone');

-- AlterTable
-- The last 11 digits of the phone number, computed by the database (a generated column), so every path that writes a
-- phone (intake, edit, merge, import, anonymisation) keeps it right. An incoming SMS (opt-out reply) matches it
-- through the index below. Statements here must not contain semicolons inside comments or bodies (the migration
-- runner splits on them).
ALTER TABLE "customers" ADD COLUMN "phoneKey" TEXT GENERATED ALWAYS AS (nullif(right(regexp_replace(phone, '[^0-9]', '', 'g'), 11), '')) STORED;

-- AlterTable
ALTER TABLE "survey_responses" ADD COLUMN     "mode" "SurveyMode" NOT NULL DEFAULT 'web',
ADD COLUMN     "recordedById" INTEGER;

-- CreateIndex
CREATE INDEX "customers_phoneKey_idx" ON "customers"("phoneKey");

-- CreateIndex
CREATE INDEX "survey_responses_mode_createdAt_idx" ON "survey_responses"("mode", "createdAt");

-- AddForeignKey
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Answers given before this migration came through the web link (phone and SMS modes did not exist), so web stays.
