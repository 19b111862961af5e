-- AlterTable
ALTER TABLE "complaints" ADD COLUMN     "nextWarnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "sla_clocks" ADD COLUMN     "cancelledAt" TIMESTAMP(3);

