-- The "Surveys by mode" table read from the rollups (issue 20, target 5): answers and sends per mode, per row. Existing
-- rows have no mode figures, so the rollups are emptied and rebuilt by the kpi.refresh job, as in 20261208000000.
DELETE FROM "kpi_daily_rollups";
ALTER TABLE "kpi_daily_rollups" ADD COLUMN "surveyModes" JSONB NOT NULL DEFAULT '{}';
DELETE FROM "kpi_refresh_state" WHERE "key" = 'daily_rollups';
