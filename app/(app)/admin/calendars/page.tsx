import type { Metadata } from "next";
import Link from "next/link";
import { CalendarClock, Plus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { CalendarTable } from "@/components/admin/calendars/calendar-table";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/session";
import { listCalendarsForAdmin } from "@/lib/sla/admin/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminCalendars");
  return { title: t("title") };
}

export default async function AdminCalendarsPage() {
  await requirePermission("admin.config");
  const [t, calendars] = await Promise.all([getTranslations("adminCalendars"), listCalendarsForAdmin()]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={t("count", { count: calendars.length })}
        actions={
          <Link href="/admin/calendars/new" className={buttonClasses("primary")}>
            <Plus aria-hidden />
            {t("create")}
          </Link>
        }
      />
      <Card>
        {calendars.length === 0 ? (
          <EmptyState icon={CalendarClock} title={t("empty")} />
        ) : (
          <CalendarTable calendars={calendars} />
        )}
      </Card>
    </>
  );
}
