// The escalation inbox table (server component): one row per escalation, newest state of its complaint, and the
// row actions for escalations that are still active.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DueLabel, durationParts } from "@/components/complaints/due-label";
import { StatusBadge } from "@/components/complaints/status-badge";
import { EscalationRowActions } from "@/components/escalations/escalation-row-actions";
import { LevelBadge } from "@/components/escalations/level-badge";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { EscalationInboxRow } from "@/lib/escalations/inbox";

type TableProps = {
  rows: EscalationInboxRow[];
  membersByTeam: Record<number, { id: number; name: string }[]>;
  now: Date;
};

const ACTIVE = new Set(["open", "acknowledged"]);
const OUTCOME_TONES = { open: "warning", acknowledged: "info", resolved: "success" } as const;

export async function EscalationTable({ rows, membersByTeam, now }: TableProps) {
  const [t, tReason, format] = await Promise.all([
    getTranslations("escalations"),
    getTranslations("escalationReason"),
    getFormatter(),
  ]);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <Table data-testid="escalation-table">
        <TableHeader>
          <TableRow>
            <TableHead>{t("columns.complaint")}</TableHead>
            <TableHead>{t("columns.levelAge")}</TableHead>
            <TableHead>{t("columns.reason")}</TableHead>
            <TableHead>{t("columns.owner")}</TableHead>
            <TableHead>{t("columns.status")}</TableHead>
            <TableHead>{t("columns.due")}</TableHead>
            <TableHead>{t("columns.outcome")}</TableHead>
            <TableHead className="w-12">
              <span className="sr-only">{t("columns.actions")}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const age = durationParts(row.ageMinutes * 60_000);
            const active = ACTIVE.has(row.outcome);
            const tone =
              row.outcome in OUTCOME_TONES ? OUTCOME_TONES[row.outcome as keyof typeof OUTCOME_TONES] : "neutral";
            return (
              <TableRow key={row.id} data-testid="escalation-row" data-reference={row.complaint.reference}>
                <TableCell className="max-w-64">
                  <Link
                    href={`/complaints/${row.complaint.reference}`}
                    className="focus-ring rounded font-mono text-[13px] font-medium text-brand-700 hover:underline"
                  >
                    {row.complaint.reference}
                  </Link>
                  <p className="truncate text-sm text-slate-800" title={row.complaint.subject}>
                    {row.complaint.subject}
                  </p>
                  <p className="text-xs text-slate-500">
                    {row.complaint.assignee ? t("assignee", { name: row.complaint.assignee.name }) : t("unassigned")}
                  </p>
                </TableCell>
                <TableCell>
                  <div className="flex flex-col items-start gap-1">
                    <LevelBadge level={row.level} />
                    {row.fromLevel !== row.level - 1 ? (
                      <span className="text-xs text-slate-500">{t("levelFrom", { level: row.fromLevel })}</span>
                    ) : null}
                    <time
                      dateTime={row.createdAt.toISOString()}
                      title={format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                      className="text-xs whitespace-nowrap text-slate-500 tabular-nums"
                    >
                      {format.number(age.value, { style: "unit", unit: age.unit, unitDisplay: "short" })}
                    </time>
                  </div>
                </TableCell>
                <TableCell>
                  <span className="text-sm whitespace-nowrap text-slate-800">{tReason(row.reason)}</span>
                  {row.note ? (
                    <p className="line-clamp-2 max-w-44 text-xs text-slate-500" title={row.note}>
                      {row.note}
                    </p>
                  ) : null}
                </TableCell>
                <TableCell className="min-w-28 text-sm text-slate-700">
                  {row.owner?.name ?? <span className="text-slate-400">{t("unowned")}</span>}
                </TableCell>
                <TableCell>
                  <StatusBadge status={row.complaint.status} />
                </TableCell>
                <TableCell>
                  {/* Red once any clock breached, even while the next deadline lies ahead; the title says why. */}
                  <span title={row.complaint.slaBreached ? t("breached") : undefined}>
                    <DueLabel
                      dueAt={row.complaint.nextDueAt}
                      now={now}
                      paused={row.complaint.status === "pending_customer"}
                      breached={row.complaint.slaBreached}
                    />
                  </span>
                </TableCell>
                <TableCell>
                  <Badge tone={tone} data-testid="escalation-outcome">
                    {t(`outcome.${row.outcome}`)}
                  </Badge>
                  {row.outcomeNote && !active ? (
                    <p className="line-clamp-2 max-w-48 text-xs text-slate-500" title={row.outcomeNote}>
                      {row.outcomeNote}
                    </p>
                  ) : null}
                </TableCell>
                <TableCell>
                  {active ? (
                    <EscalationRowActions
                      escalationId={row.id}
                      reference={row.complaint.reference}
                      version={row.complaint.version}
                      level={row.level}
                      outcome={row.outcome}
                      assigneeId={row.complaint.assignee?.id ?? null}
                      resolutionDueAt={row.complaint.resolutionDueAt?.toISOString() ?? null}
                      renderedAt={now.toISOString()}
                      members={row.complaint.teamId !== null ? (membersByTeam[row.complaint.teamId] ?? []) : []}
                    />
                  ) : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
