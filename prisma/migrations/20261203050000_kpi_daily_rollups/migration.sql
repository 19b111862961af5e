-- CreateTable
CREATE TABLE "kpi_daily_rollups" (
    "day" DATE NOT NULL,
    "grain" INTEGER NOT NULL,
    "teamId" INTEGER NOT NULL DEFAULT 0,
    "categoryId" INTEGER NOT NULL DEFAULT 0,
    "channelId" INTEGER NOT NULL DEFAULT 0,
    "tierId" INTEGER NOT NULL DEFAULT 0,
    "severityId" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "inflow" INTEGER NOT NULL DEFAULT 0,
    "escalated" INTEGER NOT NULL DEFAULT 0,
    "escalationLevels" JSONB NOT NULL DEFAULT '{}',
    "inflowByHour" INTEGER[],
    "responseMet" INTEGER NOT NULL DEFAULT 0,
    "responseDecided" INTEGER NOT NULL DEFAULT 0,
    "frtBusinessCount" INTEGER NOT NULL DEFAULT 0,
    "frtBusinessSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "frtBusinessBuckets" INTEGER[],
    "frtBusinessCounts" INTEGER[],
    "frtCalendarCount" INTEGER NOT NULL DEFAULT 0,
    "frtCalendarSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "frtCalendarBuckets" INTEGER[],
    "frtCalendarCounts" INTEGER[],
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "resolutionMet" INTEGER NOT NULL DEFAULT 0,
    "resolutionDecided" INTEGER NOT NULL DEFAULT 0,
    "fcr" INTEGER NOT NULL DEFAULT 0,
    "reopened" INTEGER NOT NULL DEFAULT 0,
    "rootCauses" JSONB NOT NULL DEFAULT '{}',
    "resolutionBusinessCount" INTEGER NOT NULL DEFAULT 0,
    "resolutionBusinessSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "resolutionBusinessBuckets" INTEGER[],
    "resolutionBusinessCounts" INTEGER[],
    "resolutionCalendarCount" INTEGER NOT NULL DEFAULT 0,
    "resolutionCalendarSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "resolutionCalendarBuckets" INTEGER[],
    "resolutionCalendarCounts" INTEGER[],
    "doneInflow" INTEGER NOT NULL DEFAULT 0,
    "csatN" INTEGER NOT NULL DEFAULT 0,
    "csatPositive" INTEGER NOT NULL DEFAULT 0,
    "npsN" INTEGER NOT NULL DEFAULT 0,
    "promoters" INTEGER NOT NULL DEFAULT 0,
    "detractors" INTEGER NOT NULL DEFAULT 0,
    "cesN" INTEGER NOT NULL DEFAULT 0,
    "cesSum" INTEGER NOT NULL DEFAULT 0,
    "surveysSent" INTEGER NOT NULL DEFAULT 0,
    "surveysAnswered" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "kpi_daily_rollups_pkey" PRIMARY KEY ("day","grain","teamId","categoryId","channelId","tierId","severityId")
);

-- CreateIndex
CREATE INDEX "kpi_daily_rollups_grain_day_idx" ON "kpi_daily_rollups"("grain", "day");

-- CreateIndex
CREATE INDEX "survey_responses_updatedAt_idx" ON "survey_responses"("updatedAt");

