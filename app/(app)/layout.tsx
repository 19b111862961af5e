import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { PageTitle } from "@/components/shell/page-title";
import { ProductMark } from "@/components/shell/product-mark";
import { MobileSidebar, Sidebar } from "@/components/shell/sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import { requireUser } from "@/lib/auth/session";
import { getTeamNames } from "@/lib/users/queries";
import { listNotifications, unreadCount } from "@/lib/notifications/service";

// The staff application shell: every page below requires a signed-in, active user.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const [teamNames, unread, latest] = await Promise.all([
    getTeamNames(user.teamIds, locale),
    unreadCount(user.id),
    listNotifications(user.id, { limit: 10 }),
  ]);
  const permissions = [...user.permissions];
  const brand = <ProductMark name={t("common.productName")} localName={t("common.productNameLocal")} />;

  return (
    <ClientMessages area="app">
      <div className="flex min-h-dvh">
        <a
          href="#main"
          className="focus-ring sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow-pop focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          {t("shell.skipToContent")}
        </a>
        <Sidebar permissions={permissions} brand={brand} />
        <div className="flex min-h-dvh min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white/90 px-4 backdrop-blur sm:px-6">
            <MobileSidebar permissions={permissions} brand={brand} />
            <div className="min-w-0 flex-1">
              <PageTitle permissions={permissions} />
            </div>
            <NotificationBell initialUnread={unread} initialLatest={latest.rows} />
            <LanguageSwitcher />
            <span aria-hidden className="h-6 w-px bg-slate-200" />
            <UserMenu name={user.name} email={user.email} roleLabel={t(`roles.${user.role}`)} teamNames={teamNames} />
          </header>
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto w-full max-w-[1400px] flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8"
          >
            {children}
          </main>
        </div>
      </div>
    </ClientMessages>
  );
}
