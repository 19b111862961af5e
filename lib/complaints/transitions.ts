// The complaint state machine of SPEC §3: which status may follow which, and what a transition requires.
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";

export const OPEN_STATUSES = [
  "new",
  "acknowledged",
  "in_progress",
  "pending_customer",
  "reopened",
] as const satisfies readonly ComplaintStatus[];
export const DONE_STATUSES = [
  "resolved",
  "closed",
  "rejected",
  "duplicate",
] as const satisfies readonly ComplaintStatus[];

export const TRANSITIONS = {
  new: ["acknowledged", "in_progress", "pending_customer", "resolved", "rejected", "duplicate"],
  acknowledged: ["in_progress", "pending_customer", "resolved", "rejected", "duplicate"],
  in_progress: ["pending_customer", "resolved", "rejected", "duplicate"],
  pending_customer: ["in_progress", "resolved", "rejected", "duplicate"],
  reopened: ["in_progress", "pending_customer", "resolved", "duplicate"],
  resolved: ["closed", "reopened"],
  closed: ["reopened"],
  rejected: ["reopened"],
  duplicate: [],
} as const satisfies Record<ComplaintStatus, readonly ComplaintStatus[]>;

export function isOpen(status: ComplaintStatus): boolean {
  return (OPEN_STATUSES as readonly ComplaintStatus[]).includes(status);
}

export function allowedTransitions(from: ComplaintStatus): readonly ComplaintStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return (TRANSITIONS[from] as readonly ComplaintStatus[]).includes(to);
}

export type TransitionInput = {
  from: ComplaintStatus;
  to: ComplaintStatus;
  rootCauseId?: number | null;
  resolutionSummary?: string | null;
  duplicateOfId?: number | null;
  reason?: string | null;
};

export type TransitionCheck =
  | { ok: true }
  | { ok: false; error: "illegal_transition" }
  | {
      ok: false;
      error: "missing_fields";
      fields: ("rootCauseId" | "resolutionSummary" | "duplicateOfId" | "reason")[];
    };

/** Validates a transition: it must be in the table, and resolving needs a root cause and a resolution summary. */
export function checkTransition(input: TransitionInput): TransitionCheck {
  if (!canTransition(input.from, input.to)) return { ok: false, error: "illegal_transition" };
  const missing: ("rootCauseId" | "resolutionSummary" | "duplicateOfId" | "reason")[] = [];
  if (input.to === "resolved") {
    if (!input.rootCauseId) missing.push("rootCauseId");
    if (!input.resolutionSummary?.trim()) missing.push("resolutionSummary");
  }
  if (input.to === "duplicate" && !input.duplicateOfId) missing.push("duplicateOfId");
  if ((input.to === "rejected" || input.to === "reopened") && !input.reason?.trim()) missing.push("reason");
  return missing.length > 0 ? { ok: false, error: "missing_fields", fields: missing } : { ok: true };
}
