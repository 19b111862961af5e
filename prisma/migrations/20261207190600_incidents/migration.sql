-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "affectedEstimate" INTEGER,
ADD COLUMN     "airports" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "categoryIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "customerScript" TEXT,
ADD COLUMN     "declaredById" INTEGER,
ADD COLUMN     "excludedComplaintIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "firstReportAt" TIMESTAMP(3),
ADD COLUMN     "firstReportDueAt" TIMESTAMP(3),
ADD COLUMN     "flightNumbers" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "impactEstimate" TEXT,
ADD COLUMN     "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "nextUpdateDueAt" TIMESTAMP(3),
ADD COLUMN     "overdueNotedFor" TIMESTAMP(3),
ADD COLUMN     "ownerId" INTEGER,
ADD COLUMN     "resolutionText" TEXT,
ADD COLUMN     "serviceDateFrom" DATE,
ADD COLUMN     "serviceDateTo" DATE,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "windowEnd" TIMESTAMP(3),
ADD COLUMN     "windowStart" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "incident_events" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" INTEGER,
    "body" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_runs" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "complaintIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "failures" JSONB NOT NULL DEFAULT '[]',
    "payload" JSONB NOT NULL DEFAULT '{}',
    "actorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "incident_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_notices" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "channel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_notices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "incident_events_incidentId_createdAt_idx" ON "incident_events"("incidentId", "createdAt");

-- CreateIndex
CREATE INDEX "incident_runs_incidentId_createdAt_idx" ON "incident_runs"("incidentId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "incident_notices_runId_complaintId_key" ON "incident_notices"("runId", "complaintId");

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_declaredById_fkey" FOREIGN KEY ("declaredById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_runs" ADD CONSTRAINT "incident_runs_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_runs" ADD CONSTRAINT "incident_runs_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_notices" ADD CONSTRAINT "incident_notices_runId_fkey" FOREIGN KEY ("runId") REFERENCES "incident_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

