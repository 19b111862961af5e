// What one kind of demo complaint looks like: the subcategory it belongs to and the words customers use, in both
// languages. Placeholders {flight} {from} {to} {hours} {date} are filled per complaint.
import type { ComplaintType, CompensationKind } from "../../../lib/generated/prisma/enums";

/** How grave the scenario usually is; mapped onto the installed template's severities by rank. */
export type Gravity = "high" | "medium" | "low";

export interface Scenario {
  subcategory: string;
  touchpoint: string;
  type: ComplaintType;
  gravity: Gravity;
  weight: number;
  zh: { subject: string; description: string; resolution: string };
  en: { subject: string; description: string; resolution: string };
  compensation?: { kind: CompensationKind; min: number; max: number };
}
