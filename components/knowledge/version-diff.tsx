// Line diff between two versions, field by field (server component; lib/knowledge/diff.ts on npm `diff`).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { diffText, hasChanges } from "@/lib/knowledge/diff";
import type { VersionRow } from "@/lib/knowledge/queries";

const FIELDS = ["titleZh", "titleEn", "bodyZh", "bodyEn"] as const;

export async function VersionDiff({
  articleId,
  before,
  after,
}: {
  articleId: number;
  before: VersionRow;
  after: VersionRow;
}) {
  const t = await getTranslations("knowledge.diff");
  return (
    <Card data-testid="article-diff">
      <CardHeader className="flex flex-row items-center justify-between">
        <CardTitle>{t("title", { from: before.number, to: after.number })}</CardTitle>
        <Link href={`/knowledge/${articleId}`} className="focus-ring text-[13px] text-brand-700 underline">
          {t("close")}
        </Link>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {FIELDS.map((field) => {
          const parts = diffText(before[field], after[field]);
          return (
            <section key={field}>
              <h3 className="mb-1 text-[13px] font-semibold text-slate-700">{t(`fields.${field}`)}</h3>
              {hasChanges(parts) ? (
                <pre className="overflow-x-auto rounded-md border border-slate-200 bg-slate-50 p-2 text-[13px] leading-5 whitespace-pre-wrap">
                  {parts.map((part, index) => (
                    <span
                      key={index}
                      className={cn(
                        part.kind === "added" && "bg-success-50 text-success-700",
                        part.kind === "removed" && "bg-danger-50 text-danger-700 line-through",
                      )}
                    >
                      {part.kind === "added" ? (
                        <span className="sr-only">{t("added")}: </span>
                      ) : part.kind === "removed" ? (
                        <span className="sr-only">{t("removed")}: </span>
                      ) : null}
                      {part.text}
                    </span>
                  ))}
                </pre>
              ) : (
                <p className="text-[13px] text-slate-500">{t("noChanges")}</p>
              )}
            </section>
          );
        })}
      </CardContent>
    </Card>
  );
}
