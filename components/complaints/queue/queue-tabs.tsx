import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import { queueHref, type QueueParams } from "@/components/complaints/queue/queue-params";
import type { Actor } from "@/lib/auth/permissions";
import { QUEUE_COUNT_CAP, queueCounts } from "@/lib/complaints/queue";
import type { QueueFilter } from "@/lib/complaints/schema";

type QueueTabsProps = {
  actor: Actor;
  queues: readonly QueueFilter["queue"][];
  current: QueueFilter["queue"];
  params: QueueParams;
};

// Queue tabs are links (each queue is its own URL), so they are a navigation with aria-current, not an ARIA tablist.
// Switching queue keeps the filters and search but starts again at the first page.
export async function QueueTabs({ actor, queues, current, params }: QueueTabsProps) {
  const [t, format, counts] = await Promise.all([getTranslations("queue"), getFormatter(), queueCounts(actor)]);
  const countOf = (queue: QueueFilter["queue"]) => (queue in counts ? counts[queue as keyof typeof counts] : undefined);
  return (
    <nav aria-label={t("tabsLabel")} className="mb-4 overflow-x-auto">
      <ul className="inline-flex min-w-full items-center gap-1 border-b border-slate-200">
        {queues.map((queue) => {
          const active = queue === current && !params.kpi;
          const count = countOf(queue);
          return (
            <li key={queue}>
              <Link
                href={queueHref(params, {
                  queue: queue === "mine" ? undefined : queue,
                  cursor: undefined,
                  kpi: undefined,
                  rootCause: undefined,
                  level: undefined,
                  dow: undefined,
                  hour: undefined,
                })}
                aria-current={active ? "page" : undefined}
                data-testid={`queue-tab-${queue}`}
                className={cn(
                  "focus-ring -mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
                )}
              >
                {t(`tabs.${queue}`)}
                {count !== undefined ? (
                  <span
                    className={cn(
                      "rounded-full px-1.5 text-xs tabular-nums",
                      active ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-600",
                    )}
                  >
                    {count > QUEUE_COUNT_CAP
                      ? t("countOver", { count: format.number(QUEUE_COUNT_CAP) })
                      : format.number(count)}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
