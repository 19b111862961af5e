import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

// Placeholder of the queue table while the rows load.
export function QueueSkeleton() {
  const t = useTranslations("queue");
  return (
    <Card role="status" aria-busy="true">
      <span className="sr-only">{t("loading")}</span>
      <div className="border-b border-slate-200 bg-slate-50/70 px-5 py-2.5">
        <Skeleton className="h-4 w-full" />
      </div>
      <div className="flex flex-col gap-3 px-5 py-4">
        {Array.from({ length: 8 }, (_, index) => (
          <Skeleton key={index} className="h-7 w-full" />
        ))}
      </div>
    </Card>
  );
}
