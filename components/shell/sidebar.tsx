"use client";
// Fixed sidebar on large screens; a slide-in drawer (Radix dialog: focus trap, Esc to close) on small ones.
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { NavList } from "@/components/shell/nav-list";
import type { Permission } from "@/lib/auth/permissions";

type SidebarProps = { permissions: readonly Permission[]; brand: ReactNode; footer?: ReactNode };

function SidebarBody({ permissions, brand, footer, onNavigate }: SidebarProps & { onNavigate?: () => void }) {
  return (
    <div className="flex h-full flex-col bg-night-950">
      <div className="flex h-14 shrink-0 items-center border-b border-white/5 px-4">{brand}</div>
      <div className="flex-1 overflow-y-auto px-3 py-5">
        <NavList permissions={permissions} onNavigate={onNavigate} />
      </div>
      {footer ? <div className="border-t border-white/5 px-4 py-3">{footer}</div> : null}
    </div>
  );
}

export function Sidebar(props: SidebarProps) {
  return (
    <aside className="sticky top-0 z-30 hidden h-dvh w-60 shrink-0 lg:block">
      <SidebarBody {...props} />
    </aside>
  );
}

export function MobileSidebar(props: SidebarProps) {
  const t = useTranslations("shell");
  const [open, setOpen] = useState(false);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger
        aria-label={t("openNavigation")}
        className="focus-ring -ml-1 inline-flex size-9 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 lg:hidden"
      >
        <Menu aria-hidden className="size-5" />
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-slate-950/50 data-[state=open]:animate-fade-in lg:hidden" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] shadow-pop data-[state=open]:animate-fade-in lg:hidden"
        >
          <DialogPrimitive.Title className="sr-only">{t("mainNavigation")}</DialogPrimitive.Title>
          <SidebarBody {...props} onNavigate={() => setOpen(false)} />
          <DialogPrimitive.Close
            aria-label={t("closeNavigation")}
            className="focus-ring absolute top-3 right-3 rounded-md p-1.5 text-slate-300 hover:bg-white/10 hover:text-white"
          >
            <X aria-hidden className="size-4" />
          </DialogPrimitive.Close>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
