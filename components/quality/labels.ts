// Badge tones of inspection statuses and sample reasons (the labels themselves are in messages/*.json, "quality").
import type { BadgeTone } from "@/components/ui/badge";

export const STATUS_TONE: Record<string, BadgeTone> = {
  pending: "warning",
  scored: "info",
  appealed: "violet",
  final: "success",
};
export const REASON_TONE: Record<string, BadgeTone> = {
  low_csat: "danger",
  escalated: "warning",
  reopened: "warning",
  random: "neutral",
};
export const SAMPLE_REASONS = ["low_csat", "escalated", "reopened", "random"] as const;
export const INSPECTION_STATUSES = ["pending", "scored", "appealed", "final"] as const;

/** A stored code shown only when it is one we have a label for; anything else falls back to "other". */
export function known<T extends string>(list: readonly T[], value: string): T | "other" {
  return (list as readonly string[]).includes(value) ? (value as T) : "other";
}
