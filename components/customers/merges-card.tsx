// Merges into this customer; administrators may undo one within 30 days.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { UndoMergeButton } from "@/components/customers/undo-merge-button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import type { MergeHistoryRow } from "@/lib/customers/merge";

export async function MergesCard({
  merges,
  canUndo,
  survivorMerged,
  now,
}: {
  merges: MergeHistoryRow[];
  canUndo: boolean;
  survivorMerged: boolean;
  now: Date;
}) {
  if (merges.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("customers.merges"), getFormatter()]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Card data-testid="merge-history">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <ul className="divide-y divide-slate-100">
        {merges.map((merge) => {
          const open = !merge.revertedAt && merge.undoableUntil > now;
          return (
            <li key={merge.id} className="flex flex-col gap-2 px-5 py-3 text-sm">
              <p className="text-slate-800">
                <Link href={`/customers/${merge.source.id}`} className="sr-only">
                  #{merge.source.id}
                </Link>
                {t("row", {
                  name: merge.source.name,
                  id: merge.source.id,
                  date: date(merge.mergedAt),
                  by: merge.mergedBy ?? "—",
                })}
              </p>
              <div className="flex items-center justify-between gap-2 text-xs text-slate-500">
                <span>
                  {merge.revertedAt
                    ? t("reverted", { date: date(merge.revertedAt) })
                    : open
                      ? t("undoUntil", { date: date(merge.undoableUntil) })
                      : t("expired")}
                </span>
                {canUndo && open && !survivorMerged ? (
                  <UndoMergeButton mergeId={merge.id} name={merge.source.name} />
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
