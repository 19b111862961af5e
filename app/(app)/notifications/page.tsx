import type { Metadata } from "next";
import Link from "next/link";
import { Bell } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { listNotifications, unreadCount } from "@/lib/notifications/service";
import { parseId } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Every signed-in user's own notifications, newest first, 30 a page (keyset cursor on id in the URL).
export default async function NotificationsPage({ searchParams }: PageProps) {
  const user = await requireUser();
  const raw = (await searchParams).cursor;
  const cursorText = Array.isArray(raw) ? raw[0] : raw;
  const cursor = parseId(cursorText);
  const [t, page, unread] = await Promise.all([
    getTranslations("notifications"),
    listNotifications(user.id, { cursor }),
    unreadCount(user.id),
  ]);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {page.rows.length === 0 ? (
        <div className="rounded-xl border border-slate-200 bg-white">
          <EmptyState icon={Bell} title={t("empty")} description={t("emptyHint")} />
        </div>
      ) : (
        // Keyed by the cursor so a new page starts with fresh client state.
        <NotificationList key={cursor ?? "first"} rows={page.rows} hasUnread={unread > 0} now={new Date()} />
      )}
      {cursor || page.nextCursor ? (
        <div className="mt-4 flex items-center justify-between gap-3">
          {cursor ? (
            <Link href="/notifications" className={buttonClasses("ghost", "sm")}>
              {t("backToStart")}
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor ? (
            <Link href={`/notifications?cursor=${page.nextCursor}`} className={buttonClasses("secondary", "sm")}>
              {t("more")}
            </Link>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
