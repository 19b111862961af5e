-- Trigram search over complaints and customers (Chinese and Latin text).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('agent', 'supervisor', 'manager', 'admin');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('zh-CN', 'en');

-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('new', 'acknowledged', 'in_progress', 'pending_customer', 'resolved', 'closed', 'reopened', 'rejected', 'duplicate');

-- CreateEnum
CREATE TYPE "ComplaintType" AS ENUM ('complaint', 'suggestion', 'inquiry', 'praise');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('low', 'normal', 'high', 'urgent');

-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('phone', 'counter', 'letter', 'email', 'web', 'app', 'social', 'chat', 'ota', 'regulator', 'api');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('created', 'status_changed', 'assigned', 'handed_over', 'field_changed', 'escalated', 'de_escalated', 'escalation_acknowledged', 'note', 'reply', 'call', 'customer_message', 'attachment_added', 'compensation_proposed', 'compensation_approved', 'compensation_rejected', 'compensation_issued', 'sla_recomputed', 'sla_extended', 'survey_sent', 'survey_answered', 'merged', 'incident_linked');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('internal', 'customer');

-- CreateEnum
CREATE TYPE "CompensationKind" AS ENUM ('refund', 'voucher', 'miles', 'cash', 'upgrade', 'meal_hotel', 'other');

-- CreateEnum
CREATE TYPE "CompensationStatus" AS ENUM ('proposed', 'approved', 'rejected', 'issued', 'cancelled');

-- CreateEnum
CREATE TYPE "SlaClockKind" AS ENUM ('acknowledge', 'first_response', 'next_update', 'resolution', 'investigation', 'written_reply', 'regulator');

-- CreateEnum
CREATE TYPE "SlaEventKind" AS ENUM ('applied', 'started', 'paused', 'resumed', 'warned', 'breached', 'fulfilled', 'recomputed', 'extended', 'cancelled');

-- CreateEnum
CREATE TYPE "EscalationReason" AS ENUM ('sla_breach', 'severity', 'vip', 'repeat_complaint', 'customer_request', 'regulator', 'privacy_safety', 'multi_department', 'manual');

-- CreateEnum
CREATE TYPE "EscalationOutcome" AS ENUM ('open', 'acknowledged', 'reassigned', 'extended', 'de_escalated', 'escalated_further', 'resolved');

-- CreateEnum
CREATE TYPE "SurveyStatus" AS ENUM ('scheduled', 'sent', 'answered', 'expired', 'cancelled');

-- CreateEnum
CREATE TYPE "IncidentLevel" AS ENUM ('L1', 'L2', 'L3');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('active', 'recovered', 'closed');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('requested', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "TaskKind" AS ENUM ('callback', 'low_score_follow_up', 'vip_care', 'other');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('open', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "RootCauseKind" AS ENUM ('people', 'process', 'system', 'policy', 'external');

-- CreateEnum
CREATE TYPE "ImprovementKind" AS ENUM ('corrective', 'preventive');

-- CreateEnum
CREATE TYPE "ImprovementStatus" AS ENUM ('open', 'in_progress', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('user', 'api_token', 'system', 'customer');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateEnum
CREATE TYPE "HolidayKind" AS ENUM ('holiday', 'workday');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('invite', 'password_reset');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'zh-CN',
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "userId" INTEGER,
    "succeeded" BOOLEAN NOT NULL,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_tokens" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "teams" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "supervisorId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_memberships" (
    "teamId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "team_memberships_pkey" PRIMARY KEY ("teamId","userId")
);

-- CreateTable
CREATE TABLE "channels" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "ChannelKind" NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "isRegulator" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "categories" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "parentId" INTEGER,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "root_causes" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "categoryId" INTEGER,
    "kind" "RootCauseKind" NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "root_causes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "severities" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "color" TEXT NOT NULL DEFAULT 'slate',
    "escalateOnCreate" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "severities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_tiers" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "escalateOnCreate" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "customer_tiers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "touchpoints" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "touchpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "approval_limits" (
    "role" "Role" NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'CNY',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "approval_limits_pkey" PRIMARY KEY ("role")
);

-- CreateTable
CREATE TABLE "passenger_volumes" (
    "month" DATE NOT NULL,
    "passengers" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "passenger_volumes_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "customers" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "locale" "Locale" NOT NULL DEFAULT 'zh-CN',
    "idNumber" TEXT,
    "membershipNumber" TEXT,
    "tierId" INTEGER,
    "company" TEXT,
    "valueScore" INTEGER NOT NULL DEFAULT 0,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "specialNeeds" TEXT,
    "consentContact" BOOLEAN NOT NULL DEFAULT true,
    "consentSurvey" BOOLEAN NOT NULL DEFAULT true,
    "consentMarketing" BOOLEAN NOT NULL DEFAULT false,
    "mergedIntoId" INTEGER,
    "anonymizedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_change_requests" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "requestedById" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'requested',
    "reviewedById" INTEGER,
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_change_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_merges" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "targetId" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "mergedById" INTEGER NOT NULL,
    "mergedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revertedAt" TIMESTAMP(3),

    CONSTRAINT "customer_merges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pii_access_logs" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pii_access_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_sequences" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "complaint_sequences_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "complaints" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "customerId" INTEGER NOT NULL,
    "channelId" INTEGER NOT NULL,
    "type" "ComplaintType" NOT NULL DEFAULT 'complaint',
    "categoryId" INTEGER,
    "subcategoryId" INTEGER,
    "touchpointId" INTEGER,
    "severityId" INTEGER NOT NULL,
    "priority" "Priority" NOT NULL DEFAULT 'normal',
    "subject" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'zh-CN',
    "bookingReference" TEXT,
    "flightNumber" TEXT,
    "serviceDate" DATE,
    "status" "ComplaintStatus" NOT NULL DEFAULT 'new',
    "assigneeId" INTEGER,
    "teamId" INTEGER,
    "escalationLevel" INTEGER NOT NULL DEFAULT 1,
    "slaPolicyId" INTEGER,
    "firstResponseDueAt" TIMESTAMP(3),
    "resolutionDueAt" TIMESTAMP(3),
    "nextDueAt" TIMESTAMP(3),
    "slaBreached" BOOLEAN NOT NULL DEFAULT false,
    "acknowledgedAt" TIMESTAMP(3),
    "firstResponseAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "customerReplyCount" INTEGER NOT NULL DEFAULT 0,
    "rootCauseId" INTEGER,
    "resolutionSummary" TEXT,
    "duplicateOfId" INTEGER,
    "incidentId" INTEGER,
    "trackingTokenHash" TEXT,
    "externalReference" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "complaints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_events" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "kind" "EventKind" NOT NULL,
    "visibility" "Visibility" NOT NULL DEFAULT 'internal',
    "actorType" "ActorType" NOT NULL DEFAULT 'user',
    "actorId" INTEGER,
    "body" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complaint_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachments" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "eventId" INTEGER,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "compensations" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "kind" "CompensationKind" NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'CNY',
    "reason" TEXT NOT NULL,
    "status" "CompensationStatus" NOT NULL DEFAULT 'proposed',
    "proposedById" INTEGER NOT NULL,
    "approverId" INTEGER,
    "decisionNote" TEXT,
    "decidedAt" TIMESTAMP(3),
    "issuedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "compensations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "level" "IncidentLevel" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "affected" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "IncidentStatus" NOT NULL DEFAULT 'active',
    "startedAt" TIMESTAMP(3) NOT NULL,
    "expectedRecoveryAt" TIMESTAMP(3),
    "recoveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "business_calendars" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "is24x7" BOOLEAN NOT NULL DEFAULT false,
    "workingHours" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "business_calendars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_holidays" (
    "id" SERIAL NOT NULL,
    "calendarId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "kind" "HolidayKind" NOT NULL DEFAULT 'holiday',
    "name" TEXT NOT NULL,

    CONSTRAINT "calendar_holidays_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_policies" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "rank" INTEGER NOT NULL DEFAULT 100,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "matchType" "ComplaintType",
    "matchSeverityId" INTEGER,
    "matchPriority" "Priority",
    "matchTierId" INTEGER,
    "matchChannelId" INTEGER,
    "calendarId" INTEGER NOT NULL,
    "warnPercent" INTEGER NOT NULL DEFAULT 75,
    "pauseOnPending" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sla_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_targets" (
    "id" SERIAL NOT NULL,
    "policyId" INTEGER NOT NULL,
    "clock" "SlaClockKind" NOT NULL,
    "minutes" INTEGER NOT NULL,

    CONSTRAINT "sla_targets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_clocks" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "kind" "SlaClockKind" NOT NULL,
    "policyId" INTEGER,
    "calendarId" INTEGER NOT NULL,
    "targetMinutes" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "warnAt" TIMESTAMP(3),
    "pausedAt" TIMESTAMP(3),
    "pausedMinutes" INTEGER NOT NULL DEFAULT 0,
    "warnedAt" TIMESTAMP(3),
    "breachedAt" TIMESTAMP(3),
    "fulfilledAt" TIMESTAMP(3),

    CONSTRAINT "sla_clocks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_events" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "clockId" INTEGER,
    "clockKind" "SlaClockKind",
    "kind" "SlaEventKind" NOT NULL,
    "policyId" INTEGER,
    "dueAt" TIMESTAMP(3),
    "data" JSONB,
    "actorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalations" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "fromLevel" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "reason" "EscalationReason" NOT NULL,
    "note" TEXT,
    "dedupeKey" TEXT,
    "createdById" INTEGER,
    "ownerId" INTEGER,
    "acknowledgedById" INTEGER,
    "acknowledgedAt" TIMESTAMP(3),
    "outcome" "EscalationOutcome" NOT NULL DEFAULT 'open',
    "outcomeNote" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "escalations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB,
    "complaintId" INTEGER,
    "dedupeKey" TEXT,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "surveys" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "status" "SurveyStatus" NOT NULL DEFAULT 'scheduled',
    "scheduledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "reminderSentAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "surveys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_responses" (
    "id" SERIAL NOT NULL,
    "surveyId" INTEGER NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "csat" INTEGER,
    "nps" INTEGER,
    "ces" INTEGER,
    "resolved" BOOLEAN,
    "comment" TEXT,
    "reasonCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "agentId" INTEGER,
    "teamId" INTEGER,
    "categoryId" INTEGER,
    "channelId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "survey_responses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_texts" (
    "locale" "Locale" NOT NULL,
    "key" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "survey_texts_pkey" PRIMARY KEY ("locale","key")
);

-- CreateTable
CREATE TABLE "survey_reasons" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "categoryId" INTEGER,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "survey_reasons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follow_up_tasks" (
    "id" SERIAL NOT NULL,
    "kind" "TaskKind" NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'open',
    "customerId" INTEGER NOT NULL,
    "complaintId" INTEGER,
    "assigneeId" INTEGER,
    "teamId" INTEGER,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follow_up_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reply_templates" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "categoryId" INTEGER,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "subjectZh" TEXT NOT NULL,
    "subjectEn" TEXT NOT NULL,
    "bodyZh" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "reply_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "improvement_actions" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "kind" "ImprovementKind" NOT NULL,
    "status" "ImprovementStatus" NOT NULL DEFAULT 'open',
    "rootCauseId" INTEGER,
    "ownerId" INTEGER,
    "dueAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "improvement_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "improvement_action_complaints" (
    "actionId" INTEGER NOT NULL,
    "complaintId" INTEGER NOT NULL,

    CONSTRAINT "improvement_action_complaints_pkey" PRIMARY KEY ("actionId","complaintId")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" SERIAL NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "changes" JSONB,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "permissions" TEXT[],
    "createdById" INTEGER NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhooks" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" SERIAL NOT NULL,
    "webhookId" INTEGER NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "responseStatus" INTEGER,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbound_emails" (
    "id" SERIAL NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "kind" TEXT NOT NULL,
    "complaintId" INTEGER,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbound_emails_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_role_active_idx" ON "users"("role", "active");

-- CreateIndex
CREATE INDEX "login_attempts_email_createdAt_idx" ON "login_attempts"("email", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "password_tokens_tokenHash_key" ON "password_tokens"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "teams_code_key" ON "teams"("code");

-- CreateIndex
CREATE INDEX "team_memberships_userId_idx" ON "team_memberships"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "channels_code_key" ON "channels"("code");

-- CreateIndex
CREATE UNIQUE INDEX "categories_code_key" ON "categories"("code");

-- CreateIndex
CREATE INDEX "categories_parentId_sortOrder_idx" ON "categories"("parentId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "root_causes_code_key" ON "root_causes"("code");

-- CreateIndex
CREATE INDEX "root_causes_categoryId_idx" ON "root_causes"("categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "severities_code_key" ON "severities"("code");

-- CreateIndex
CREATE UNIQUE INDEX "customer_tiers_code_key" ON "customer_tiers"("code");

-- CreateIndex
CREATE UNIQUE INDEX "touchpoints_code_key" ON "touchpoints"("code");

-- CreateIndex
CREATE INDEX "customers_phone_idx" ON "customers"("phone");

-- CreateIndex
CREATE INDEX "customers_email_idx" ON "customers"("email");

-- CreateIndex
CREATE INDEX "customers_membershipNumber_idx" ON "customers"("membershipNumber");

-- CreateIndex
CREATE INDEX "customers_tierId_idx" ON "customers"("tierId");

-- CreateIndex
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "customer_change_requests_status_createdAt_idx" ON "customer_change_requests"("status", "createdAt");

-- CreateIndex
CREATE INDEX "customer_change_requests_customerId_idx" ON "customer_change_requests"("customerId");

-- CreateIndex
CREATE INDEX "customer_merges_targetId_idx" ON "customer_merges"("targetId");

-- CreateIndex
CREATE INDEX "pii_access_logs_customerId_createdAt_idx" ON "pii_access_logs"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "pii_access_logs_userId_createdAt_idx" ON "pii_access_logs"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "complaints_reference_key" ON "complaints"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "complaints_trackingTokenHash_key" ON "complaints"("trackingTokenHash");

-- CreateIndex
CREATE INDEX "complaints_assigneeId_status_nextDueAt_idx" ON "complaints"("assigneeId", "status", "nextDueAt");

-- CreateIndex
CREATE INDEX "complaints_teamId_status_nextDueAt_idx" ON "complaints"("teamId", "status", "nextDueAt");

-- CreateIndex
CREATE INDEX "complaints_status_nextDueAt_idx" ON "complaints"("status", "nextDueAt");

-- CreateIndex
CREATE INDEX "complaints_escalationLevel_status_idx" ON "complaints"("escalationLevel", "status");

-- CreateIndex
CREATE INDEX "complaints_closedAt_idx" ON "complaints"("closedAt");

-- CreateIndex
CREATE INDEX "complaints_customerId_createdAt_idx" ON "complaints"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "complaints_createdAt_idx" ON "complaints"("createdAt");

-- CreateIndex
CREATE INDEX "complaints_resolvedAt_idx" ON "complaints"("resolvedAt");

-- CreateIndex
CREATE INDEX "complaints_categoryId_createdAt_idx" ON "complaints"("categoryId", "createdAt");

-- CreateIndex
CREATE INDEX "complaints_incidentId_idx" ON "complaints"("incidentId");

-- CreateIndex
CREATE INDEX "complaints_subject_trgm_idx" ON "complaints" USING GIN ("subject" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "complaints_description_trgm_idx" ON "complaints" USING GIN ("description" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "complaint_events_complaintId_createdAt_idx" ON "complaint_events"("complaintId", "createdAt");

-- CreateIndex
CREATE INDEX "complaint_events_kind_createdAt_idx" ON "complaint_events"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "attachments_complaintId_idx" ON "attachments"("complaintId");

-- CreateIndex
CREATE INDEX "compensations_complaintId_idx" ON "compensations"("complaintId");

-- CreateIndex
CREATE INDEX "compensations_status_createdAt_idx" ON "compensations"("status", "createdAt");

-- CreateIndex
CREATE INDEX "incidents_status_startedAt_idx" ON "incidents"("status", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "business_calendars_code_key" ON "business_calendars"("code");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_holidays_calendarId_date_key" ON "calendar_holidays"("calendarId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "sla_policies_code_key" ON "sla_policies"("code");

-- CreateIndex
CREATE UNIQUE INDEX "sla_targets_policyId_clock_key" ON "sla_targets"("policyId", "clock");

-- CreateIndex
CREATE INDEX "sla_clocks_dueAt_idx" ON "sla_clocks"("dueAt");

-- CreateIndex
CREATE INDEX "sla_clocks_warnAt_idx" ON "sla_clocks"("warnAt");

-- CreateIndex
CREATE UNIQUE INDEX "sla_clocks_complaintId_kind_key" ON "sla_clocks"("complaintId", "kind");

-- CreateIndex
CREATE INDEX "sla_events_complaintId_createdAt_idx" ON "sla_events"("complaintId", "createdAt");

-- CreateIndex
CREATE INDEX "sla_events_kind_createdAt_idx" ON "sla_events"("kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "escalations_dedupeKey_key" ON "escalations"("dedupeKey");

-- CreateIndex
CREATE INDEX "escalations_ownerId_outcome_createdAt_idx" ON "escalations"("ownerId", "outcome", "createdAt");

-- CreateIndex
CREATE INDEX "escalations_complaintId_idx" ON "escalations"("complaintId");

-- CreateIndex
CREATE INDEX "escalations_createdAt_level_idx" ON "escalations"("createdAt", "level");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_dedupeKey_key" ON "notifications"("dedupeKey");

-- CreateIndex
CREATE INDEX "notifications_userId_readAt_createdAt_idx" ON "notifications"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "surveys_tokenHash_key" ON "surveys"("tokenHash");

-- CreateIndex
CREATE INDEX "surveys_complaintId_idx" ON "surveys"("complaintId");

-- CreateIndex
CREATE INDEX "surveys_customerId_sentAt_idx" ON "surveys"("customerId", "sentAt");

-- CreateIndex
CREATE INDEX "surveys_status_scheduledAt_idx" ON "surveys"("status", "scheduledAt");

-- CreateIndex
CREATE INDEX "surveys_sentAt_idx" ON "surveys"("sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "survey_responses_surveyId_key" ON "survey_responses"("surveyId");

-- CreateIndex
CREATE INDEX "survey_responses_createdAt_idx" ON "survey_responses"("createdAt");

-- CreateIndex
CREATE INDEX "survey_responses_agentId_createdAt_idx" ON "survey_responses"("agentId", "createdAt");

-- CreateIndex
CREATE INDEX "survey_responses_teamId_createdAt_idx" ON "survey_responses"("teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "survey_reasons_code_key" ON "survey_reasons"("code");

-- CreateIndex
CREATE INDEX "follow_up_tasks_assigneeId_status_dueAt_idx" ON "follow_up_tasks"("assigneeId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "follow_up_tasks_teamId_status_dueAt_idx" ON "follow_up_tasks"("teamId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "follow_up_tasks_customerId_idx" ON "follow_up_tasks"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "reply_templates_code_key" ON "reply_templates"("code");

-- CreateIndex
CREATE INDEX "reply_templates_categoryId_idx" ON "reply_templates"("categoryId");

-- CreateIndex
CREATE INDEX "improvement_actions_status_dueAt_idx" ON "improvement_actions"("status", "dueAt");

-- CreateIndex
CREATE INDEX "improvement_action_complaints_complaintId_idx" ON "improvement_action_complaints"("complaintId");

-- CreateIndex
CREATE INDEX "audit_logs_entityType_entityId_createdAt_idx" ON "audit_logs"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "audit_logs_actorId_createdAt_idx" ON "audit_logs"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "audit_logs_createdAt_idx" ON "audit_logs"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_tokenHash_key" ON "api_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "webhook_deliveries_webhookId_createdAt_idx" ON "webhook_deliveries"("webhookId", "createdAt");

-- CreateIndex
CREATE INDEX "outbound_emails_status_createdAt_idx" ON "outbound_emails"("status", "createdAt");

-- CreateIndex
CREATE INDEX "outbound_emails_complaintId_idx" ON "outbound_emails"("complaintId");

-- AddForeignKey
ALTER TABLE "password_tokens" ADD CONSTRAINT "password_tokens_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "teams" ADD CONSTRAINT "teams_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "categories" ADD CONSTRAINT "categories_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "root_causes" ADD CONSTRAINT "root_causes_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "customer_tiers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_change_requests" ADD CONSTRAINT "customer_change_requests_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_change_requests" ADD CONSTRAINT "customer_change_requests_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_change_requests" ADD CONSTRAINT "customer_change_requests_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pii_access_logs" ADD CONSTRAINT "pii_access_logs_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pii_access_logs" ADD CONSTRAINT "pii_access_logs_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_subcategoryId_fkey" FOREIGN KEY ("subcategoryId") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "touchpoints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_severityId_fkey" FOREIGN KEY ("severityId") REFERENCES "severities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_slaPolicyId_fkey" FOREIGN KEY ("slaPolicyId") REFERENCES "sla_policies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_rootCauseId_fkey" FOREIGN KEY ("rootCauseId") REFERENCES "root_causes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "complaints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "complaint_events"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "compensations" ADD CONSTRAINT "compensations_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "compensations" ADD CONSTRAINT "compensations_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "compensations" ADD CONSTRAINT "compensations_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_holidays" ADD CONSTRAINT "calendar_holidays_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "business_calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_matchSeverityId_fkey" FOREIGN KEY ("matchSeverityId") REFERENCES "severities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_matchTierId_fkey" FOREIGN KEY ("matchTierId") REFERENCES "customer_tiers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_matchChannelId_fkey" FOREIGN KEY ("matchChannelId") REFERENCES "channels"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "business_calendars"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_targets" ADD CONSTRAINT "sla_targets_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "sla_policies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "sla_policies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "business_calendars"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_events" ADD CONSTRAINT "sla_events_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_events" ADD CONSTRAINT "sla_events_clockId_fkey" FOREIGN KEY ("clockId") REFERENCES "sla_clocks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "surveys"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_reasons" ADD CONSTRAINT "survey_reasons_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reply_templates" ADD CONSTRAINT "reply_templates_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reply_templates" ADD CONSTRAINT "reply_templates_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_rootCauseId_fkey" FOREIGN KEY ("rootCauseId") REFERENCES "root_causes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_action_complaints" ADD CONSTRAINT "improvement_action_complaints_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "improvement_actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_action_complaints" ADD CONSTRAINT "improvement_action_complaints_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbound_emails" ADD CONSTRAINT "outbound_emails_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

