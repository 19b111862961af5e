// Top of the tracking page: reference, subject, the status in plain words, and the resolution once resolved.
import {
  CalendarClock,
  CheckCircle2,
  Clock,
  Headset,
  Hourglass,
  MessageCircleQuestion,
  RotateCcw,
  Search,
  Archive,
  GitMerge,
} from "lucide-react";
import type { LucideIcon } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";
import type { TrackingView } from "@/lib/public/tracking";
import { isAppLocale, localizedName } from "@/lib/i18n/locales";

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
  const [t, format, rawLocale] = await Promise.all([getTranslations("public.track"), getFormatter(), getLocale()]);
  const locale = isAppLocale(rawLocale) ? rawLocale : "zh-CN";
  const look = STATUS_LOOK[view.status] ?? { icon: Hourglass, tone: "neutral" };
  const Icon = look.icon;
  const date = (value: Date) => format.dateTime(value, { year: "numeric", month: "long", day: "numeric" });
  return (
    <Card className="overflow-hidden">
      <div className="px-5 pt-5 pb-4 sm:px-6">
        <p className="font-mono text-[13px] font-medium tracking-wide text-brand-700" data-testid="tracking-reference">
          {t("eyebrow", { reference: view.reference })}
        </p>
        <h1 className="mt-1 text-xl font-semibold tracking-tight text-balance break-words text-slate-900 sm:text-2xl">
          {view.subject}
        </h1>
        <p className="mt-1 text-[13px] text-slate-500">{t("submitted", { date: date(view.createdAt) })}</p>
      </div>
      <div
        className={cn("flex items-start gap-3 border-y px-5 py-4 sm:px-6", TONE_CLASSES[look.tone])}
        data-testid="tracking-status"
        data-status={view.status}
      >
        <Icon aria-hidden className="mt-0.5 size-5 shrink-0" />
        <div>
          <p className="text-xs font-medium opacity-80">{t("statusLabel")}</p>
          <p className="text-base font-semibold">{t(`status.${view.status}.label`)}</p>
          <p className="mt-0.5 text-[13px] opacity-90">{t(`status.${view.status}.description`)}</p>
        </div>
      </div>
      {view.expected ? (
        <div
          className="flex items-start gap-3 border-b border-slate-100 px-5 py-4 sm:px-6"
          data-testid="tracking-expected"
          data-state={view.expected.state}
        >
          <CalendarClock aria-hidden className="mt-0.5 size-5 shrink-0 text-slate-500" />
          <div>
            <p className="text-xs font-medium text-slate-500">{t("expected.label")}</p>
            {view.expected.state === "paused" ? (
              <p className="text-sm text-slate-700">{t("expected.paused")}</p>
            ) : (
              <>
                <p className="text-base font-semibold text-slate-900">
                  {format.dateTime(view.expected.dueAt, { dateStyle: "long", timeStyle: "short" })}
                </p>
                {view.expected.state === "late" ? (
                  <p className="mt-0.5 text-[13px] text-warning-700">{t("expected.late")}</p>
                ) : null}
              </>
            )}
          </div>
        </div>
      ) : null}
      <div
        className="flex items-start gap-3 border-b border-slate-100 px-5 py-4 sm:px-6"
        data-testid="tracking-contact"
      >
        <Headset aria-hidden className="mt-0.5 size-5 shrink-0 text-slate-500" />
        <div>
          <p className="text-xs font-medium text-slate-500">{t("contact.label")}</p>
          <p className="text-sm font-medium text-slate-900">
            {view.contact.team ? localizedName(locale, view.contact.team) : t("contact.serviceCentre")}
          </p>
          {view.contact.hotline ? (
            <p className="text-sm text-slate-700">
              {t("contact.hotline")}{" "}
              <a
                href={`tel:${view.contact.hotline.replace(/[^+0-9]/g, "")}`}
                className="focus-ring rounded font-medium text-brand-700 tabular-nums hover:underline"
              >
                {view.contact.hotline}
              </a>
            </p>
          ) : (
            <p className="text-[13px] text-slate-500">{t("contact.replyHere")}</p>
          )}
        </div>
      </div>
      {view.resolutionSummary ? (
        <div className="px-5 py-4 sm:px-6" data-testid="tracking-resolution">
          <h2 className="text-sm font-semibold text-slate-900">{t("resolution")}</h2>
          {view.resolvedAt ? (
            <p className="text-xs text-slate-500">{t("resolvedOn", { date: date(view.resolvedAt) })}</p>
          ) : null}
          <p className="mt-2 text-sm whitespace-pre-line text-slate-700">{view.resolutionSummary}</p>
        </div>
      ) : null}
    </Card>
  );
}
