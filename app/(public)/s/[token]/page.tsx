// Short survey link from an SMS: redirects to the survey page, which records only that it was opened.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { resolveShortSurvey } from "@/lib/public/short-links";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { referrer: "no-referrer" };

export default async function ShortSurveyLink({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const long = await resolveShortSurvey(token);
  if (!long) notFound();
  // ?via=sms: an answer given from here is counted as an SMS-mode answer (dashboards split by mode).
  redirect(`/survey/${encodeURIComponent(long)}?via=sms`);
}
