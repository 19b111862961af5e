"use client";
// Shown when a save was refused because someone else changed the complaint since the page was loaded: names who
// changed which fields (from the server's change record) and says that what the user typed is kept.
import { RefreshCw, TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CONFLICT_FIELDS, STATUSES, type ConflictField } from "@/lib/complaints/constants";
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

function changedFieldsOf(failure: Failure): ConflictField[] {
  const value = failure.details?.changedFields;
  if (!Array.isArray(value)) return [];
  return value.flatMap((field) => CONFLICT_FIELDS.filter((known) => known === field));
}

function changedByOf(failure: Failure): string[] {
  const value = failure.details?.changedBy;
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : [];
}

const KINDS = [
  "status_changed",
  "assigned",
  "handed_over",
  "field_changed",
  "note",
  "reply",
  "call",
  "customer_message",
  "merged",
  "escalated",
] as const;

type Props = {
  failure: Failure | null;
  onReload?: () => void;
  /** What the user typed that survives the refresh (shown so they know it is not lost). */
  keptInput?: string[];
};

export function ConflictNotice({ failure, onReload, keptInput = [] }: Props) {
  const t = useTranslations("workspace.conflict");
  const tFields = useTranslations("complaintFields");
  const tStatus = useTranslations("status");
  const format = useFormatter();
  const router = useRouter();
  if (!failure || failure.error !== "conflict") return null;

  const change = lastChangeOf(failure);
  const fields = changedFieldsOf(failure);
  const names = changedByOf(failure);
  let message = t("generic");
  if (change && fields.length) {
    const time = format.dateTime(new Date(change.at), { hour: "2-digit", minute: "2-digit" });
    const newStatus = STATUSES.find((candidate) => candidate === failure.details?.newStatus);
    // The status is named with its new value ("状态 → 待客户回复"); other fields by name (their values are on the page after
    // refresh).
    const label = (field: ConflictField) =>
      field === "status" && newStatus ? `${tFields("status")} → ${tStatus(newStatus)}` : tFields(field);
    message = t("fields", {
      name: names.length ? names.join(t("listSeparator")) : t("someone"),
      fields: fields.map(label).join(t("listSeparator")),
      time,
    });
  } else if (change) {
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
    <div
      role="alert"
      data-testid="conflict-notice"
      className="flex flex-col gap-2 rounded-lg border border-warning-100 bg-warning-50 p-3 text-sm text-warning-700 sm:flex-row sm:items-center"
    >
      <TriangleAlert aria-hidden className="size-4 shrink-0" />
      <div className="flex-1">
        <p data-testid="conflict-message">{message}</p>
        {keptInput.length ? (
          <p className="mt-1 font-medium" data-testid="conflict-kept">
            {t("kept", { what: keptInput.join(t("listSeparator")) })}
          </p>
        ) : null}
      </div>
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
