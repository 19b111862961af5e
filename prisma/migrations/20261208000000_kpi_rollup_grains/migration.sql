-- Issue 20, target 5: the daily rollups gain an assignee dimension and more grains (every pair of filter dimensions,
-- team × any two others, assignee and assignee × team). Rows of the old grains stay correct but the new grains are
-- missing, so the rollups are emptied and marked unbuilt: the kpi.refresh job rebuilds them in full on its next run
-- (its own transaction, as after the upgrade that introduced them), and the dashboards read the facts until then.
ALTER TABLE "kpi_daily_rollups" DROP CONSTRAINT "kpi_daily_rollups_pkey";
DELETE FROM "kpi_daily_rollups";
ALTER TABLE "kpi_daily_rollups" ADD COLUMN "assigneeId" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "kpi_daily_rollups" ADD CONSTRAINT "kpi_daily_rollups_pkey" PRIMARY KEY ("day", "grain", "teamId", "categoryId", "channelId", "tierId", "severityId", "assigneeId");
DELETE FROM "kpi_refresh_state" WHERE "key" = 'daily_rollups';
