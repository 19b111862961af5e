// The conversation on the tracking page: our replies and calls on the left, the customer's messages on the right.
// Staff are shown as "Skyline customer service", never by name.
import { Headset, MessagesSquare, Phone, UserRound } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import type { TrackingEvent } from "@/lib/public/tracking";

export async function TrackingTimeline({ events }: { events: TrackingEvent[] }) {
  const [t, format] = await Promise.all([getTranslations("public.track"), getFormatter()]);
  const when = (value: Date) =>
    format.dateTime(value, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("conversation")}</CardTitle>
      </CardHeader>
      {events.length === 0 ? (
        <EmptyState icon={MessagesSquare} title={t("empty")} className="py-8" />
      ) : (
        <ol className="flex flex-col gap-4 px-4 py-5 sm:px-6" data-testid="tracking-events">
          {events.map((event) => {
            const mine = event.from === "customer";
            return (
              <li key={event.id} data-kind={event.kind} className={cn("flex gap-2.5", mine && "flex-row-reverse")}>
                <span
                  aria-hidden
                  className={cn(
                    "mt-5 flex size-7 shrink-0 items-center justify-center rounded-full",
                    mine ? "bg-slate-200 text-slate-600" : "bg-brand-600 text-white",
                  )}
                >
                  {mine ? (
                    <UserRound className="size-3.5" />
                  ) : event.kind === "call" ? (
                    <Phone className="size-3.5" />
                  ) : (
                    <Headset className="size-3.5" />
                  )}
                </span>
                <div className={cn("flex max-w-[85%] min-w-0 flex-col gap-1", mine && "items-end")}>
                  <p className="text-xs text-slate-500">
                    <span className="font-medium text-slate-700">{mine ? t("you") : t("service")}</span> ·{" "}
                    <time dateTime={event.createdAt.toISOString()}>{when(event.createdAt)}</time>
                  </p>
                  <div
                    className={cn(
                      "rounded-2xl px-4 py-2.5 text-sm break-words whitespace-pre-line",
                      mine
                        ? "rounded-tr-sm bg-brand-600 text-white"
                        : "rounded-tl-sm border border-slate-200 bg-slate-50 text-slate-800",
                    )}
                  >
                    {event.kind === "call" ? <span className="italic">{t("called")}</span> : event.body}
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
