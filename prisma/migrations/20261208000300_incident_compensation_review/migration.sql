-- Incidents (issue 17): compensation by rule (rule table, proposals tied to the incident, one per complaint), the
-- review (复盘) and the improvement actions it creates.
-- AlterTable
ALTER TABLE "compensations" ADD COLUMN     "incidentId" INTEGER;

-- AlterTable
ALTER TABLE "improvement_actions" ADD COLUMN     "incidentId" INTEGER;

-- CreateTable
CREATE TABLE "incident_compensation_rules" (
    "incidentId" INTEGER NOT NULL,
    "rules" JSONB NOT NULL DEFAULT '[]',
    "flights" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_compensation_rules_pkey" PRIMARY KEY ("incidentId")
);

-- CreateTable
CREATE TABLE "incident_reviews" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "wentWell" TEXT NOT NULL,
    "wentBadly" TEXT NOT NULL,
    "figures" JSONB NOT NULL DEFAULT '{}',
    "authorId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "incident_reviews_incidentId_key" ON "incident_reviews"("incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "compensations_incidentId_complaintId_key" ON "compensations"("incidentId", "complaintId");

-- CreateIndex
CREATE INDEX "improvement_actions_incidentId_idx" ON "improvement_actions"("incidentId");

-- AddForeignKey
ALTER TABLE "compensations" ADD CONSTRAINT "compensations_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_compensation_rules" ADD CONSTRAINT "incident_compensation_rules_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_reviews" ADD CONSTRAINT "incident_reviews_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_reviews" ADD CONSTRAINT "incident_reviews_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

