"use client";
// Compensation by rule, after the rules: preview who qualifies and the total, propose in bulk (a job), approve the
// incident's proposals in one step (all, or the share within the approver's limit), and issue each one.
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  approveIncidentCompensationAction,
  compensateRunAction,
  previewCompensationAction,
} from "@/lib/incidents/actions";
import { issueCompensationAction } from "@/lib/compensation/actions";
import { useIncidentAction } from "@/components/incidents/use-incident-action";

type Total = { currency: string; amount: string };
type Preview = {
  count: number;
  totals: Total[];
  byRule: { rule: number; count: number; totals: Total[] }[];
  alreadyCompensated: number;
  notOpen: number;
  noRule: number;
};
type ToIssue = { id: number; kind: string; amount: string; currency: string; version: number; reference: string };
type Pending = { count: number; own: number; totals: Total[]; token: string };

export function CompensationRunPanel({
  id,
  rulesVersion,
  hasRules,
  pending,
  toIssue,
  canApprove,
  canPropose,
  hint,
}: {
  id: number;
  rulesVersion: number;
  hasRules: boolean;
  pending: Pending;
  toIssue: ToIssue[];
  canApprove: boolean;
  canPropose: boolean;
  hint: string;
}) {
  const t = useTranslations("incidents.compensation");
  const tKinds = useTranslations("compensation.kinds");
  const format = useFormatter();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewing, startPreview] = useTransition();
  const { run, message, pending: busy } = useIncidentAction();
  const money = (totals: Total[]) =>
    totals.length === 0
      ? format.number(0, { minimumFractionDigits: 2 })
      : totals
          .map(
            (row) =>
              `${format.number(Number(row.amount), { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${row.currency}`,
          )
          .join(" + ");
  return (
    <Card data-testid="incident-compensation">
      <CardHeader className="flex-col items-stretch gap-0">
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{hint}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {canPropose ? (
          <div className="flex flex-col gap-3">
            <div className="flex flex-wrap items-center gap-3">
              <Button
                variant="secondary"
                disabled={previewing || !hasRules}
                onClick={() =>
                  startPreview(async () => {
                    const result = await previewCompensationAction(id);
                    if (result.ok) setPreview(result);
                  })
                }
              >
                {t("preview")}
              </Button>
              {!hasRules ? <span className="text-sm text-slate-500">{t("noRules")}</span> : null}
              {preview ? (
                <span className="text-sm font-medium text-slate-800" data-testid="compensation-preview">
                  {t("qualifying", { count: preview.count, total: money(preview.totals) })}
                </span>
              ) : null}
            </div>
            {preview ? (
              <ul className="text-sm text-slate-700">
                {preview.byRule.map((row) => (
                  <li key={row.rule}>
                    {t("byRule", { rule: row.rule + 1, count: row.count, total: money(row.totals) })}
                  </li>
                ))}
                <li className="text-slate-500">
                  {t("skipped", {
                    compensated: preview.alreadyCompensated,
                    done: preview.notOpen,
                    none: preview.noRule,
                  })}
                </li>
              </ul>
            ) : null}
            {preview && preview.count > 0 ? (
              <div className="flex justify-end">
                <Button
                  disabled={busy}
                  onClick={() =>
                    run(
                      () => compensateRunAction(id, { rulesVersion }),
                      t("queued"),
                      () => setPreview(null),
                    )
                  }
                >
                  {t("proposeAll", { count: preview.count })}
                </Button>
              </div>
            ) : null}
          </div>
        ) : null}

        <section className="rounded-md border border-slate-200 p-3" data-testid="compensation-pending">
          <h3 className="text-sm font-medium text-slate-800">{t("pending")}</h3>
          {pending.count === 0 ? (
            <p className="text-sm text-slate-500">{t("noPending")}</p>
          ) : (
            <>
              <p className="text-sm text-slate-700">
                {t("pendingTotal", { count: pending.count, total: money(pending.totals) })}
              </p>
              {pending.own > 0 ? (
                <p className="text-xs text-slate-500">{t("ownPending", { count: pending.own })}</p>
              ) : null}
              {canApprove ? (
                <div className="mt-2 flex flex-wrap justify-end gap-2">
                  <Button
                    variant="secondary"
                    disabled={busy}
                    onClick={() =>
                      run(
                        () => approveIncidentCompensationAction(id, { mode: "within_limit", token: pending.token }),
                        t("approved"),
                      )
                    }
                  >
                    {t("approveShare")}
                  </Button>
                  <Button
                    disabled={busy}
                    onClick={() =>
                      run(
                        () => approveIncidentCompensationAction(id, { mode: "all", token: pending.token }),
                        t("approved"),
                      )
                    }
                  >
                    {t("approveAll", { total: money(pending.totals) })}
                  </Button>
                </div>
              ) : null}
            </>
          )}
        </section>

        {message ? (
          <p role="alert" className="text-sm font-medium text-danger-700">
            {message}
          </p>
        ) : null}

        {toIssue.length > 0 ? (
          <section data-testid="compensation-to-issue">
            <h3 className="mb-1 text-sm font-medium text-slate-800">{t("toIssue")}</h3>
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
              {toIssue.map((row) => (
                <li key={row.id} className="flex items-center gap-3 px-3 py-1.5">
                  <span className="font-mono text-xs text-slate-500">{row.reference}</span>
                  <span className="flex-1">
                    {tKinds(row.kind as "voucher")} ·{" "}
                    {format.number(Number(row.amount), { minimumFractionDigits: 2, maximumFractionDigits: 2 })}{" "}
                    {row.currency}
                  </span>
                  {canPropose ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={busy}
                      onClick={() =>
                        run(
                          () =>
                            issueCompensationAction(row.reference, { compensationId: row.id, version: row.version }),
                          t("issued"),
                        )
                      }
                    >
                      {t("issue")}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </CardContent>
    </Card>
  );
}
