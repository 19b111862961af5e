-- AlterTable
ALTER TABLE "kpi_complaint_facts" ADD COLUMN     "firstResolvedAt" TIMESTAMP(3),
ADD COLUMN     "reopenDelayMin" INTEGER;

-- AlterTable
ALTER TABLE "kpi_daily_rollups" ADD COLUMN     "csatSum" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "doneEnded" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "doneStarted" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "firstResolved" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reopenDays" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "kpi_done_spans" (
    "complaintId" INTEGER NOT NULL,
    "doneAt" TIMESTAMP(3) NOT NULL,
    "reopenedAt" TIMESTAMP(3),

    CONSTRAINT "kpi_done_spans_pkey" PRIMARY KEY ("complaintId","doneAt")
);

-- CreateIndex
CREATE INDEX "kpi_done_spans_doneAt_idx" ON "kpi_done_spans"("doneAt");

-- CreateIndex
CREATE INDEX "kpi_done_spans_reopenedAt_idx" ON "kpi_done_spans"("reopenedAt");

-- CreateIndex
CREATE INDEX "kpi_complaint_facts_firstResolvedAt_idx" ON "kpi_complaint_facts"("firstResolvedAt");

-- AddForeignKey
ALTER TABLE "kpi_done_spans" ADD CONSTRAINT "kpi_done_spans_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "kpi_complaint_facts"("complaintId") ON DELETE CASCADE ON UPDATE CASCADE;


-- Demo data written by earlier seeds, set the way the app sets it. A clock stopped by a rejection or merge is
-- cancelled, not fulfilled, and a rejected or merged complaint has closedAt, the time it left the workflow.
UPDATE "sla_clocks" c SET "cancelledAt" = c."fulfilledAt", "fulfilledAt" = NULL
WHERE c."cancelledAt" IS NULL AND c."fulfilledAt" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "sla_events" e WHERE e."clockId" = c.id AND e.kind = 'cancelled' AND e."createdAt" = c."fulfilledAt")
  AND NOT EXISTS (SELECT 1 FROM "sla_events" e WHERE e."clockId" = c.id AND e.kind = 'fulfilled');
UPDATE "complaints" c SET "closedAt" = ev.done_at
FROM (SELECT "complaintId", max("createdAt") AS done_at FROM "complaint_events"
      WHERE kind = 'merged' OR (kind = 'status_changed' AND data->>'to' IN ('rejected', 'duplicate')) GROUP BY "complaintId") ev
WHERE ev."complaintId" = c.id AND c.status IN ('rejected', 'duplicate') AND c."closedAt" IS NULL;

-- The facts and rollups change meaning with first resolution, done spans and the CSAT sum, so the kpi.refresh job
-- recomputes every fact and rebuilds the rollups on its next runs.
DELETE FROM "kpi_refresh_state";
