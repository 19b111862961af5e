"use client";
// The queue table with row selection for bulk actions (supervisors). Checkboxes are native inputs: Tab reaches them,
// Space toggles them; the bulk toolbar appears once something is selected.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DueLabel } from "@/components/complaints/due-label";
import { SeverityBadge } from "@/components/complaints/severity-badge";
import { StatusBadge } from "@/components/complaints/status-badge";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { BulkToolbar, type BulkOptions } from "@/components/complaints/queue/bulk-toolbar";
import { isOpen } from "@/lib/complaints/transitions";
import type { ComplaintStatus, Priority } from "@/lib/generated/prisma/enums";

export type QueueRowView = {
  id: number;
  reference: string;
  subject: string;
  customerName: string;
  tierName: string | null;
  tierRank: number | null;
  status: ComplaintStatus;
  severityName: string;
  severityColor: string;
  priority: Priority;
  assigneeName: string | null;
  teamName: string | null;
  nextDueAt: Date | null;
  nextWarnAt: Date | null;
  slaBreached: boolean;
};

const PRIORITY_TONES: Record<Priority, BadgeTone> = {
  urgent: "danger",
  high: "warning",
  normal: "neutral",
  low: "neutral",
};

const checkboxClasses = "focus-ring size-4 rounded border-slate-300 accent-brand-600";

type QueueTableProps = { rows: QueueRowView[]; now: Date; caption: string; bulk: BulkOptions };

export function QueueTable({ rows, now, caption, bulk }: QueueTableProps) {
  const t = useTranslations("queue");
  const tPriority = useTranslations("priority");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selectable = bulk.canAssign || bulk.canTransition;
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.reference));

  const toggle = (reference: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(reference)) next.delete(reference);
      else next.add(reference);
      return next;
    });

  return (
    <>
      {selectable && selected.size > 0 ? (
        <BulkToolbar references={[...selected]} options={bulk} onDone={() => setSelected(new Set())} />
      ) : null}
      {/* Tighter cell padding than the default so all ten columns fit at 1440 px, in both languages. */}
      <Table data-testid="queue-table" className="[&_td]:px-3 [&_th]:px-3">
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            {selectable ? (
              <TableHead className="w-10">
                <input
                  type="checkbox"
                  className={checkboxClasses}
                  aria-label={t("selectAll")}
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.reference)))}
                />
              </TableHead>
            ) : null}
            <TableHead>{t("columns.reference")}</TableHead>
            <TableHead>{t("columns.subject")}</TableHead>
            <TableHead>{t("columns.customer")}</TableHead>
            <TableHead>{t("columns.status")}</TableHead>
            <TableHead>{t("columns.severity")}</TableHead>
            <TableHead>{t("columns.priority")}</TableHead>
            <TableHead>{t("columns.sla")}</TableHead>
            <TableHead>{t("columns.assigneeTeam")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow
              key={row.id}
              data-testid="queue-row"
              data-due={row.nextDueAt?.toISOString() ?? ""}
              aria-selected={selectable ? selected.has(row.reference) : undefined}
            >
              {selectable ? (
                <TableCell>
                  <input
                    type="checkbox"
                    className={checkboxClasses}
                    aria-label={t("selectRow", { reference: row.reference })}
                    checked={selected.has(row.reference)}
                    onChange={() => toggle(row.reference)}
                  />
                </TableCell>
              ) : null}
              <TableCell className="whitespace-nowrap">
                <Link
                  href={`/complaints/${row.reference}`}
                  className="focus-ring rounded text-[13px] font-medium text-brand-700 tabular-nums hover:underline"
                >
                  {row.reference}
                </Link>
              </TableCell>
              <TableCell className="max-w-[11rem] truncate font-medium text-slate-900" title={row.subject}>
                {row.subject}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {/* Name above its tier badge: keeps every column visible at 1440 px. */}
                <span className="flex flex-col items-start gap-0.5">
                  {row.customerName}
                  {row.tierName ? (
                    <Badge tone={row.tierRank !== null && row.tierRank <= 2 ? "violet" : "neutral"}>
                      {row.tierName}
                    </Badge>
                  ) : null}
                </span>
              </TableCell>
              <TableCell>
                <StatusBadge status={row.status} />
              </TableCell>
              <TableCell>
                <SeverityBadge name={row.severityName} color={row.severityColor} />
              </TableCell>
              <TableCell>
                <Badge tone={PRIORITY_TONES[row.priority]}>{tPriority(row.priority)}</Badge>
              </TableCell>
              <TableCell>
                {isOpen(row.status) ? (
                  <DueLabel
                    dueAt={row.nextDueAt}
                    now={now}
                    warnAt={row.nextWarnAt}
                    breached={row.slaBreached}
                    paused={row.status === "pending_customer"}
                  />
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </TableCell>
              <TableCell className="max-w-[10rem]" data-testid="queue-assignee-team">
                <span className="block truncate" title={row.assigneeName ?? undefined}>
                  {row.assigneeName ?? <span className="text-slate-400">{t("unassigned")}</span>}
                </span>
                <span className="block truncate text-xs text-slate-500" title={row.teamName ?? undefined}>
                  {row.teamName ?? "—"}
                </span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
