// Badge tones of incident levels, statuses and clock states, shared by the list and the incident page.
import type { BadgeTone } from "@/components/ui/badge";

export const LEVEL_TONE: Record<string, BadgeTone> = { L1: "danger", L2: "warning", L3: "info" };
export const STATUS_TONE: Record<string, BadgeTone> = { active: "danger", recovered: "success", closed: "neutral" };
export const CLOCK_TONE: Record<string, BadgeTone> = {
  running: "warning",
  overdue: "danger",
  met: "success",
  stopped: "neutral",
};
export const RUN_TONE: Record<string, BadgeTone> = {
  queued: "neutral",
  running: "info",
  done: "success",
  failed: "danger",
};
