-- AlterTable
ALTER TABLE "pii_access_logs" ADD COLUMN     "context" TEXT;

-- CreateIndex
CREATE INDEX "pii_access_logs_createdAt_idx" ON "pii_access_logs"("createdAt");

