"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { activeNavItem, visibleNavItems } from "@/components/shell/nav-items";
import type { Permission } from "@/lib/auth/permissions";

/** The top bar's location label: section › page, from the nav config. */
export function PageTitle({ permissions }: { permissions: readonly Permission[] }) {
  const t = useTranslations();
  const pathname = usePathname();
  const item = activeNavItem(visibleNavItems(permissions), pathname);
  if (!item) return null;
  return (
    <p className="flex min-w-0 items-center gap-2 truncate text-sm">
      <span className="hidden text-slate-500 sm:inline">{t(`shell.sections.${item.section}`)}</span>
      <span aria-hidden className="hidden text-slate-300 sm:inline">
        /
      </span>
      <span className="truncate font-medium text-slate-900">{t(`nav.${item.labelKey}`)}</span>
    </p>
  );
}
