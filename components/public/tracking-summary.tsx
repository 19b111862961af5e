// Top of the tracking page: reference, subject, the status in plain words, and the resolution once resolved.
import { CheckCircle2, Clock, Hourglass, MessageCircleQuestion, RotateCcw, Search, Archive, GitMerge } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";
import type { TrackingView } from "@/lib/public/tracking";

type Tone = "info" | "brand" | "warning" | "success" | "neutral";

const STATUS_LOOK: Record<ComplaintStatus, { icon: LucideIcon; tone: Tone }> = {
  new: { icon: Clock, tone: "info" },
  acknowledged: { icon: Clock, tone: "info" },
  in_progress: { icon: Search, tone: "brand" },
  pending_customer: { icon: MessageCircleQuestion, tone: "warning" },
  resolved: { icon: CheckCircle2, tone: "success" },
  closed: { icon: Archive, tone: "neutral" },
  reopened: { icon: RotateCcw, tone: "brand" },
  rejected: { icon: Archive, tone: "neutral" },
  duplicate: { icon: GitMerge, tone: "neutral" },
};

const TONE_CLASSES: Record<Tone, string> = {
  info: "border-info-100 bg-info-50 text-info-700",
  brand: "border-brand-100 bg-brand-50 text-brand-700",
  warning: "border-warning-100 bg-warning-50 text-warning-700",
  success: "border-success-100 bg-success-50 text-success-700",
  neutral: "border-slate-200 bg-slate-50 text-slate-700",
};

export async function TrackingSummary({ view }: { view: TrackingView }) {
  const [t, format] = await Promise.all([getTranslations("public.track"), getFormatter()]);
  const look = STATUS_LOOK[view.status] ?? { icon: Hourglass, tone: "neutral" };
  const Icon = look.icon;
  const date = (value: Date) => format.dateTime(value, { year: "numeric", month: "long", day: "numeric" });
  return (
    <Card className="overflow-hidden">
      <div className="px-5 pt-5 pb-4 sm:px-6">
        <p className="font-mono text-[13px] font-medium tracking-wide text-brand-700" data-testid="tracking-reference">
          {t("eyebrow", { reference: view.reference })}
        </p>
        <h1 className="mt-1 text-xl font-semibold tracking-tight text-balance break-words text-slate-900 sm:text-2xl">{view.subject}</h1>
        <p className="mt-1 text-[13px] text-slate-500">{t("submitted", { date: date(view.createdAt) })}</p>
      </div>
      <div className={cn("flex items-start gap-3 border-y px-5 py-4 sm:px-6", TONE_CLASSES[look.tone])} data-testid="tracking-status" data-status={view.status}>
        <Icon aria-hidden className="mt-0.5 size-5 shrink-0" />
        <div>
          <p className="text-xs font-medium opacity-80">{t("statusLabel")}</p>
          <p className="text-base font-semibold">{t(`status.${view.status}.label`)}</p>
          <p className="mt-0.5 text-[13px] opacity-90">{t(`status.${view.status}.description`)}</p>
        </div>
      </div>
      {view.resolutionSummary ? (
        <div className="px-5 py-4 sm:px-6" data-testid="tracking-resolution">
          <h2 className="text-sm font-semibold text-slate-900">{t("resolution")}</h2>
          {view.resolvedAt ? <p className="text-xs text-slate-500">{t("resolvedOn", { date: date(view.resolvedAt) })}</p> : null}
          <p className="mt-2 text-sm whitespace-pre-line text-slate-700">{view.resolutionSummary}</p>
        </div>
      ) : null}
    </Card>
  );
}
