import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TrackingSummary } from "@/components/public/tracking-summary";
import { TrackingTimeline } from "@/components/public/tracking-timeline";
import { TrackingReplyForm } from "@/components/public/tracking-reply-form";
import { canReplyOnTrackingPage, getTrackingView } from "@/lib/public/tracking";

export const dynamic = "force-dynamic";

type TrackingPageProps = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public.track");
  // The token is a secret: keep it out of referrers sent to any other site.
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

export default async function TrackingPage({ params }: TrackingPageProps) {
  const { token } = await params;
  const view = await getTrackingView(token);
  if (!view) notFound();
  const reopens = view.status === "resolved" || view.status === "closed";
  return (
    <div className="flex flex-col gap-5" data-testid="tracking-page">
      <TrackingSummary view={view} />
      <TrackingTimeline events={view.events} />
      {canReplyOnTrackingPage(view.status) ? <TrackingReplyForm token={token} reopens={reopens} /> : null}
    </div>
  );
}
