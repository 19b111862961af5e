// "Possible duplicates" on the customer page; supervisors get a link to compare and merge.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PiiValue } from "@/components/customers/pii-value";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { PossibleDuplicate } from "@/lib/customers/queries";

export async function DuplicatesCard({
  customerId,
  duplicates,
  canMerge,
}: {
  customerId: number;
  duplicates: PossibleDuplicate[];
  canMerge: boolean;
}) {
  const t = await getTranslations("customers.duplicates");
  return (
    <Card data-testid="possible-duplicates">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      {duplicates.length === 0 ? (
        <CardContent>
          <p className="text-sm text-slate-500">{t("none")}</p>
        </CardContent>
      ) : (
        <ul className="divide-y divide-slate-100">
          {duplicates.slice(0, 5).map((duplicate) => (
            <li key={duplicate.id} className="flex flex-col gap-2 px-5 py-3">
              <div className="flex items-center justify-between gap-2">
                <Link
                  href={`/customers/${duplicate.id}`}
                  className="text-sm font-medium text-brand-700 hover:underline"
                >
                  {duplicate.name} <span className="text-slate-400">#{duplicate.id}</span>
                </Link>
                {canMerge ? (
                  <Button variant="secondary" size="sm" asChild>
                    <Link href={`/customers/merge?survivor=${customerId}&merged=${duplicate.id}`}>{t("compare")}</Link>
                  </Button>
                ) : null}
              </div>
              <p className="flex flex-wrap gap-x-3 text-xs text-slate-500">
                <PiiValue customerId={duplicate.id} field="phone" value={duplicate.phone} />
                <PiiValue customerId={duplicate.id} field="email" value={duplicate.email} />
              </p>
              <p className="flex flex-wrap gap-1">
                {duplicate.reasons.map((reason) => (
                  <Badge key={reason} tone={reason === "similar_name" ? "neutral" : "warning"}>
                    {t(`reasons.${reason}`)}
                  </Badge>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
