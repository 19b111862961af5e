// Value lists of complaint fields, without zod: client components import these (lib/complaints/schema.ts re-exports
// them), so a page that only needs a list does not ship zod and the schemas to the browser.
export const COMPLAINT_TYPES = ["complaint", "suggestion", "inquiry", "praise"] as const;
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const STATUSES = [
  "new",
  "acknowledged",
  "in_progress",
  "pending_customer",
  "resolved",
  "closed",
  "reopened",
  "rejected",
  "duplicate",
] as const;
export const QUEUES = ["mine", "team", "unassigned", "all", "escalated", "closed"] as const;
export const SLA_STATES = ["ok", "warning", "breached", "paused"] as const;

/** What a conflict (or the audit log) can say someone changed: the editable fields plus the workflow's parts. */
export const CONFLICT_FIELDS = [
  "subject",
  "description",
  "categoryId",
  "subcategoryId",
  "touchpointId",
  "severityId",
  "priority",
  "bookingReference",
  "flightNumber",
  "serviceDate",
  "rootCauseId",
  "resolutionSummary",
  "status",
  "assignee",
  "escalationLevel",
  "reply",
  "call",
  "note",
  "customer_message",
  "compensation",
  "sla",
  "other",
] as const;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];

/** A public complaint reference, CMP-YYYY-NNNNNN (lib/complaints/reference.ts numbers them). */
export const REFERENCE_PATTERN = /^CMP-\d{4}-\d{6,}$/;
