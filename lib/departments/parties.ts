// Who can be responsible for what went wrong (issue 18 items 4 and 6), without zod or Prisma so client components can
// import it: a department or supplier (named), or an external cause.
import type { ResponsibleParty } from "@/lib/generated/prisma/enums";

export const RESPONSIBLE_PARTIES = [
  "department",
  "supplier",
  "weather",
  "atc",
  "customer",
  "other",
] as const satisfies readonly ResponsibleParty[];
/** Parties that name a department row (an internal department or a supplier). */
export const PARTIES_WITH_DEPARTMENT: readonly ResponsibleParty[] = ["department", "supplier"];
