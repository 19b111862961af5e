"use client";
// Compensation forms: propose (with the approval hint), approve / reject with a note, and mark issued.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import {
  decideCompensationAction,
  issueCompensationAction,
  proposeCompensationAction,
} from "@/lib/compensation/actions";
import { COMPENSATION_KINDS } from "@/lib/compensation/kinds";
import type { ProposeCompensationInput } from "@/lib/compensation/schema";
import { useWorkspaceAction } from "@/components/complaints/workspace/use-workspace-action";

const field = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value.trim() : "";
};

/** Above the proposer's own limit (or in another currency) a proposal waits for an approver. */
function aboveLimit(amount: string, currency: string, limit: { amount: string; currency: string }) {
  const value = Number(amount);
  if (!amount || !Number.isFinite(value)) return false;
  return currency.toUpperCase() !== limit.currency.toUpperCase() || value > Number(limit.amount);
}

export function ProposeCompensation({
  reference,
  complaintId,
  ownLimit,
}: {
  reference: string;
  complaintId: number;
  ownLimit: { amount: string; currency: string; enabledKinds?: readonly string[] };
}) {
  const t = useTranslations("compensation");
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState("");
  const [currency, setCurrency] = useState("CNY");
  const action = useWorkspaceAction();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      complaintId,
      kind: field(form, "kind") as ProposeCompensationInput["kind"],
      amount: amount.trim(),
      currency: currency.trim() || "CNY",
      reason: field(form, "reason"),
    };
    action.run(
      () => proposeCompensationAction(reference, input),
      (result) => {
        setOpen(false);
        setAmount("");
        toast({
          tone: "success",
          title: result.compensation.status === "proposed" ? t("proposedForApproval") : t("proposedApproved"),
        });
      },
    );
  };

  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => {
          action.reset();
          setOpen(true);
        }}
        data-testid="propose-compensation"
      >
        <Plus aria-hidden />
        {t("propose")}
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>{t("proposeTitle")}</DialogTitle>
              <DialogDescription>
                {t("limitHint", { amount: ownLimit.amount, currency: ownLimit.currency })}
              </DialogDescription>
            </DialogHeader>
            <FormField label={t("kind")} error={action.fieldError("kind")}>
              <Select
                name="kind"
                defaultValue={
                  ownLimit.enabledKinds && !ownLimit.enabledKinds.includes("voucher")
                    ? ownLimit.enabledKinds[0]
                    : "voucher"
                }
              >
                {COMPENSATION_KINDS.filter(
                  (kind) => !ownLimit.enabledKinds || ownLimit.enabledKinds.includes(kind),
                ).map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kinds.${kind}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            <div className="grid grid-cols-[1fr_7rem] gap-3">
              <FormField label={t("amount")} error={action.fieldError("amount")}>
                <Input
                  name="amount"
                  inputMode="decimal"
                  value={amount}
                  onChange={(event) => setAmount(event.target.value)}
                  autoComplete="off"
                />
              </FormField>
              <FormField label={t("currency")} error={action.fieldError("currency")}>
                <Input
                  name="currency"
                  value={currency}
                  onChange={(event) => setCurrency(event.target.value)}
                  maxLength={3}
                  autoComplete="off"
                />
              </FormField>
            </div>
            {aboveLimit(amount, currency, ownLimit) ? (
              <p
                className="rounded-md bg-warning-50 px-3 py-2 text-[13px] text-warning-700"
                data-testid="needs-approval-hint"
              >
                {t("needsApprovalHint")}
              </p>
            ) : null}
            <FormField label={t("reason")} error={action.fieldError("reason")}>
              <Textarea name="reason" rows={3} />
            </FormField>
            {action.formError ? (
              <p role="alert" className="text-sm text-danger-700">
                {action.formError}
              </p>
            ) : null}
            <DialogFooter>
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {t("cancel")}
              </Button>
              <Button type="submit" disabled={action.pending} data-testid="propose-submit">
                {action.pending ? t("saving") : t("submitProposal")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}

type RowProps = { reference: string; compensationId: number; version: number; canDecide: boolean; canIssue: boolean };

export function CompensationRowActions({ reference, compensationId, version, canDecide, canIssue }: RowProps) {
  const t = useTranslations("compensation");
  const { toast } = useToast();
  const [deciding, setDeciding] = useState<"approve" | "reject" | null>(null);
  const router = useRouter();
  const decide = useWorkspaceAction();
  const issue = useWorkspaceAction();

  const onDecide = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!deciding) return;
    const note = field(new FormData(event.currentTarget), "note");
    const decision = deciding;
    decide.run(
      () => decideCompensationAction(reference, { compensationId, version, decision, note: note || undefined }),
      () => {
        setDeciding(null);
        toast({ tone: "success", title: t(decision === "approve" ? "approvedToast" : "rejectedToast") });
        // Also used on the approvals inbox, whose list the action's revalidation of the complaint page does not cover.
        router.refresh();
      },
    );
  };
  const stale = decide.failure?.error === "conflict" || issue.failure?.error === "conflict";

  return (
    <div className="flex flex-wrap items-center gap-2">
      {canDecide ? (
        <>
          <Button
            size="sm"
            onClick={() => {
              decide.reset();
              setDeciding("approve");
            }}
            data-testid="approve-compensation"
          >
            {t("approve")}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              decide.reset();
              setDeciding("reject");
            }}
          >
            {t("reject")}
          </Button>
        </>
      ) : null}
      {canIssue ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={issue.pending}
          onClick={() =>
            issue.run(
              () => issueCompensationAction(reference, { compensationId, version }),
              () => toast({ tone: "success", title: t("issuedToast") }),
            )
          }
        >
          {issue.pending ? t("saving") : t("markIssued")}
        </Button>
      ) : null}
      {issue.formError ? (
        <p role="alert" className="text-xs text-danger-700">
          {issue.formError}
        </p>
      ) : null}
      {stale && !deciding ? (
        <p role="alert" className="flex items-center gap-2 text-xs text-warning-700">
          {t("stale")}
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              decide.reset();
              issue.reset();
              router.refresh();
            }}
          >
            {t("reload")}
          </Button>
        </p>
      ) : null}
      <Dialog open={deciding !== null} onOpenChange={(open) => !open && setDeciding(null)}>
        <DialogContent>
          <form onSubmit={onDecide} className="flex flex-col gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>{deciding === "reject" ? t("rejectTitle") : t("approveTitle")}</DialogTitle>
            </DialogHeader>
            <FormField label={deciding === "reject" ? t("noteRequired") : t("note")} error={decide.fieldError("note")}>
              <Textarea name="note" rows={3} />
            </FormField>
            {decide.formError ? (
              <p role="alert" className="text-sm text-danger-700">
                {decide.formError}
              </p>
            ) : null}
            {decide.failure?.error === "conflict" ? (
              <p role="alert" className="text-sm text-warning-700">
                {t("stale")}
              </p>
            ) : null}
            <DialogFooter>
              <Button variant="secondary" onClick={() => setDeciding(null)}>
                {t("cancel")}
              </Button>
              <Button
                type="submit"
                variant={deciding === "reject" ? "destructive" : "primary"}
                disabled={decide.pending}
                data-testid="decide-submit"
              >
                {decide.pending ? t("saving") : deciding === "reject" ? t("reject") : t("approve")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
