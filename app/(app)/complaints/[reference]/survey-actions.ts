"use server";
// The workspace's "copy survey link": authenticate, then the audited service (the link is derived, never stored).
import { requireUser } from "@/lib/auth/session";
import { copySurveyLink } from "@/lib/surveys/link";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

export const copySurveyLinkAction = guardAction("copySurveyLinkAction", z.tuple([actionArg.reference]), async (reference: string) => {
  const { actor } = await requireUser();
  return copySurveyLink(actor, reference);
});
