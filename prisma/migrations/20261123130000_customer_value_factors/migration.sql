-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "valueFactors" JSONB NOT NULL DEFAULT '{}';

