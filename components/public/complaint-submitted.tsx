"use client";
// What the customer sees after filing: the reference, the private tracking link (copyable) and what happens next.
import { ArrowRight, CheckCircle2, Mail, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyLink } from "@/components/public/copy-link";
import type { PublicSubmission } from "@/lib/public/intake";

export function ComplaintSubmitted({ submission, onAnother }: { submission: PublicSubmission; onAnother: () => void }) {
  const t = useTranslations("public.complaint.success");
  const heading = useRef<HTMLHeadingElement>(null);
  const trackingPath = `/track/${submission.trackingToken}`;
  // Move focus to the confirmation so screen-reader and keyboard users land on it.
  useEffect(() => heading.current?.focus(), []);

  return (
    <div data-testid="complaint-submitted" className="flex flex-col gap-6">
      <div className="flex flex-col items-center gap-3 text-center">
        <div className="flex size-12 items-center justify-center rounded-full bg-success-50 text-success-600 ring-8 ring-success-50/60">
          <CheckCircle2 aria-hidden className="size-6" />
        </div>
        <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold tracking-tight text-slate-900 outline-none">
          {t("title")}
        </h2>
      </div>
      <div className="rounded-xl border border-brand-100 bg-brand-50/60 px-5 py-4 text-center">
        <p className="text-xs font-medium tracking-wide text-brand-700 uppercase">{t("reference")}</p>
        <p
          data-testid="complaint-reference"
          className="mt-1 font-mono text-2xl font-semibold tracking-wider text-brand-950 select-all"
        >
          {submission.reference}
        </p>
      </div>
      <section className="flex flex-col gap-2" aria-labelledby="tracking-title">
        <h3 id="tracking-title" className="text-sm font-semibold text-slate-900">
          {t("trackingTitle")}
        </h3>
        <p className="text-[13px] text-slate-600">{t("trackingHint")}</p>
        <CopyLink path={trackingPath} />
      </section>
      <p className="flex items-start gap-2.5 rounded-lg bg-slate-50 px-4 py-3 text-[13px] text-slate-700">
        {submission.acknowledgementSent ? (
          <Mail aria-hidden className="mt-0.5 size-4 shrink-0 text-brand-600" />
        ) : (
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warning-600" />
        )}
        {submission.acknowledgementSent ? t("emailSent") : t("noEmail")}
      </p>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
        <Button asChild variant="ghost" size="lg">
          {/* A real link, so "send another" also works before the page's script has loaded. */}
          <a
            href="/complaint"
            onClick={(event) => {
              event.preventDefault();
              onAnother();
            }}
          >
            {t("another")}
          </a>
        </Button>
        <Button asChild size="lg">
          <Link href={trackingPath} data-testid="open-tracking">
            {t("open")}
            <ArrowRight aria-hidden />
          </Link>
        </Button>
      </div>
    </div>
  );
}
