// State of the survey form's server action (shared by the "use server" file and the client form).
import type { Result } from "@/lib/errors";

/** What the customer chose, as posted strings, to refill the form after a refused submission. */
export type SurveyFormValues = {
  csat: string;
  resolved: string;
  nps: string;
  ces: string;
  comment: string;
  reasonCodes: string[];
};

export type SurveySubmitResult = Result<{
  surveyId: number;
  lowScore: boolean;
  followUpCreated: boolean;
  reopened: boolean;
}>;

export type SurveyFormState = { result: SurveySubmitResult | null; values: SurveyFormValues };

export const EMPTY_SURVEY_VALUES: SurveyFormValues = {
  csat: "",
  resolved: "",
  nps: "",
  ces: "",
  comment: "",
  reasonCodes: [],
};

/** Refusals of the whole answer that have their own polite text (the service's `message` codes). */
export const SURVEY_REFUSALS = ["expired", "cancelled", "already_answered", "final", "not_found"] as const;
export type SurveyRefusal = (typeof SURVEY_REFUSALS)[number] | "generic";

function isRefusal(code: string): code is (typeof SURVEY_REFUSALS)[number] {
  return (SURVEY_REFUSALS as readonly string[]).includes(code);
}

export function surveyRefusal(result: SurveySubmitResult | null): SurveyRefusal | null {
  if (!result || result.ok || result.error === "invalid") return null;
  return isRefusal(result.message) ? result.message : "generic";
}
