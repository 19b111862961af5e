// Kinds of compensation, without zod (client components import this; lib/compensation/schema.ts re-exports it).
export const COMPENSATION_KINDS = ["refund", "voucher", "miles", "cash", "upgrade", "meal_hotel", "other"] as const;
