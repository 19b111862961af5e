// Reasons an agent may give for a manual escalation, without zod (client components import this;
// lib/escalations/schema.ts re-exports it). "sla_breach" is reserved for the sweeper.
import type { EscalationReason } from "@/lib/generated/prisma/enums";

export const MANUAL_ESCALATION_REASONS = [
  "customer_request",
  "privacy_safety",
  "multi_department",
  "regulator",
  "vip",
  "repeat_complaint",
  "severity",
  "manual",
] as const satisfies readonly EscalationReason[];
