-- CreateTable
CREATE TABLE "kpi_complaint_facts" (
    "complaintId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "status" "ComplaintStatus" NOT NULL,
    "inflow" BOOLEAN NOT NULL,
    "teamId" INTEGER,
    "categoryId" INTEGER,
    "channelId" INTEGER NOT NULL,
    "tierId" INTEGER,
    "severityId" INTEGER NOT NULL,
    "assigneeId" INTEGER,
    "rootCauseId" INTEGER,
    "firstResponseAt" TIMESTAMP(3),
    "frtCalendarMin" INTEGER,
    "frtBusinessMin" INTEGER,
    "resolvedAt" TIMESTAMP(3),
    "resolutionCalendarMin" INTEGER,
    "resolutionBusinessMin" INTEGER,
    "doneAt" TIMESTAMP(3),
    "responseMet" BOOLEAN,
    "resolutionMet" BOOLEAN,
    "escalationLevel" INTEGER NOT NULL DEFAULT 1,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "reopenedWithin7d" BOOLEAN NOT NULL DEFAULT false,
    "customerReplyCount" INTEGER NOT NULL DEFAULT 0,
    "fcr" BOOLEAN,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kpi_complaint_facts_pkey" PRIMARY KEY ("complaintId")
);

-- CreateTable
CREATE TABLE "kpi_refresh_state" (
    "key" TEXT NOT NULL,
    "cursorAt" TIMESTAMP(3) NOT NULL,
    "cursorId" INTEGER NOT NULL DEFAULT 0,
    "caughtUp" BOOLEAN NOT NULL DEFAULT false,
    "dataAsOf" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3) NOT NULL,
    "lastRunRows" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "kpi_refresh_state_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "kpi_complaint_facts_createdAt_idx" ON "kpi_complaint_facts"("createdAt");

-- CreateIndex
CREATE INDEX "kpi_complaint_facts_resolvedAt_idx" ON "kpi_complaint_facts"("resolvedAt");

-- CreateIndex
CREATE INDEX "kpi_complaint_facts_doneAt_createdAt_idx" ON "kpi_complaint_facts"("doneAt", "createdAt");

-- CreateIndex
CREATE INDEX "kpi_complaint_facts_teamId_createdAt_idx" ON "kpi_complaint_facts"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "kpi_complaint_facts_assigneeId_resolvedAt_idx" ON "kpi_complaint_facts"("assigneeId", "resolvedAt");

-- CreateIndex
CREATE INDEX "complaints_updatedAt_id_idx" ON "complaints"("updatedAt", "id");

-- AddForeignKey
ALTER TABLE "kpi_complaint_facts" ADD CONSTRAINT "kpi_complaint_facts_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

