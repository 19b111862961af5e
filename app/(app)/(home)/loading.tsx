import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

// Skeleton of a home/list page: header, four tiles, a table.
export default async function AppLoading() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-busy="true">
      <span className="sr-only">{t("loading")}</span>
      <div className="mb-6">
        <Skeleton className="h-3.5 w-40" />
        <Skeleton className="mt-3 h-7 w-64" />
        <Skeleton className="mt-2.5 h-4 w-96 max-w-full" />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, index) => (
          <Card key={index} className="p-4">
            <Skeleton className="h-4 w-28" />
            <Skeleton className="mt-3 h-8 w-16" />
            <Skeleton className="mt-2 h-3 w-24" />
          </Card>
        ))}
      </div>
      <Card className="mt-6">
        <div className="border-b border-slate-100 px-5 py-4">
          <Skeleton className="h-5 w-48" />
          <Skeleton className="mt-2 h-3.5 w-64" />
        </div>
        <div className="flex flex-col gap-3 px-5 py-4">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} className="h-6 w-full" />
          ))}
        </div>
      </Card>
    </div>
  );
}
