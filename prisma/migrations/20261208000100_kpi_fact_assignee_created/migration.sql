-- An agent's own dashboard under a filter the rollups do not keep reads the facts by assignee and creation date.
CREATE INDEX "kpi_complaint_facts_assigneeId_createdAt_idx" ON "kpi_complaint_facts"("assigneeId", "createdAt");
