"use server";
// The workspace's "copy survey link": authenticate, then the audited service (the link is derived, never stored).
import { requireUser } from "@/lib/auth/session";
import { copySurveyLink } from "@/lib/surveys/link";

export async function copySurveyLinkAction(reference: string) {
  const { actor } = await requireUser();
  return copySurveyLink(actor, reference);
}
