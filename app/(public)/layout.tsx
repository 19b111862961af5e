import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { ProductLogo } from "@/components/shell/product-mark";

// Customer-facing pages: no staff shell, no sign-in. A light branded header with the language switcher, content
// in one readable column that works from a 360 px phone up.
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  return (
    <ClientMessages area="public">
      <div className="flex min-h-dvh flex-col bg-slate-50">
        <header className="relative overflow-hidden bg-brand-950 text-white">
          <div
            aria-hidden
            className="absolute inset-0 bg-[radial-gradient(ellipse_at_15%_0%,rgb(78_99_239/0.45),transparent_60%),radial-gradient(ellipse_at_100%_100%,rgb(58_72_223/0.3),transparent_55%)]"
          />
          <svg
            aria-hidden
            viewBox="0 0 600 120"
            preserveAspectRatio="none"
            className="absolute inset-x-0 bottom-0 h-16 w-full text-brand-300/25"
            fill="none"
          >
            <path
              d="M-10 115 C150 110 260 80 370 55 S540 15 610 5"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeDasharray="3 7"
            />
          </svg>
          <div className="relative mx-auto flex w-full max-w-3xl items-center justify-between gap-3 px-4 py-4 sm:px-6">
            <Link href="/complaint" className="focus-ring flex items-center gap-2.5 rounded-md">
              <ProductLogo />
              <span className="flex flex-col leading-tight">
                <span className="text-[15px] font-semibold tracking-tight">{t("public.layout.brand")}</span>
                <span className="text-[11px] text-slate-300">{t("public.layout.service")}</span>
              </span>
            </Link>
            <LanguageSwitcher tone="dark" />
          </div>
        </header>
        <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-6 sm:px-6 sm:py-10">{children}</main>
        <footer className="mx-auto w-full max-w-3xl px-4 pb-8 text-center text-xs text-slate-500 sm:px-6">
          {t("public.layout.footer", { year: new Date().getFullYear() })}
        </footer>
      </div>
    </ClientMessages>
  );
}
