// The rounds of answers to one request: findings, cause, responsible party, remedy, and the agent's decision.
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ResponsibleParty } from "@/lib/generated/prisma/enums";

export type AnswerView = {
  id: number;
  round: number;
  findings: string;
  cause: string;
  responsibleParty: ResponsibleParty;
  proposedRemedy: string | null;
  compensationSuggestion: string | null;
  onTime: boolean;
  decision: string | null;
  decisionReason: string | null;
  createdAt: Date;
  author: { name: string } | null;
  responsibleDepartmentName: string | null;
};

export function AnswerList({ answers }: { answers: AnswerView[] }) {
  const t = useTranslations("departments.answer");
  const tParty = useTranslations("departments.party");
  const format = useFormatter();
  if (answers.length === 0) return null;
  return (
    <ol className="flex flex-col gap-3">
      {answers.map((answer) => (
        <li
          key={answer.id}
          className="rounded-md border border-slate-200 bg-slate-50/60 p-3 text-sm"
          data-testid="investigation-answer"
        >
          <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <span className="font-medium text-slate-700">
              {t("roundBy", { round: answer.round, name: answer.author?.name ?? "—" })}
            </span>
            <span>{format.dateTime(answer.createdAt, { dateStyle: "medium", timeStyle: "short" })}</span>
            <Badge tone={answer.onTime ? "success" : "danger"}>{answer.onTime ? t("onTime") : t("late")}</Badge>
            {answer.decision === "accepted" ? <Badge tone="success">{t("accepted")}</Badge> : null}
            {answer.decision === "returned" ? <Badge tone="warning">{t("returned")}</Badge> : null}
          </div>
          <dl className="grid gap-1 sm:grid-cols-[8rem_1fr]">
            <dt className="text-slate-500">{t("findings")}</dt>
            <dd className="whitespace-pre-wrap">{answer.findings}</dd>
            <dt className="text-slate-500">{t("cause")}</dt>
            <dd className="whitespace-pre-wrap">{answer.cause}</dd>
            <dt className="text-slate-500">{t("responsible")}</dt>
            <dd>
              {tParty(answer.responsibleParty)}
              {answer.responsibleDepartmentName ? ` — ${answer.responsibleDepartmentName}` : ""}
            </dd>
            {answer.proposedRemedy ? (
              <>
                <dt className="text-slate-500">{t("remedy")}</dt>
                <dd className="whitespace-pre-wrap">{answer.proposedRemedy}</dd>
              </>
            ) : null}
            {answer.compensationSuggestion ? (
              <>
                <dt className="text-slate-500">{t("compensation")}</dt>
                <dd className="whitespace-pre-wrap">{answer.compensationSuggestion}</dd>
              </>
            ) : null}
            {answer.decisionReason ? (
              <>
                <dt className="text-slate-500">{t("returnReason")}</dt>
                <dd className="whitespace-pre-wrap">{answer.decisionReason}</dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ol>
  );
}
