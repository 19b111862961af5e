// State shapes of the public forms' server actions (shared by the "use server" files and the client forms).
import type { Result } from "@/lib/errors";
import type { PublicSubmission } from "@/lib/public/intake";

/** The service's result of the last submission (null before the first), and what was typed, to refill the form. */
export type ComplaintFormState = { result: Result<PublicSubmission> | null; values: Record<string, string> };

export type TrackingReplyState = { result: Result<{ reopened: boolean }> | null; body: string; sentAt: number | null };

/** Field error codes the services return that have their own message; anything else shows a generic one. */
export const KNOWN_FIELD_CODES = [
  "required",
  "too_short",
  "invalid_email",
  "invalid_phone",
  "contact_required",
  "unknown",
  "not_in_category",
  "service_date_range",
] as const;
export type KnownFieldCode = (typeof KNOWN_FIELD_CODES)[number];

function isKnownFieldCode(code: string): code is KnownFieldCode {
  return (KNOWN_FIELD_CODES as readonly string[]).includes(code);
}

export function knownFieldCode(code: string | undefined): KnownFieldCode | "invalid" | undefined {
  if (code === undefined) return undefined;
  return isKnownFieldCode(code) ? code : "invalid";
}
