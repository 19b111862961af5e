import { CheckCircle2 } from "lucide-react";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { ProductMark } from "@/components/shell/product-mark";

// Sign-in pages: a brand panel on wide screens, the form on the right.
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  const points = ["sla", "workspace", "insight"] as const;
  const stats = [
    ["firstResponse", "firstResponseValue"],
    ["resolution", "resolutionValue"],
    ["csat", "csatValue"],
  ] as const;
  return (
    <ClientMessages area="auth">
      <div className="grid min-h-dvh lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <aside className="relative hidden overflow-hidden bg-night-950 px-12 py-10 text-white lg:flex lg:flex-col">
          <div
            aria-hidden
            className="absolute inset-0 bg-[radial-gradient(ellipse_at_20%_0%,rgb(78_99_239/0.35),transparent_55%),radial-gradient(ellipse_at_100%_100%,rgb(58_72_223/0.25),transparent_50%)]"
          />
          <div
            aria-hidden
            className="absolute inset-x-0 bottom-0 h-48 bg-[linear-gradient(to_top,rgb(12_16_41),transparent)]"
          />
          <div
            aria-hidden
            className="absolute inset-0 [background-image:radial-gradient(rgb(255_255_255/0.07)_1px,transparent_1px)] [background-size:22px_22px] [mask-image:linear-gradient(to_bottom,black,transparent_70%)]"
          />
          <svg
            aria-hidden
            viewBox="0 0 600 200"
            className="absolute top-28 left-0 w-full text-brand-300/30"
            fill="none"
          >
            <path
              d="M-10 190 C150 180 260 130 370 90 S540 30 610 10"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeDasharray="3 7"
            />
          </svg>
          <div className="relative">
            <ProductMark name={t("common.productName")} localName={t("common.productNameLocal")} />
          </div>
          <div className="relative my-auto max-w-md pt-16">
            <h2 className="text-2xl leading-snug font-semibold tracking-tight text-balance">{t("auth.heroTitle")}</h2>
            <p className="mt-3 text-[15px] text-slate-300">{t("common.tagline")}</p>
            <ul className="mt-8 flex flex-col gap-3.5">
              {points.map((point) => (
                <li key={point} className="flex items-start gap-3 text-sm text-slate-200">
                  <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-brand-300" />
                  {t(`auth.heroPoints.${point}`)}
                </li>
              ))}
            </ul>
            <div className="mt-10 rounded-xl border border-white/10 bg-white/[0.04] p-4 backdrop-blur-sm">
              <dl className="grid grid-cols-3 divide-x divide-white/10">
                {stats.map(([label, value]) => (
                  <div key={label} className="px-4 first:pl-0 last:pr-0">
                    <dt className="text-xs text-slate-400">{t(`auth.heroStats.${label}`)}</dt>
                    <dd className="mt-1 text-xl font-semibold tabular-nums text-white">
                      {t(`auth.heroStats.${value}`)}
                    </dd>
                  </div>
                ))}
              </dl>
              <p className="mt-3 border-t border-white/10 pt-3 text-xs text-slate-400">{t("auth.heroStats.caption")}</p>
            </div>
          </div>
        </aside>
        <div className="flex min-h-dvh flex-col bg-white">
          <header className="flex items-center justify-between px-6 py-5 sm:px-10">
            <ProductMark
              name={t("common.productName")}
              localName={t("common.productNameLocal")}
              tone="light"
              className="lg:invisible"
            />
            <LanguageSwitcher />
          </header>
          <main className="flex flex-1 items-center justify-center px-6 pb-16 sm:px-10">{children}</main>
          <footer className="px-6 pb-6 text-center text-xs text-slate-500 sm:px-10">
            {t("auth.footer", { year: new Date().getFullYear() })}
          </footer>
        </div>
      </div>
    </ClientMessages>
  );
}
