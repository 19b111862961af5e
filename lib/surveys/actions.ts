"use server";
// Server actions for surveys: the admin page (settings, texts, reasons), the workspace's "copy survey link" and phone
// 回访 recording (lib/surveys/record-phone-survey.ts), and the public survey form — the only place an answer is recorded
// (the GET of the page records none, because mail
// scanners follow links; the token comes from the form, as on the tracking page).
import { actionArg, defineAction, definePublicAction } from "@/lib/actions/define";
import { saveSurveyReason, saveSurveySettings, saveSurveyTexts } from "@/lib/surveys/admin";
import { submitSurveyAnswer } from "@/lib/surveys/answer-survey";
import { copySurveyLink } from "@/lib/surveys/link";
import { phoneSurveyInputSchema, recordPhoneSurvey } from "@/lib/surveys/record-phone-survey";
import {
  EMPTY_SURVEY_VALUES,
  type SurveyFormState,
  type SurveyFormValues,
} from "@/components/public/survey/form-state";

const ADMIN = ["/admin/surveys"];
const permission = "survey.manage" as const;

export const saveSurveySettingsAction = defineAction(
  { name: "saveSurveySettingsAction", permission, args: [actionArg.input], revalidate: ADMIN },
  (actor, input) => saveSurveySettings(actor, input),
);

export const saveSurveyTextsAction = defineAction(
  { name: "saveSurveyTextsAction", permission, args: [actionArg.input], revalidate: ADMIN },
  (actor, input) => saveSurveyTexts(actor, input),
);

export const saveSurveyReasonAction = defineAction(
  { name: "saveSurveyReasonAction", permission, args: [actionArg.input], revalidate: ADMIN },
  (actor, input) => saveSurveyReason(actor, input),
);

/** The link is derived, never stored; the use case audits each copy. */
export const copySurveyLinkAction = defineAction(
  { name: "copySurveyLinkAction", args: [actionArg.reference] },
  (actor, reference) => copySurveyLink(actor, reference),
);

/** Phone 回访: who may resolve may record (the use case checks scope, state and survey.read). */
export const recordPhoneSurveyAction = defineAction(
  {
    name: "recordPhoneSurveyAction",
    permission: "complaint.transition",
    args: [actionArg.reference],
    schema: phoneSurveyInputSchema,
    // No revalidation: it would re-render the recording page as "already answered" in place of the confirmation;
    // the workspace is rendered per request, so "back to the complaint" shows the answer.
  },
  (actor, reference, input) => recordPhoneSurvey(actor, reference, input),
);

function text(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
}

/** An empty choice is "not answered"; anything else goes to the service's schema as a number (it checks the range). */
function optionalNumber(value: string): number | undefined {
  return value.trim() === "" ? undefined : Number(value);
}

export const submitSurveyAction = definePublicAction(
  {
    name: "submitSurveyAction",
    args: [actionArg.formState, actionArg.formData],
    refused: (failure): SurveyFormState => ({ result: failure, values: EMPTY_SURVEY_VALUES }),
  },
  async (_previous, formData): Promise<SurveyFormState> => {
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
    // The SMS short link (/s/) marks the page: the answer then counts as an SMS-mode answer.
    const result = await submitSurveyAnswer(token, input, new Date(), text(formData, "via") === "sms" ? "sms" : "web");
    return { result, values };
  },
);
