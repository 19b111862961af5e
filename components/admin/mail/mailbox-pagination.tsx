import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";

const pageHref = (page: number) => (page <= 1 ? "/admin/mail" : `/admin/mail?page=${page}`);

export async function MailboxPagination({ page, pageCount }: { page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("adminMail.pagination");
  const disabled = "pointer-events-none opacity-55";
  return (
    <nav
      aria-label={t("label")}
      className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3"
    >
      <span className="text-[13px] text-slate-500 tabular-nums">{t("position", { page, pageCount })}</span>
      <div className="flex gap-2">
        <Link
          href={pageHref(page - 1)}
          aria-disabled={page <= 1}
          tabIndex={page <= 1 ? -1 : undefined}
          className={buttonClasses("secondary", "sm", page <= 1 ? disabled : undefined)}
        >
          <ChevronLeft aria-hidden />
          {t("previous")}
        </Link>
        <Link
          href={pageHref(page + 1)}
          aria-disabled={page >= pageCount}
          tabIndex={page >= pageCount ? -1 : undefined}
          className={buttonClasses("secondary", "sm", page >= pageCount ? disabled : undefined)}
        >
          {t("next")}
          <ChevronRight aria-hidden />
        </Link>
      </div>
    </nav>
  );
}
