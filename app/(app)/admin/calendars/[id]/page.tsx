import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CalendarForm } from "@/components/admin/calendars/calendar-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getCalendarForEdit } from "@/lib/sla/admin/queries";
import { parseId } from "@/lib/validation";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminCalendars");
  return { title: t("editTitle") };
}

export default async function EditCalendarPage({ params }: Props) {
  await requirePermission("admin.config");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const [t, locale, calendar] = await Promise.all([
    getTranslations("adminCalendars"),
    getLocale(),
    getCalendarForEdit(id),
  ]);
  if (!calendar) notFound();
  return (
    <>
      <PageHeader title={locale === "zh-CN" ? calendar.nameZh : calendar.nameEn} description={t("formDescription")} />
      <CalendarForm key={calendar.updatedAt} calendar={calendar} />
    </>
  );
}
