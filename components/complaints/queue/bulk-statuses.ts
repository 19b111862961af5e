// Which statuses the "Change status…" dialog offers: the bulk-safe ones the actor may set.
import { can, type Permission } from "@/lib/auth/permissions";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";

const BULK_TARGETS = [
  "acknowledged",
  "in_progress",
  "pending_customer",
  "resolved",
  "closed",
  "rejected",
  "reopened",
] as const satisfies readonly ComplaintStatus[];

export function allowedBulkStatuses(actor: { permissions: ReadonlySet<Permission> }): ComplaintStatus[] {
  return BULK_TARGETS.filter((status) => status !== "reopened" || can(actor, "complaint.reopen"));
}
