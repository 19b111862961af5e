-- Issue 17 items 8-10: contingency plans with revisions, the plan an incident follows and its checklist, drills with
-- follow-up improvement actions, a data breach incident's regulator clock and its hand-added affected customers.
-- CreateTable
CREATE TABLE "contingency_plans" (
    "id" SERIAL NOT NULL,
    "code" TEXT,
    "type" TEXT NOT NULL,
    "level" "IncidentLevel",
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "ownerId" INTEGER,
    "revisedAt" TIMESTAMP(3) NOT NULL,
    "nextReviewAt" TIMESTAMP(3) NOT NULL,
    "steps" JSONB NOT NULL DEFAULT '[]',
    "contacts" JSONB NOT NULL DEFAULT '[]',
    "scriptZh" TEXT NOT NULL,
    "scriptEn" TEXT NOT NULL,
    "compensationRules" JSONB NOT NULL DEFAULT '[]',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contingency_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_revisions" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_plans" (
    "incidentId" INTEGER NOT NULL,
    "planId" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_plans_pkey" PRIMARY KEY ("incidentId")
);

-- CreateTable
CREATE TABLE "incident_plan_checks" (
    "incidentId" INTEGER NOT NULL,
    "step" INTEGER NOT NULL,
    "checkedById" INTEGER NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_plan_checks_pkey" PRIMARY KEY ("incidentId","step")
);

-- CreateTable
CREATE TABLE "plan_drills" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "planRevision" INTEGER NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL,
    "scenario" TEXT NOT NULL,
    "participants" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "timings" JSONB NOT NULL DEFAULT '[]',
    "findings" TEXT,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_drills_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_drill_actions" (
    "drillId" INTEGER NOT NULL,
    "actionId" INTEGER NOT NULL,

    CONSTRAINT "plan_drill_actions_pkey" PRIMARY KEY ("drillId","actionId")
);

-- CreateTable
CREATE TABLE "incident_breaches" (
    "incidentId" INTEGER NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "regulatorDueAt" TIMESTAMP(3) NOT NULL,
    "regulatorReportedAt" TIMESTAMP(3),
    "regulatorReference" TEXT,
    "reminderNotedAt" TIMESTAMP(3),
    "overdueNotedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "incident_breaches_pkey" PRIMARY KEY ("incidentId")
);

-- CreateTable
CREATE TABLE "incident_affected_customers" (
    "incidentId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "note" TEXT,
    "addedById" INTEGER NOT NULL,
    "notifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_affected_customers_pkey" PRIMARY KEY ("incidentId","customerId")
);

-- CreateIndex
CREATE UNIQUE INDEX "contingency_plans_code_key" ON "contingency_plans"("code");

-- CreateIndex
CREATE INDEX "contingency_plans_type_active_idx" ON "contingency_plans"("type", "active");

-- CreateIndex
CREATE UNIQUE INDEX "plan_revisions_planId_revision_key" ON "plan_revisions"("planId", "revision");

-- CreateIndex
CREATE INDEX "incident_plans_planId_idx" ON "incident_plans"("planId");

-- CreateIndex
CREATE INDEX "plan_drills_planId_heldAt_idx" ON "plan_drills"("planId", "heldAt");

-- CreateIndex
CREATE INDEX "plan_drill_actions_actionId_idx" ON "plan_drill_actions"("actionId");

-- CreateIndex
CREATE INDEX "incident_breaches_regulatorReportedAt_regulatorDueAt_idx" ON "incident_breaches"("regulatorReportedAt", "regulatorDueAt");

-- CreateIndex
CREATE INDEX "incident_affected_customers_customerId_idx" ON "incident_affected_customers"("customerId");

-- AddForeignKey
ALTER TABLE "contingency_plans" ADD CONSTRAINT "contingency_plans_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_planId_fkey" FOREIGN KEY ("planId") REFERENCES "contingency_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_plans" ADD CONSTRAINT "incident_plans_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_plans" ADD CONSTRAINT "incident_plans_planId_fkey" FOREIGN KEY ("planId") REFERENCES "contingency_plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_plan_checks" ADD CONSTRAINT "incident_plan_checks_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incident_plans"("incidentId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_plan_checks" ADD CONSTRAINT "incident_plan_checks_checkedById_fkey" FOREIGN KEY ("checkedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_drills" ADD CONSTRAINT "plan_drills_planId_fkey" FOREIGN KEY ("planId") REFERENCES "contingency_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_drills" ADD CONSTRAINT "plan_drills_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_drill_actions" ADD CONSTRAINT "plan_drill_actions_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "plan_drills"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_drill_actions" ADD CONSTRAINT "plan_drill_actions_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "improvement_actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_breaches" ADD CONSTRAINT "incident_breaches_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_affected_customers" ADD CONSTRAINT "incident_affected_customers_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_affected_customers" ADD CONSTRAINT "incident_affected_customers_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_affected_customers" ADD CONSTRAINT "incident_affected_customers_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

