-- Local (Asia/Shanghai, the dashboard's REPORT_TIME_ZONE) weekday and hour of creation on the KPI facts, so that a
-- heatmap cell drills down to exactly the complaints counted in it. Existing rows are backfilled from "createdAt"
-- (timestamp without time zone holding UTC), the same expression the heatmap and the daily rollups use.

-- AlterTable
ALTER TABLE "kpi_complaint_facts" ADD COLUMN     "createdHour" INTEGER,
ADD COLUMN     "createdWeekday" INTEGER;

UPDATE "kpi_complaint_facts"
SET "createdWeekday" = extract(dow FROM "createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::int,
    "createdHour" = extract(hour FROM "createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::int;

ALTER TABLE "kpi_complaint_facts" ALTER COLUMN "createdHour" SET NOT NULL,
ALTER COLUMN "createdWeekday" SET NOT NULL;
