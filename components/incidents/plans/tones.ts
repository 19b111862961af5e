// Badge tones of a plan's review and drill states (library, plan page).
import type { BadgeTone } from "@/components/ui/badge";

export const REVIEW_TONE: Record<string, BadgeTone> = { current: "success", due_soon: "warning", overdue: "danger" };
export const DRILL_TONE: Record<string, BadgeTone> = { current: "success", stale: "warning", never: "danger" };
