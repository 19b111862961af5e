"use client";
// The notification centre in the top bar: a bell with the unread count and a panel with the latest notifications.
// The layout renders the first count; the bell refreshes it after each navigation, when opened, and every 60 s
// while the tab is visible (UI freshness only; nothing business-relevant depends on this timer).
import { Bell } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { markReadAction, notificationSummaryAction } from "@/lib/notifications/actions";
import { NotificationItem, type NotificationView } from "@/components/notifications/notification-item";
import { cn } from "@/components/ui/cn";
import { useToast } from "@/components/ui/toast";

const REFRESH_MS = 60_000;

type BellProps = { initialUnread: number; initialLatest: NotificationView[] };

export function NotificationBell({ initialUnread, initialLatest }: BellProps) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const pathname = usePathname();
  const router = useRouter();
  const { toast } = useToast();
  const [unread, setUnread] = useState(initialUnread);
  const [latest, setLatest] = useState(initialLatest);
  const [open, setOpen] = useState(false);
  // The panel is only rendered on the client, after a click: its relative times count from when it was opened.
  const [openedAt, setOpenedAt] = useState(() => new Date(0));
  const [pending, startTransition] = useTransition();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const refresh = useCallback(() => {
    notificationSummaryAction()
      .then((summary) => {
        setUnread(summary.unread);
        setLatest(summary.latest);
      })
      .catch(() => undefined); // a failed refresh keeps the last known state; the next one tries again
  }, []);

  // After a client-side navigation the layout is not re-rendered, so the bell asks for its count itself.
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    refresh();
  }, [pathname, refresh]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") refresh();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && event.target instanceof Node && !root.current.contains(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const onOpenItem = (row: NotificationView) => {
    setOpen(false);
    if (row.readAt !== null) return;
    setLatest((rows) => rows.map((item) => (item.id === row.id ? { ...item, readAt: new Date() } : item)));
    setUnread((count) => Math.max(0, count - 1));
    void markReadAction([row.id]).then((result) => {
      if (result.ok) setUnread(result.unread);
    });
  };

  const markAll = () =>
    startTransition(async () => {
      const result = await markReadAction("all");
      if (!result.ok) return;
      setUnread(result.unread);
      setLatest((rows) => rows.map((row) => ({ ...row, readAt: row.readAt ?? new Date() })));
      toast({ tone: "success", title: t("markedAllRead") });
      router.refresh();
    });

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        data-testid="notification-bell"
        aria-expanded={open}
        aria-controls="notification-panel"
        aria-label={unread > 0 ? t("bellLabelUnread", { count: unread }) : t("bellLabel")}
        onClick={() => {
          if (!open) {
            refresh();
            setOpenedAt(new Date());
          }
          setOpen((value) => !value);
        }}
        className="focus-ring relative inline-flex size-9 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <Bell aria-hidden className="size-[18px]" />
        {unread > 0 ? (
          <span
            data-testid="notification-count"
            className="absolute -top-0.5 -right-0.5 inline-flex min-w-[18px] items-center justify-center rounded-full bg-danger-600 px-1 text-[11px] leading-[18px] font-semibold text-white tabular-nums ring-2 ring-white"
          >
            {unread > 99 ? "99+" : format.number(unread)}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id="notification-panel"
          role="region"
          aria-label={t("title")}
          data-testid="notification-panel"
          className="absolute right-0 z-50 mt-2 w-[min(24rem,calc(100vw-2rem))] overflow-hidden rounded-lg border border-slate-200 bg-white shadow-pop animate-slide-in"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-3 py-2">
            <h2 className="text-sm font-semibold text-slate-900">{t("title")}</h2>
            <button
              type="button"
              onClick={markAll}
              disabled={pending || unread === 0}
              className="focus-ring rounded px-1.5 py-0.5 text-[13px] font-medium text-brand-700 hover:bg-brand-50 disabled:text-slate-400 disabled:hover:bg-transparent"
            >
              {t("markAllRead")}
            </button>
          </div>
          {latest.length === 0 ? (
            <p className="px-4 py-8 text-center text-sm text-slate-500">{t("empty")}</p>
          ) : (
            <ul className="max-h-[60vh] overflow-y-auto p-1">
              {latest.map((row) => (
                <li key={row.id}>
                  <NotificationItem row={row} now={openedAt} onOpen={onOpenItem} compact />
                </li>
              ))}
            </ul>
          )}
          <div className="border-t border-slate-100 p-1">
            <Link
              href="/notifications"
              onClick={() => setOpen(false)}
              className={cn(
                "focus-ring block rounded-md px-3 py-2 text-center text-[13px] font-medium text-brand-700 hover:bg-brand-50",
              )}
            >
              {t("viewAll")}
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
