"use client";

import { ChevronDown, LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

type UserMenuProps = { name: string; email: string; roleLabel: string; teamNames: string[] };

function initials(name: string): string {
  const trimmed = name.trim();
  const chinese = /^[\u4e00-\u9fff]+/.exec(trimmed)?.[0];
  if (chinese) return chinese.length > 2 ? chinese.slice(-2) : chinese; // Chinese names: the given name
  return trimmed
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
}

export function UserMenu({ name, email, roleLabel, teamNames }: UserMenuProps) {
  const t = useTranslations("shell");
  const format = useFormatter();
  const [signingOut, setSigningOut] = useState(false);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        data-testid="user-menu"
        aria-label={t("userMenu", { name })}
        className="focus-ring flex items-center gap-2.5 rounded-md py-1 pr-1.5 pl-1 hover:bg-slate-100"
      >
        <span
          aria-hidden
          className="flex size-8 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white"
        >
          {initials(name)}
        </span>
        <span className="hidden min-w-0 flex-col text-left leading-tight md:flex">
          <span className="truncate text-[13px] font-medium text-slate-900">{name}</span>
          <span className="truncate text-xs text-slate-500">{roleLabel}</span>
        </span>
        <ChevronDown aria-hidden className="hidden size-4 text-slate-400 md:block" />
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-64">
        <div className="px-2 py-2">
          <p className="truncate text-sm font-semibold text-slate-900">{name}</p>
          <p className="truncate text-xs text-slate-500">{email}</p>
          <p className="mt-2 inline-flex rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">
            {roleLabel}
          </p>
        </div>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>{t("teams")}</DropdownMenuLabel>
        <p className="px-2 pb-2 text-[13px] text-slate-700">
          {teamNames.length > 0 ? format.list(teamNames, { type: "unit", style: "narrow" }) : t("noTeams")}
        </p>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          data-testid="sign-out"
          disabled={signingOut}
          onSelect={(event) => {
            event.preventDefault();
            setSigningOut(true);
            void signOut({ callbackUrl: "/login" });
          }}
        >
          <LogOut aria-hidden />
          {signingOut ? t("signingOut") : t("signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
