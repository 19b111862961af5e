import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Paperclip } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { AnswerForm } from "@/components/departments/answer-form";
import { AnswerList } from "@/components/departments/answer-list";
import { RequestStatusBadge } from "@/components/departments/request-status-badge";
import { requirePermission } from "@/lib/auth/session";
import { listRequestableDepartments } from "@/lib/departments/service";
import { getRequestForLiaison } from "@/lib/investigations/queries";
import { DEFAULT_LOCALE, isAppLocale, localizedName } from "@/lib/i18n/locales";
import { parseId } from "@/lib/validation";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("departments.request");
  return { title: t("title") };
}

// One request as its department sees it: the question and only what the agent chose to share; the answer form.
export default async function DepartmentRequestPage({ params }: Props) {
  const user = await requirePermission("investigation.answer");
  const { id } = await params;
  const requestId = parseId(id);
  const request = requestId === null ? null : await getRequestForLiaison(user.actor, requestId);
  if (!request) notFound();
  const raw = await getLocale();
  const locale = isAppLocale(raw) ? raw : DEFAULT_LOCALE;
  const [t, tTimeline, format, departments] = await Promise.all([
    getTranslations("departments"),
    getTranslations("departments.sharedKinds"),
    getFormatter(),
    listRequestableDepartments(),
  ]);
  const kinds = ["note", "reply", "call", "customer_message"] as const;
  return (
    <div className="flex flex-col gap-6" data-testid="department-request" data-version={request.version}>
      <PageHeader
        title={`${request.complaint.reference} · ${localizedName(locale, request.department)}`}
        description={request.complaint.subject}
        meta={<RequestStatusBadge status={request.status} round={request.round} />}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("request.question")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-2 text-sm">
              <p className="whitespace-pre-wrap text-slate-800" data-testid="request-question">
                {request.question}
              </p>
              <p className="text-xs text-slate-500">
                {t("request.askedBy", {
                  name: request.requestedBy?.name ?? "—",
                  when: format.dateTime(request.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
                {" · "}
                {t(`urgency.${request.urgency}`)}
                {" · "}
                {t("request.due", {
                  when: format.dateTime(request.dueAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("request.shared")}</CardTitle>
            </CardHeader>
            <CardContent>
              {request.sharedEvents.length === 0 ? (
                <p className="text-sm text-slate-500">{t("request.nothingShared")}</p>
              ) : (
                <ol className="flex flex-col gap-2">
                  {request.sharedEvents.map((event) => {
                    const kind = kinds.find((candidate) => candidate === event.kind);
                    return (
                      <li
                        key={event.id}
                        className="rounded-md border border-slate-200 p-2 text-sm"
                        data-testid="shared-event"
                      >
                        <p className="text-xs text-slate-500">
                          {kind ? tTimeline(kind) : tTimeline("other")} ·{" "}
                          {format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                        </p>
                        <p className="whitespace-pre-wrap">{event.body}</p>
                      </li>
                    );
                  })}
                </ol>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("request.answers")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <AnswerList
                answers={request.answers.map((answer) => ({
                  ...answer,
                  responsibleDepartmentName: answer.responsibleDepartment
                    ? localizedName(locale, answer.responsibleDepartment)
                    : null,
                }))}
              />
              {request.status === "open" ? (
                <AnswerForm
                  requestId={request.id}
                  version={request.version}
                  defaultDepartmentId={request.department.id}
                  departments={departments.map((row) => ({ id: row.id, name: localizedName(locale, row) }))}
                />
              ) : request.status === "answered" ? (
                <p className="text-sm text-slate-500">{t("request.waitingForAgent")}</p>
              ) : request.status === "cancelled" ? (
                <p className="text-sm text-slate-500" data-testid="request-withdrawn">
                  {t("request.withdrawn", { reason: request.cancelReason ?? "—" })}
                </p>
              ) : null}
            </CardContent>
          </Card>
        </div>
        <aside className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("request.complaint")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[6rem_1fr] gap-1 text-sm">
                <dt className="text-slate-500">{t("request.customer")}</dt>
                <dd data-testid="masked-customer">{request.complaint.customer.name}</dd>
                <dt className="text-slate-500">{t("request.category")}</dt>
                <dd>{request.complaint.category ? localizedName(locale, request.complaint.category) : "—"}</dd>
                <dt className="text-slate-500">{t("request.flight")}</dt>
                <dd>{request.complaint.flightNumber ?? "—"}</dd>
                <dt className="text-slate-500">{t("request.serviceDate")}</dt>
                <dd>
                  {request.complaint.serviceDate ? request.complaint.serviceDate.toISOString().slice(0, 10) : "—"}
                </dd>
              </dl>
              <p className="mt-3 text-xs text-slate-500">{t("request.maskedNote")}</p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("request.attachments")}</CardTitle>
            </CardHeader>
            <CardContent>
              {request.sharedAttachments.length === 0 ? (
                <p className="text-sm text-slate-500">{t("request.nothingShared")}</p>
              ) : (
                <ul className="flex flex-col gap-1 text-sm">
                  {request.sharedAttachments.map((file) => (
                    <li key={file.id}>
                      <a
                        className="focus-ring inline-flex items-center gap-1 text-brand-700 hover:underline"
                        href={`/api/department-requests/${request.id}/attachments/${file.id}`}
                      >
                        <Paperclip aria-hidden className="size-3.5" />
                        {file.fileName}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </aside>
      </div>
    </div>
  );
}
