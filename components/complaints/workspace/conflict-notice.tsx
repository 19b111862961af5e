"use client";
// Shown when a save was refused because someone else changed the complaint since the page was loaded.
import { RefreshCw, TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { STATUSES } from "@/lib/complaints/constants";
import type { Failure } from "@/lib/errors";

type LastChange = { kind: string; at: string; by: string | null; to: string | null };

function lastChangeOf(failure: Failure): LastChange | null {
  const value = failure.details?.lastChange;
  if (typeof value !== "object" || value === null) return null;
  const kind = "kind" in value && typeof value.kind === "string" ? value.kind : null;
  const at = "at" in value && typeof value.at === "string" ? value.at : null;
  if (!kind || !at) return null;
  const by = "by" in value && typeof value.by === "string" ? value.by : null;
  const data = "data" in value && typeof value.data === "object" && value.data !== null ? value.data : {};
  const to = "to" in data && typeof data.to === "string" ? data.to : null;
  return { kind, at, by, to };
}

const KINDS = ["status_changed", "assigned", "handed_over", "field_changed", "note", "reply", "call", "customer_message", "merged", "escalated"] as const;

export function ConflictNotice({ failure, onReload }: { failure: Failure | null; onReload?: () => void }) {
  const t = useTranslations("workspace.conflict");
  const tStatus = useTranslations("status");
  const format = useFormatter();
  const router = useRouter();
  if (!failure || failure.error !== "conflict") return null;

  const change = lastChangeOf(failure);
  let message = t("generic");
  if (change) {
    const name = change.by ?? t("someone");
    const time = format.dateTime(new Date(change.at), { hour: "2-digit", minute: "2-digit" });
    const status = STATUSES.find((candidate) => candidate === change.to);
    if (change.kind === "status_changed" && status) message = t("status", { name, status: tStatus(status), time });
    else {
      const kind = KINDS.find((candidate) => candidate === change.kind);
      message = t("other", { name, action: kind ? t(`kinds.${kind}`) : t("kinds.other"), time });
    }
  }
  return (
    <div role="alert" data-testid="conflict-notice" className="flex flex-col gap-2 rounded-lg border border-warning-100 bg-warning-50 p-3 text-sm text-warning-700 sm:flex-row sm:items-center">
      <TriangleAlert aria-hidden className="size-4 shrink-0" />
      <p className="flex-1">{message}</p>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => {
          onReload?.();
          router.refresh();
        }}
      >
        <RefreshCw aria-hidden />
        {t("reload")}
      </Button>
    </div>
  );
}
