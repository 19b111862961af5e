-- CreateEnum
CREATE TYPE "ResponsibleParty" AS ENUM ('department', 'supplier', 'weather', 'atc', 'customer', 'other');

-- CreateEnum
CREATE TYPE "DepartmentKind" AS ENUM ('internal', 'supplier');

-- CreateEnum
CREATE TYPE "InvestigationUrgency" AS ENUM ('urgent', 'normal', 'investigation');

-- CreateEnum
CREATE TYPE "InvestigationStatus" AS ENUM ('open', 'answered', 'accepted', 'cancelled');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EventKind" ADD VALUE 'investigation_requested';
ALTER TYPE "EventKind" ADD VALUE 'investigation_answered';
ALTER TYPE "EventKind" ADD VALUE 'investigation_accepted';
ALTER TYPE "EventKind" ADD VALUE 'investigation_returned';
ALTER TYPE "EventKind" ADD VALUE 'investigation_overdue';

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'liaison';

-- AlterTable
ALTER TABLE "complaints" ADD COLUMN     "responsibleDepartmentId" INTEGER,
ADD COLUMN     "responsibleParty" "ResponsibleParty";

-- CreateTable
CREATE TABLE "departments" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "DepartmentKind" NOT NULL DEFAULT 'internal',
    "headId" INTEGER,
    "calendarId" INTEGER NOT NULL,
    "urgentDays" INTEGER NOT NULL DEFAULT 1,
    "normalDays" INTEGER NOT NULL DEFAULT 3,
    "investigationDays" INTEGER NOT NULL DEFAULT 15,
    "warnPercent" INTEGER NOT NULL DEFAULT 75,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "departments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "department_liaisons" (
    "departmentId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "department_liaisons_pkey" PRIMARY KEY ("departmentId","userId")
);

-- CreateTable
CREATE TABLE "investigation_requests" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "requestedById" INTEGER,
    "urgency" "InvestigationUrgency" NOT NULL DEFAULT 'normal',
    "question" TEXT NOT NULL,
    "sharedEventIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "sharedAttachmentIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "status" "InvestigationStatus" NOT NULL DEFAULT 'open',
    "round" INTEGER NOT NULL DEFAULT 1,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "warnAt" TIMESTAMP(3) NOT NULL,
    "warnedAt" TIMESTAMP(3),
    "breachedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "investigation_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "investigation_answers" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "authorId" INTEGER,
    "findings" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "responsibleParty" "ResponsibleParty" NOT NULL,
    "responsibleDepartmentId" INTEGER,
    "proposedRemedy" TEXT,
    "compensationSuggestion" TEXT,
    "onTime" BOOLEAN NOT NULL,
    "answerMinutes" INTEGER NOT NULL,
    "decision" TEXT,
    "decisionReason" TEXT,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "investigation_answers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "departments_code_key" ON "departments"("code");

-- CreateIndex
CREATE INDEX "department_liaisons_userId_idx" ON "department_liaisons"("userId");

-- CreateIndex
CREATE INDEX "investigation_requests_departmentId_status_dueAt_idx" ON "investigation_requests"("departmentId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "investigation_requests_complaintId_idx" ON "investigation_requests"("complaintId");

-- CreateIndex
CREATE INDEX "investigation_requests_status_dueAt_idx" ON "investigation_requests"("status", "dueAt");

-- CreateIndex
CREATE INDEX "investigation_requests_status_warnAt_idx" ON "investigation_requests"("status", "warnAt");

-- CreateIndex
CREATE INDEX "investigation_answers_createdAt_idx" ON "investigation_answers"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "investigation_answers_requestId_round_key" ON "investigation_answers"("requestId", "round");

-- CreateIndex
CREATE INDEX "complaints_responsibleDepartmentId_resolvedAt_idx" ON "complaints"("responsibleDepartmentId", "resolvedAt");

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_responsibleDepartmentId_fkey" FOREIGN KEY ("responsibleDepartmentId") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "departments" ADD CONSTRAINT "departments_headId_fkey" FOREIGN KEY ("headId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "departments" ADD CONSTRAINT "departments_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "business_calendars"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department_liaisons" ADD CONSTRAINT "department_liaisons_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department_liaisons" ADD CONSTRAINT "department_liaisons_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investigation_requests" ADD CONSTRAINT "investigation_requests_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investigation_requests" ADD CONSTRAINT "investigation_requests_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investigation_requests" ADD CONSTRAINT "investigation_requests_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investigation_answers" ADD CONSTRAINT "investigation_answers_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "investigation_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investigation_answers" ADD CONSTRAINT "investigation_answers_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investigation_answers" ADD CONSTRAINT "investigation_answers_responsibleDepartmentId_fkey" FOREIGN KEY ("responsibleDepartmentId") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investigation_answers" ADD CONSTRAINT "investigation_answers_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

