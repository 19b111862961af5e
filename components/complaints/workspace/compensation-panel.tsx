// The complaint's compensation: each proposal with its state and who decided, plus the actions the user may take.
import { useFormatter, useTranslations } from "next-intl";
import { Gift } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CompensationView } from "@/lib/compensation/queries";
import type { CompensationStatus, Role } from "@/lib/generated/prisma/enums";
import { CompensationRowActions, ProposeCompensation } from "@/components/complaints/workspace/compensation-actions";

const STATUS_TONES: Record<CompensationStatus, BadgeTone> = {
  proposed: "warning",
  approved: "info",
  rejected: "neutral",
  issued: "success",
  cancelled: "neutral",
};

type Props = {
  reference: string;
  complaintId: number;
  compensations: CompensationView[];
  /** Ids the user may approve or reject (within their limit, not their own proposal). */
  decidableIds: number[];
  approverRoleById: Record<number, Role | null>;
  ownLimit: { amount: string; currency: string; enabledKinds?: readonly string[] };
  canPropose: boolean;
  /** Issuing stays possible after the complaint is resolved; proposing does not. */
  canIssue: boolean;
};

export function CompensationPanel({
  reference,
  complaintId,
  compensations,
  decidableIds,
  approverRoleById,
  ownLimit,
  canPropose,
  canIssue,
}: Props) {
  const t = useTranslations("compensation");
  const tRoles = useTranslations("roles");
  const format = useFormatter();
  return (
    <Card data-testid="compensation-panel">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        {canPropose ? (
          <ProposeCompensation reference={reference} complaintId={complaintId} ownLimit={ownLimit} />
        ) : null}
      </CardHeader>
      <CardContent>
        {compensations.length === 0 ? (
          <p className="flex items-center gap-2 text-[13px] text-slate-500">
            <Gift aria-hidden className="size-4" />
            {t("empty")}
          </p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100">
            {compensations.map((row) => {
              const approverRole = approverRoleById[row.id];
              const amount = format.number(Number(row.amount), {
                style: "decimal",
                minimumFractionDigits: 2,
                maximumFractionDigits: 2,
              });
              return (
                <li
                  key={row.id}
                  className="flex flex-col gap-1.5 py-3 first:pt-0 last:pb-0"
                  data-testid="compensation-row"
                  data-status={row.status}
                >
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="text-sm font-medium text-slate-900">
                      {t(`kinds.${row.kind}`)} ·{" "}
                      <span className="tabular-nums">
                        {amount} {row.currency}
                      </span>
                    </span>
                    <Badge tone={STATUS_TONES[row.status]}>{t(`statuses.${row.status}`)}</Badge>
                  </div>
                  <p className="text-[13px] text-slate-600">{row.reason}</p>
                  <p className="text-xs text-slate-500">
                    {t("proposedBy", {
                      name: row.proposedBy.name,
                      time: format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                    })}
                    {row.approver
                      ? ` · ${t(row.status === "rejected" ? "rejectedBy" : "approvedBy", { name: row.approver.name })}`
                      : ""}
                  </p>
                  {row.decisionNote ? (
                    <p className="text-xs text-slate-500">{t("decisionNote", { note: row.decisionNote })}</p>
                  ) : null}
                  {row.status === "proposed" ? (
                    <p className="text-xs font-medium text-warning-700" data-testid="awaiting-approval">
                      {approverRole
                        ? t("awaitingApproval", { role: tRoles(approverRole) })
                        : t("awaitingApprovalNobody")}
                    </p>
                  ) : null}
                  <CompensationRowActions
                    reference={reference}
                    compensationId={row.id}
                    version={row.version}
                    canDecide={row.status === "proposed" && decidableIds.includes(row.id)}
                    canIssue={canIssue && row.status === "approved"}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
