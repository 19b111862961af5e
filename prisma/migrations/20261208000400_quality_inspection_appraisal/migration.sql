-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('pending', 'scored', 'appealed', 'final');

-- CreateEnum
CREATE TYPE "InspectionScoreKind" AS ENUM ('primary', 'calibration', 'appeal');

-- CreateTable
CREATE TABLE "scorecards" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "currentNumber" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "scorecards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scorecard_versions" (
    "id" SERIAL NOT NULL,
    "scorecardId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "criteria" JSONB NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scorecard_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sampling_plans" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER,
    "perAgent" INTEGER NOT NULL,
    "scorecardId" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sampling_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspections" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "agentId" INTEGER NOT NULL,
    "teamId" INTEGER,
    "month" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "scorecardVersionId" INTEGER NOT NULL,
    "status" "InspectionStatus" NOT NULL DEFAULT 'pending',
    "inspectorId" INTEGER,
    "total" DOUBLE PRECISION,
    "scoredAt" TIMESTAMP(3),
    "calibration" BOOLEAN NOT NULL DEFAULT false,
    "appealReason" TEXT,
    "appealedAt" TIMESTAMP(3),
    "appealDecision" TEXT,
    "appealDecidedById" INTEGER,
    "appealDecidedAt" TIMESTAMP(3),
    "appealComment" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inspections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection_scores" (
    "id" SERIAL NOT NULL,
    "inspectionId" INTEGER NOT NULL,
    "inspectorId" INTEGER NOT NULL,
    "kind" "InspectionScoreKind" NOT NULL,
    "points" JSONB NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inspection_scores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appraisal_weights" (
    "teamId" INTEGER NOT NULL,
    "weights" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "appraisal_weights_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "appraisals" (
    "id" SERIAL NOT NULL,
    "agentId" INTEGER NOT NULL,
    "teamId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "scores" JSONB NOT NULL,
    "weights" JSONB NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "rank" INTEGER NOT NULL,
    "teamSize" INTEGER NOT NULL,
    "supervisorComment" TEXT,
    "commentedById" INTEGER,
    "commentedAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appraisals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "scorecards_code_key" ON "scorecards"("code");

-- CreateIndex
CREATE UNIQUE INDEX "scorecard_versions_scorecardId_number_key" ON "scorecard_versions"("scorecardId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "sampling_plans_teamId_key" ON "sampling_plans"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "inspections_complaintId_key" ON "inspections"("complaintId");

-- CreateIndex
CREATE INDEX "inspections_status_inspectorId_idx" ON "inspections"("status", "inspectorId");

-- CreateIndex
CREATE INDEX "inspections_agentId_month_idx" ON "inspections"("agentId", "month");

-- CreateIndex
CREATE INDEX "inspections_month_idx" ON "inspections"("month");

-- CreateIndex
CREATE UNIQUE INDEX "inspection_scores_inspectionId_inspectorId_kind_key" ON "inspection_scores"("inspectionId", "inspectorId", "kind");

-- CreateIndex
CREATE INDEX "appraisals_teamId_month_idx" ON "appraisals"("teamId", "month");

-- CreateIndex
CREATE INDEX "appraisals_month_idx" ON "appraisals"("month");

-- CreateIndex
CREATE UNIQUE INDEX "appraisals_agentId_teamId_month_key" ON "appraisals"("agentId", "teamId", "month");

-- AddForeignKey
ALTER TABLE "scorecard_versions" ADD CONSTRAINT "scorecard_versions_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "scorecards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sampling_plans" ADD CONSTRAINT "sampling_plans_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "scorecards"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_scorecardVersionId_fkey" FOREIGN KEY ("scorecardVersionId") REFERENCES "scorecard_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_scores" ADD CONSTRAINT "inspection_scores_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

