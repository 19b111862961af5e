import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { VolumeGrid } from "@/components/admin/passenger-volumes/volume-grid";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { passengerVolumeGrid } from "@/lib/reference/passenger-volumes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminPassengerVolumes");
  return { title: t("title") };
}

export default async function PassengerVolumesPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  await requirePermission("admin.config");
  const now = new Date();
  const requested = Number.parseInt((await searchParams).year ?? "", 10);
  const year =
    Number.isInteger(requested) && requested >= 2000 && requested <= now.getUTCFullYear() + 1
      ? requested
      : now.getUTCFullYear();
  const [t, cells] = await Promise.all([getTranslations("adminPassengerVolumes"), passengerVolumeGrid(year, now)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardHeader className="items-center">
          <CardTitle>{t("year", { year })}</CardTitle>
          <nav aria-label={t("yearNav")} className="flex gap-1">
            <Link
              href={`/admin/passenger-volumes?year=${year - 1}`}
              className={buttonClasses("secondary", "sm")}
              aria-label={t("previousYear")}
            >
              <ChevronLeft aria-hidden />
              {year - 1}
            </Link>
            {year <= now.getUTCFullYear() ? (
              <Link
                href={`/admin/passenger-volumes?year=${year + 1}`}
                className={buttonClasses("secondary", "sm")}
                aria-label={t("nextYear")}
              >
                {year + 1}
                <ChevronRight aria-hidden />
              </Link>
            ) : null}
          </nav>
        </CardHeader>
        {/* key: a new year mounts a fresh grid with that year's values */}
        <VolumeGrid key={year} cells={cells} />
      </Card>
      <p className="mt-3 text-xs text-slate-500">{t("help")}</p>
    </>
  );
}
