import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MergeForm } from "@/components/customers/merge-form";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { getMergePreview } from "@/lib/customers/merge";
import { parseId } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customerMerge");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const idOf = (value: string | string[] | undefined) => (typeof value === "string" ? parseId(value) : null);

export default async function MergePage({ searchParams }: PageProps) {
  const user = await requirePermission("customer.merge");
  const raw = await searchParams;
  const survivorId = idOf(raw.survivor);
  const mergedId = idOf(raw.merged);
  const t = await getTranslations("customerMerge");
  const preview = survivorId && mergedId ? await getMergePreview(user.actor, survivorId, mergedId) : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {preview ? (
        <MergeForm
          key={`${preview.survivor.id}-${preview.merged.id}`}
          survivor={preview.survivor}
          merged={preview.merged}
        />
      ) : (
        <Card>
          <CardContent className="flex flex-col items-start gap-3">
            <p className="text-sm text-slate-700" role="status">
              {t("unavailable")}
            </p>
            <Button variant="secondary" asChild>
              <Link href="/customers/duplicates">{t("duplicatesTitle")}</Link>
            </Button>
          </CardContent>
        </Card>
      )}
    </>
  );
}
