// A line on the approvers' home pages: how many compensation proposals wait for their decision, linking to the inbox.
import Link from "next/link";
import { ArrowRight, HandCoins } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

export async function ApprovalsCallout({ count }: { count: number }) {
  const t = await getTranslations("approvals");
  const format = await getFormatter();
  const waiting = count > 0;
  return (
    <Link
      href="/approvals"
      data-testid="home-approvals"
      data-count={count}
      className={cn(
        "focus-ring mb-4 flex items-center gap-3 rounded-xl border px-4 py-3 text-sm shadow-card",
        waiting
          ? "border-warning-100 bg-warning-50 text-warning-700 hover:bg-warning-100"
          : "border-slate-200 bg-white text-slate-600 hover:bg-slate-50",
      )}
    >
      <HandCoins aria-hidden className="size-5 shrink-0" />
      <span className="flex-1">
        <span className="font-semibold tabular-nums">{format.number(count)}</span> {t("homeWaiting", { count })}
      </span>
      <span className="inline-flex items-center gap-1 font-medium">
        {t("homeOpen")}
        <ArrowRight aria-hidden className="size-4" />
      </span>
    </Link>
  );
}
