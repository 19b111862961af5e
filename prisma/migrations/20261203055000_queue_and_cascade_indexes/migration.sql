-- CreateIndex
CREATE INDEX "complaints_assigneeId_nextDueAt_id_idx" ON "complaints"("assigneeId", "nextDueAt", "id");

-- CreateIndex
CREATE INDEX "notifications_complaintId_idx" ON "notifications"("complaintId");

-- CreateIndex
CREATE INDEX "survey_responses_complaintId_idx" ON "survey_responses"("complaintId");

