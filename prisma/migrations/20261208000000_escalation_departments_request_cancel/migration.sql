-- AlterEnum (issue 18: a withdrawn department request on the timeline)
ALTER TYPE "EventKind" ADD VALUE 'investigation_cancelled';

-- AlterTable
ALTER TABLE "departments" ADD COLUMN     "escalationLevel" INTEGER,
ADD COLUMN     "escalationOwnerId" INTEGER;

-- AlterTable
ALTER TABLE "escalations" ADD COLUMN     "departmentId" INTEGER;

-- AlterTable
ALTER TABLE "investigation_requests" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "cancelledById" INTEGER;

-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "l3DepartmentId" INTEGER,
ADD COLUMN     "l4DepartmentId" INTEGER;

-- CreateIndex
CREATE INDEX "departments_escalationLevel_idx" ON "departments"("escalationLevel");

-- CreateIndex
CREATE INDEX "escalations_departmentId_idx" ON "escalations"("departmentId");

-- AddForeignKey
ALTER TABLE "teams" ADD CONSTRAINT "teams_l3DepartmentId_fkey" FOREIGN KEY ("l3DepartmentId") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "teams" ADD CONSTRAINT "teams_l4DepartmentId_fkey" FOREIGN KEY ("l4DepartmentId") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "departments" ADD CONSTRAINT "departments_escalationOwnerId_fkey" FOREIGN KEY ("escalationOwnerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investigation_requests" ADD CONSTRAINT "investigation_requests_cancelledById_fkey" FOREIGN KEY ("cancelledById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Existing data (issue 18 item 5): L3 escalations used to go to "the first active manager by id". That choice becomes
-- configuration once: a customer-relations (CRM) department takes L3 by default, owned by that same manager, and the
-- open and past L3 escalations name it. Administrators change the owner or the default on /admin/departments.
INSERT INTO "departments" ("code", "nameZh", "nameEn", "calendarId", "escalationLevel", "escalationOwnerId", "sortOrder", "updatedAt")
SELECT 'dept-crm', '客户关系部', 'Customer relations (CRM)', c."id", 3,
       (SELECT u."id" FROM "users" u WHERE u."role" = 'manager' AND u."active" ORDER BY u."id" LIMIT 1),
       (SELECT COALESCE(MAX(d."sortOrder"), 0) + 1 FROM "departments" d), CURRENT_TIMESTAMP
FROM "business_calendars" c
WHERE NOT EXISTS (SELECT 1 FROM "departments" WHERE "escalationLevel" = 3)
ORDER BY c."id"
LIMIT 1
ON CONFLICT ("code") DO UPDATE SET "escalationLevel" = 3,
  "escalationOwnerId" = COALESCE("departments"."escalationOwnerId", EXCLUDED."escalationOwnerId");

UPDATE "escalations" e SET "departmentId" = d."id"
FROM "departments" d
WHERE d."escalationLevel" = 3 AND e."level" = 3 AND e."departmentId" IS NULL;
