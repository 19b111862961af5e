-- AlterEnum
ALTER TYPE "EventKind" ADD VALUE 'survey_reminded';
ALTER TYPE "EventKind" ADD VALUE 'survey_expired';
ALTER TYPE "EventKind" ADD VALUE 'survey_skipped';
