"use client";
// 简体中文 / English: saves the choice in a cookie (and on the user's profile when signed in), then re-renders.
import { Globe } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/components/ui/cn";
import { useToast } from "@/components/ui/toast";
import { setLocale } from "@/lib/i18n/actions";
import { LOCALES, LOCALE_NATIVE_NAMES, isAppLocale } from "@/lib/i18n/locales";

type LanguageSwitcherProps = { tone?: "light" | "dark"; className?: string };

export function LanguageSwitcher({ tone = "light", className }: LanguageSwitcherProps) {
  const t = useTranslations("language");
  const locale = useLocale();
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();

  const change = (value: string) => {
    if (!isAppLocale(value) || value === locale) return;
    startTransition(async () => {
      const result = await setLocale(value);
      if (!result.ok) {
        toast({ tone: "error", title: t("failed") });
        return;
      }
      router.refresh();
    });
  };

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        data-testid="language-switcher"
        aria-label={t("current", { language: LOCALE_NATIVE_NAMES[locale] })}
        disabled={pending}
        className={cn(
          "focus-ring inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-[13px] font-medium transition-colors disabled:opacity-60",
          tone === "dark"
            ? "text-slate-200 hover:bg-white/10"
            : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
          className,
        )}
      >
        <Globe aria-hidden className="size-4" />
        <span lang={locale}>{LOCALE_NATIVE_NAMES[locale]}</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="min-w-40">
        <DropdownMenuLabel>{t("label")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={locale} onValueChange={change}>
          {LOCALES.map((option) => (
            <DropdownMenuRadioItem key={option} value={option} lang={option} data-testid={`language-option-${option}`}>
              {LOCALE_NATIVE_NAMES[option]}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
