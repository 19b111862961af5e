// The approvals inbox: one row per proposal awaiting the reader's decision, with the decision buttons of the workspace.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CompensationRowActions } from "@/components/complaints/workspace/compensation-actions";
import { StatusBadge } from "@/components/complaints/status-badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PendingApproval } from "@/lib/compensation/queries";

export async function ApprovalsTable({ rows }: { rows: PendingApproval[] }) {
  const [t, tComp, format] = await Promise.all([
    getTranslations("approvals"),
    getTranslations("compensation"),
    getFormatter(),
  ]);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-card">
      <Table data-testid="approvals-table">
        <TableCaption>{t("title")}</TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>{t("columns.complaint")}</TableHead>
            <TableHead>{t("columns.compensation")}</TableHead>
            <TableHead>{t("columns.reason")}</TableHead>
            <TableHead>{t("columns.proposed")}</TableHead>
            <TableHead>{t("columns.decision")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid="approval-row" data-reference={row.complaint.reference}>
              <TableCell className="align-top">
                <Link
                  href={`/complaints/${row.complaint.reference}`}
                  className="focus-ring rounded font-mono text-[13px] font-medium text-brand-700 hover:underline"
                >
                  {row.complaint.reference}
                </Link>
                <p className="mt-0.5 max-w-[18rem] truncate text-[13px] text-slate-600" title={row.complaint.subject}>
                  {row.complaint.subject}
                </p>
                <div className="mt-1">
                  <StatusBadge status={row.complaint.status} />
                </div>
              </TableCell>
              <TableCell className="align-top whitespace-nowrap">
                <span className="text-sm font-medium text-slate-900">{tComp(`kinds.${row.kind}`)}</span>
                <p className="text-sm tabular-nums text-slate-700">
                  {format.number(Number(row.amount), {
                    style: "decimal",
                    minimumFractionDigits: 2,
                    maximumFractionDigits: 2,
                  })}{" "}
                  {row.currency}
                </p>
              </TableCell>
              <TableCell className="max-w-[20rem] align-top text-[13px] text-slate-600">{row.reason}</TableCell>
              <TableCell className="align-top text-[13px] whitespace-nowrap text-slate-600">
                {row.proposedBy.name}
                <p className="text-xs text-slate-400">
                  {format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </p>
              </TableCell>
              <TableCell className="align-top">
                <CompensationRowActions
                  reference={row.complaint.reference}
                  compensationId={row.id}
                  version={row.version}
                  canDecide
                  canIssue={false}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
