-- The hourly housekeeping.purge job deletes sent/failed SMS after 90 days and inbound SMS after a year (issue 14 item 9).
-- CreateIndex
CREATE INDEX "outbound_sms_createdAt_idx" ON "outbound_sms"("createdAt");

-- CreateIndex
CREATE INDEX "inbound_sms_receivedAt_idx" ON "inbound_sms"("receivedAt");
