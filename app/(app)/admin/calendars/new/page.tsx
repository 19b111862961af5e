import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CalendarForm } from "@/components/admin/calendars/calendar-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminCalendars");
  return { title: t("createTitle") };
}

export default async function NewCalendarPage() {
  await requirePermission("admin.config");
  const t = await getTranslations("adminCalendars");
  return (
    <>
      <PageHeader title={t("createTitle")} description={t("formDescription")} />
      <CalendarForm calendar={null} />
    </>
  );
}
