-- CreateIndex
CREATE INDEX "complaints_nextDueAt_id_idx" ON "complaints"("nextDueAt", "id");

