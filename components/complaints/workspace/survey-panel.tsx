// The complaint's satisfaction survey: where it stands, the customer's answer, the low-score follow-up task, and
// the link for SMS or phone while the survey is open.
import { useFormatter, useTranslations } from "next-intl";
import { MessageSquareHeart } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ComplaintSurvey } from "@/lib/surveys/queries";
import type { SurveyStatus } from "@/lib/generated/prisma/enums";
import { CopySurveyLink } from "@/components/complaints/workspace/copy-survey-link";
import { PhoneSurveyLink } from "@/components/complaints/phone-survey/phone-survey-link";

const STATUS_TONES: Record<SurveyStatus, BadgeTone> = {
  scheduled: "neutral",
  sent: "info",
  answered: "success",
  expired: "neutral",
  cancelled: "neutral",
};

/** canRecordPhone: the actor may resolve this complaint and it is resolved with no answer yet (phone 回访). */
type Props = {
  reference: string;
  survey: ComplaintSurvey | null;
  reasonNames: Record<string, string>;
  canReopenHint: boolean;
  canRecordPhone?: boolean;
};

export function SurveyPanel({ reference, survey, reasonNames, canReopenHint, canRecordPhone = false }: Props) {
  const t = useTranslations("workspaceSurvey");
  const tp = useTranslations("phoneSurvey");
  const format = useFormatter();
  const when = (at: Date | null) => (at ? format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const response = survey?.response ?? null;
  const low = response !== null && ((response.csat ?? 5) <= 2 || response.resolved === false);
  return (
    <Card data-testid="survey-panel">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        {survey ? (
          <Badge tone={STATUS_TONES[survey.status]} data-testid="survey-status">
            {t(`status.${survey.status}`)}
          </Badge>
        ) : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-[13px] text-slate-700">
        {!survey ? (
          <>
            <p className="flex items-center gap-2 text-slate-500">
              <MessageSquareHeart aria-hidden className="size-4" />
              {t("empty")}
            </p>
            {canRecordPhone ? <PhoneSurveyLink reference={reference} /> : null}
          </>
        ) : (
          <>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              <dt className="text-slate-500">{survey.status === "scheduled" ? t("scheduledAt") : t("sentAt")}</dt>
              <dd>{when(survey.status === "scheduled" ? survey.scheduledAt : survey.sentAt)}</dd>
              {survey.reminderSentAt ? (
                <>
                  <dt className="text-slate-500">{t("remindedAt")}</dt>
                  <dd>{when(survey.reminderSentAt)}</dd>
                </>
              ) : null}
              <dt className="text-slate-500">{t("openedAt")}</dt>
              <dd>{when(survey.openedAt)}</dd>
              {survey.answeredAt ? (
                <>
                  <dt className="text-slate-500">{t("answeredAt")}</dt>
                  <dd>{when(survey.answeredAt)}</dd>
                </>
              ) : (
                <>
                  <dt className="text-slate-500">{t("expiresAt")}</dt>
                  <dd>{when(survey.expiresAt)}</dd>
                </>
              )}
            </dl>
            {response ? (
              <div className="rounded-lg border border-slate-200 p-3" data-testid="survey-answer">
                <p className="flex flex-wrap items-center gap-x-3 gap-y-1 font-medium text-slate-900">
                  <span>CSAT {response.csat ?? "—"}/5</span>
                  {response.nps !== null ? <span>NPS {response.nps}</span> : null}
                  {response.ces !== null ? <span>CES {response.ces}/7</span> : null}
                  {response.resolved !== null ? <span>{t(response.resolved ? "solved" : "notSolved")}</span> : null}
                  {low ? <Badge tone="danger">{t("lowScore")}</Badge> : null}
                </p>
                {response.reasonCodes.length ? (
                  <p className="mt-1 text-slate-600">
                    {response.reasonCodes.map((code) => reasonNames[code] ?? code).join(", ")}
                  </p>
                ) : null}
                {response.comment ? (
                  <p className="mt-1 whitespace-pre-wrap text-slate-600">“{response.comment}”</p>
                ) : null}
                <p className="mt-1 text-xs text-slate-500" data-testid="survey-answer-mode">
                  {response.mode === "phone"
                    ? tp("recordedBy", { name: response.recordedBy?.name ?? "—" })
                    : tp("answeredBy", { mode: tp(`modes.${response.mode}`) })}
                </p>
              </div>
            ) : null}
            {survey.followUp ? (
              <p data-testid="survey-follow-up">
                {t("followUp", {
                  status: t(`taskStatus.${survey.followUp.status}`),
                  assignee: survey.followUp.assignee?.name ?? t("unassigned"),
                  due: when(survey.followUp.dueAt),
                })}
              </p>
            ) : null}
            {low && canReopenHint ? <p className="text-slate-500">{t("reopenHint")}</p> : null}
            {survey.canCopyLink ? <CopySurveyLink reference={reference} /> : null}
            {canRecordPhone ? <PhoneSurveyLink reference={reference} /> : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}
