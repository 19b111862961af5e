// Short tracking link from an SMS: redirects to the tracking page; records nothing.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { resolveShortTracking } from "@/lib/public/short-links";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { referrer: "no-referrer" };

export default async function ShortTrackingLink({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const long = await resolveShortTracking(token);
  if (!long) notFound();
  redirect(`/track/${encodeURIComponent(long)}`);
}
