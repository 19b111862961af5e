-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('email', 'sms', 'phone');

-- AlterTable
ALTER TABLE "complaints" ADD COLUMN     "shortTrackingHash" TEXT;

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "preferredChannel" "ContactChannel",
ADD COLUMN     "smsOptedOutAt" TIMESTAMP(3),
ADD COLUMN     "timeZone" TEXT;

-- AlterTable
ALTER TABLE "surveys" ADD COLUMN     "shortTokenHash" TEXT;

-- CreateTable
CREATE TABLE "outbound_sms" (
    "id" SERIAL NOT NULL,
    "to" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mandatory" BOOLEAN NOT NULL DEFAULT false,
    "encoding" TEXT NOT NULL,
    "segments" INTEGER NOT NULL,
    "complaintId" INTEGER,
    "customerId" INTEGER,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "providerMessageIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "receiptStatus" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbound_sms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbound_sms" (
    "id" SERIAL NOT NULL,
    "from" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "customerId" INTEGER,
    "optOut" BOOLEAN NOT NULL DEFAULT false,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbound_sms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_consent_events" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "actorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_consent_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbound_sms_status_notBefore_idx" ON "outbound_sms"("status", "notBefore");

-- CreateIndex
CREATE INDEX "outbound_sms_providerMessageIds_idx" ON "outbound_sms" USING GIN ("providerMessageIds");

-- CreateIndex
CREATE INDEX "outbound_sms_complaintId_idx" ON "outbound_sms"("complaintId");

-- CreateIndex
CREATE INDEX "outbound_sms_customerId_idx" ON "outbound_sms"("customerId");

-- CreateIndex
CREATE INDEX "inbound_sms_from_idx" ON "inbound_sms"("from");

-- CreateIndex
CREATE INDEX "customer_consent_events_customerId_createdAt_idx" ON "customer_consent_events"("customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "complaints_shortTrackingHash_key" ON "complaints"("shortTrackingHash");

-- CreateIndex
CREATE UNIQUE INDEX "surveys_shortTokenHash_key" ON "surveys"("shortTokenHash");

-- AddForeignKey
ALTER TABLE "outbound_sms" ADD CONSTRAINT "outbound_sms_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "complaints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_consent_events" ADD CONSTRAINT "customer_consent_events_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

