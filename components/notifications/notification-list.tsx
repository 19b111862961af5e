"use client";
// The full notification list: each entry links to its complaint and is marked read when opened.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { markReadAction } from "@/lib/notifications/actions";
import { NotificationItem, type NotificationView } from "@/components/notifications/notification-item";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

export function NotificationList({
  rows: initial,
  hasUnread,
  now,
}: {
  rows: NotificationView[];
  hasUnread: boolean;
  now: Date;
}) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const { toast } = useToast();
  const [rows, setRows] = useState(initial);
  const [pending, startTransition] = useTransition();

  const onOpen = (row: NotificationView) => {
    if (row.readAt !== null) return;
    setRows((list) => list.map((item) => (item.id === row.id ? { ...item, readAt: new Date() } : item)));
    void markReadAction([row.id]);
  };
  const markAll = () =>
    startTransition(async () => {
      const result = await markReadAction("all");
      if (!result.ok) return;
      setRows((list) => list.map((row) => ({ ...row, readAt: row.readAt ?? new Date() })));
      toast({ tone: "success", title: t("markedAllRead") });
      router.refresh();
    });

  return (
    <div className="rounded-xl border border-slate-200 bg-white">
      <div className="flex justify-end border-b border-slate-100 px-3 py-2">
        <Button size="sm" variant="ghost" onClick={markAll} disabled={pending || !hasUnread}>
          {t("markAllRead")}
        </Button>
      </div>
      <ul className="divide-y divide-slate-100 p-1" data-testid="notification-list">
        {rows.map((row) => (
          <li key={row.id}>
            <NotificationItem row={row} now={now} onOpen={onOpen} />
          </li>
        ))}
      </ul>
    </div>
  );
}
