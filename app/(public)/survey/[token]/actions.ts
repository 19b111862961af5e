"use server";
// Server action behind the survey form: the only place an answer is recorded (the GET of the page records none,
// because mail scanners follow links). The token comes from the form, as on the tracking page.
import { submitSurveyAnswer } from "@/lib/surveys/answer-survey";
import { EMPTY_SURVEY_VALUES, type SurveyFormState, type SurveyFormValues } from "@/components/public/survey/form-state";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

function text(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
}

/** An empty choice is "not answered"; anything else goes to the service's schema as a number (it checks the range). */
function optionalNumber(value: string): number | undefined {
  return value.trim() === "" ? undefined : Number(value);
}

export const submitSurveyAction = guardAction("submitSurveyAction", z.tuple([actionArg.formState, actionArg.formData]), async (_previous: unknown, formData: FormData): Promise<SurveyFormState> => {
  const values: SurveyFormValues = {
    csat: text(formData, "csat"),
    resolved: text(formData, "resolved"),
    nps: text(formData, "nps"),
    ces: text(formData, "ces"),
    comment: text(formData, "comment"),
    reasonCodes: formData.getAll("reasonCodes").filter((code): code is string => typeof code === "string"),
  };
  const token = text(formData, "token");
  // The answer's state the form was loaded with: a second post of the same form is refused as already answered.
  const revision = text(formData, "revision");
  const input = {
    csat: optionalNumber(values.csat),
    resolved: values.resolved === "yes" ? true : values.resolved === "no" ? false : undefined,
    nps: optionalNumber(values.nps),
    ces: optionalNumber(values.ces),
    comment: values.comment.trim() === "" ? undefined : values.comment,
    reasonCodes: values.reasonCodes,
    revision,
  };
  const result = await submitSurveyAnswer(token, input, new Date(), text(formData, "via") === "sms" ? "sms" : "web");
  return { result, values };
}, (failure) => ({ result: failure, values: EMPTY_SURVEY_VALUES }));
