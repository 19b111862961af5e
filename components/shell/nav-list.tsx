"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { NAV_SECTIONS, activeNavItem, visibleNavItems } from "@/components/shell/nav-items";
import type { Permission } from "@/lib/auth/permissions";

type NavListProps = { permissions: readonly Permission[]; onNavigate?: () => void };

export function NavList({ permissions, onNavigate }: NavListProps) {
  const t = useTranslations();
  const pathname = usePathname();
  const items = visibleNavItems(permissions);
  const current = activeNavItem(items, pathname);
  return (
    <nav aria-label={t("shell.mainNavigation")} className="flex flex-col gap-6">
      {NAV_SECTIONS.map((section) => {
        const sectionItems = items.filter((item) => item.section === section && !item.hidden);
        if (sectionItems.length === 0) return null;
        return (
          <div key={section}>
            <p className="mb-1.5 px-3 text-[11px] font-semibold tracking-wider text-slate-400 uppercase">
              {t(`shell.sections.${section}`)}
            </p>
            <ul className="flex flex-col gap-0.5">
              {sectionItems.map((item) => {
                const active = item === current;
                const Icon = item.icon;
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      onClick={onNavigate}
                      aria-current={active ? "page" : undefined}
                      className={cn(
                        "focus-ring group flex h-9 items-center gap-3 rounded-md px-3 text-sm font-medium transition-colors",
                        active ? "bg-white/10 text-white" : "text-slate-300 hover:bg-white/5 hover:text-white",
                      )}
                    >
                      <Icon
                        aria-hidden
                        className={cn(
                          "size-4 shrink-0",
                          active ? "text-brand-300" : "text-slate-400 group-hover:text-slate-200",
                        )}
                      />
                      {t(`nav.${item.labelKey}`)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
