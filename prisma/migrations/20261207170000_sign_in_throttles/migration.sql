-- CreateTable
CREATE TABLE "sign_in_throttles" (
    "key" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,
    "nextAllowedAt" TIMESTAMP(3),
    "notifiedAt" TIMESTAMP(3),

    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "sign_in_throttles_email_idx" ON "sign_in_throttles"("email");

-- CreateIndex
CREATE INDEX "sign_in_throttles_lastFailureAt_idx" ON "sign_in_throttles"("lastFailureAt");

