import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AssignControl } from "@/components/complaints/workspace/assign-control";
import { ComplaintHeader } from "@/components/complaints/workspace/complaint-header";
import { CompensationPanel } from "@/components/complaints/workspace/compensation-panel";
import { Composer } from "@/components/complaints/workspace/composer";
import { CustomerPanel } from "@/components/complaints/workspace/customer-panel";
import { AttachmentsPanel } from "@/components/complaints/attachments/attachments-panel";
import { listAttachments } from "@/lib/attachments/service";
import { EditDialog } from "@/components/complaints/workspace/edit-dialog";
import { EscalateButton } from "@/components/escalations/escalate-button";
import { Timeline } from "@/components/complaints/workspace/timeline";
import { TransitionButtons } from "@/components/complaints/workspace/transition-buttons";
import { SurveyPanel } from "@/components/complaints/workspace/survey-panel";
import { surveyForComplaint, surveyReasonNames } from "@/lib/surveys/queries";
import { mayRecordPhoneSurvey, phoneSurveyBlocker } from "@/lib/surveys/record-phone-survey";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listCompensations, listPendingApprovals } from "@/lib/compensation/queries";
import {
  listReplyTemplates,
  renderReplyTemplate,
  trackingLinkFor,
  type TemplateValues,
} from "@/lib/complaints/reply-templates";
import { SuggestedArticles } from "@/components/knowledge/suggested-articles";
import { scriptForReply } from "@/lib/knowledge/scripts";
import { suggestArticles } from "@/lib/knowledge/suggest";
import { loadTimelineNames, presentTimeline } from "@/lib/complaints/timeline";
import { isOpen } from "@/lib/complaints/transitions";
import { getComplaintFormOptions, getComplaintWorkspace } from "@/lib/complaints/workspace";
import { compensationApprovalHints, listAssignableMembers } from "@/lib/complaints/workspace-context";
import { getCustomerPanel } from "@/lib/customers/queries";
import { replySmsFrame } from "@/lib/sms/reply-preview";
import { DEFAULT_LOCALE, fromDbLocale, isAppLocale, localizedName } from "@/lib/i18n/locales";
import { decodeSegment } from "@/lib/validation";
import { InvestigationPanel } from "@/components/departments/investigation-panel";
import { listComplaintInvestigations } from "@/lib/investigations/queries";
import { listEscalationDepartments, listRequestableDepartments } from "@/lib/departments/service";
import { IncidentBanner } from "@/components/incidents/incident-banner";
import { incidentBanner } from "@/lib/incidents/queries";

type Params = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [{ reference }, t] = await Promise.all([params, getTranslations("workspace")]);
  return { title: t("metaTitle", { reference: decodeSegment(reference) ?? reference }) };
}

const CLOSED_FOR_MESSAGES = new Set(["closed", "duplicate", "rejected"]);

// The complaint workspace: a thin page that reads through lib/ and hands each interactive part its server action.
export default async function ComplaintWorkspacePage({ params }: Params) {
  const { reference: raw } = await params;
  const reference = decodeSegment(raw);
  if (reference === null) notFound();
  const user = await requireUser();
  const { actor } = user;
  const complaint = await getComplaintWorkspace(actor, reference);
  if (!complaint) notFound();

  const rawLocale = await getLocale();
  const locale = isAppLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  // Every read that depends only on the complaint runs at once (survey and approval hints included: each chains its
  // own follow-up read), so the page waits for the slowest query rather than their sum.
  const [
    options,
    customer,
    [compensations, hints],
    pending,
    templateRows,
    names,
    members,
    attachments,
    [survey, reasonNames],
    replySms,
    investigations,
    departments,
    suggestions,
    incident,
    escalationDepartments,
  ] = await Promise.all([
    getComplaintFormOptions(),
    getCustomerPanel(actor, complaint.customerId),
    listCompensations(actor, complaint.id).then(
      async (rows) => [rows, await compensationApprovalHints(actor, rows ?? [])] as const,
    ),
    listPendingApprovals(actor, { complaintId: complaint.id }),
    listReplyTemplates(complaint.categoryId),
    loadTimelineNames(complaint.events),
    listAssignableMembers(complaint.team?.id ?? null),
    listAttachments(actor, complaint.id),
    surveyForComplaint(actor, complaint.id).then(
      async (found) =>
        [
          found,
          found?.response?.reasonCodes.length ? await surveyReasonNames(found.response.reasonCodes, locale) : {},
        ] as const,
    ),
    replySmsFrame({ reference: complaint.reference, customerId: complaint.customerId }),
    listComplaintInvestigations(actor, complaint.id),
    can(actor, "investigation.request") ? listRequestableDepartments() : Promise.resolve([]),
    suggestArticles(actor, complaint),
    complaint.incidentId ? incidentBanner(complaint.incidentId) : null,
    can(actor, "complaint.update") ? listEscalationDepartments() : Promise.resolve([]),
  ]);
  const compensationList = compensations ?? [];
  const now = new Date();
  const t = await getTranslations("workspace");

  const customerLocale = customer ? fromDbLocale(customer.locale) : complaint.locale === "en" ? "en" : "zh-CN";
  const granted = compensationList.filter((row) => row.status === "approved" || row.status === "issued").at(-1);
  const values: TemplateValues = {
    "customer.name": customer?.name,
    "customer.membershipNumber": customer?.membershipNumber,
    "complaint.reference": complaint.reference,
    "complaint.subject": complaint.subject,
    "complaint.flightNumber": complaint.flightNumber,
    "complaint.rootCause": complaint.rootCause ? localizedName(customerLocale, complaint.rootCause) : null,
    "complaint.resolutionSummary": complaint.resolutionSummary,
    "complaint.trackingUrl": trackingLinkFor(complaint.reference),
    "compensation.amount": granted?.amount,
    "agent.name": user.name,
  };
  const templates = templateRows.map((row) => renderReplyTemplate(row, customerLocale, values));
  // Scripts (话术) among the suggested articles, in the customer's language with placeholders filled, for the composer.
  const scripts = suggestions
    .filter((article) => article.kind === "script")
    .map((article) => scriptForReply(article, customerLocale, values));
  const timeline = presentTimeline(complaint.events, { locale, names, options });
  const rootCauses = options.rootCauses
    .filter((cause) => cause.categoryId === null || cause.categoryId === complaint.categoryId)
    .map((cause) => ({ id: cause.id, name: localizedName(locale, cause), generic: cause.categoryId === null }));

  const open = !CLOSED_FOR_MESSAGES.has(complaint.status);
  const composerKinds = [
    ...(can(actor, "complaint.reply") && open ? (["reply"] as const) : []),
    ...(can(actor, "complaint.update") ? (["note"] as const) : []),
    ...(can(actor, "complaint.reply") && open ? (["call"] as const) : []),
  ];
  const teamId = complaint.team?.id ?? null;
  const canTake =
    can(actor, "complaint.transition") && !complaint.assignee && teamId !== null && actor.teamIds.includes(teamId);
  const canReassign = can(actor, "complaint.assign") || complaint.assignee?.id === user.id;
  const canEdit = can(actor, "complaint.update") && complaint.status !== "closed" && complaint.status !== "duplicate";
  const named = (rows: { id: number; nameZh: string; nameEn: string }[]) =>
    rows.map((row) => ({ id: row.id, name: localizedName(locale, row) }));

  const actions = (
    <>
      {can(actor, "complaint.transition") ? (
        <TransitionButtons
          reference={complaint.reference}
          version={complaint.version}
          allowed={complaint.allowedTransitions}
          canReopen={can(actor, "complaint.reopen")}
          rootCauses={rootCauses}
          responsible={{ party: complaint.responsibleParty, departmentId: complaint.responsibleDepartmentId }}
          departments={departments.map((row) => ({
            id: row.id,
            label: localizedName(locale, row),
            supplier: row.kind === "supplier",
          }))}
        />
      ) : null}
      <AssignControl
        reference={complaint.reference}
        version={complaint.version}
        currentUserId={user.id}
        assigneeId={complaint.assignee?.id ?? null}
        members={members}
        canTake={canTake}
        canReassign={canReassign}
      />
      {can(actor, "complaint.update") && isOpen(complaint.status) && complaint.escalationLevel < 4 ? (
        <EscalateButton
          reference={complaint.reference}
          version={complaint.version}
          level={complaint.escalationLevel}
          departments={escalationDepartments.map((row) => ({ id: row.id, label: localizedName(locale, row) }))}
        />
      ) : null}
      {canEdit ? (
        <EditDialog
          reference={complaint.reference}
          version={complaint.version}
          values={{
            categoryId: complaint.categoryId,
            subcategoryId: complaint.subcategoryId,
            touchpointId: complaint.touchpointId,
            severityId: complaint.severityId,
            priority: complaint.priority,
            subject: complaint.subject,
            description: complaint.description,
            bookingReference: complaint.bookingReference,
            flightNumber: complaint.flightNumber,
            serviceDate: complaint.serviceDate ? complaint.serviceDate.toISOString().slice(0, 10) : null,
          }}
          options={{
            categories: options.categories.map((row) => ({
              id: row.id,
              parentId: row.parentId,
              name: localizedName(locale, row),
            })),
            touchpoints: named(options.touchpoints),
            severities: named(options.severities),
          }}
        />
      ) : null}
    </>
  );

  return (
    <div className="flex flex-col gap-6" data-testid="complaint-workspace" data-version={complaint.version}>
      <ComplaintHeader complaint={complaint} locale={locale} now={now} actions={actions} />
      {incident ? <IncidentBanner incident={incident} /> : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("description")}</CardTitle>
            </CardHeader>
            <CardContent>
              <p className="text-sm whitespace-pre-wrap text-slate-800">{complaint.description}</p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("timeline.title")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-6">
              <Timeline items={timeline} now={now} />
              <div className="border-t border-slate-100 pt-4">
                <Composer
                  reference={complaint.reference}
                  version={complaint.version}
                  uiLocale={locale}
                  customerLocale={customerLocale}
                  templates={templates}
                  kinds={composerKinds}
                  replyChannel={complaint.replyChannel}
                  replySms={replySms}
                  scripts={scripts}
                  regulatorClockOpen={complaint.slaClocks.some(
                    (clock) => clock.kind === "regulator" && !clock.fulfilledAt && !clock.cancelledAt,
                  )}
                />
              </div>
            </CardContent>
          </Card>
        </div>
        <aside className="flex flex-col gap-6">
          <CustomerPanel
            customer={customer}
            currentComplaintId={complaint.id}
            locale={locale}
            canRevealPii={can(actor, "pii.view")}
            context={`complaint:${complaint.reference}`}
          />
          <CompensationPanel
            reference={complaint.reference}
            complaintId={complaint.id}
            compensations={compensationList}
            decidableIds={pending.filter((row) => row.complaintId === complaint.id).map((row) => row.id)}
            approverRoleById={hints.approverRoleById}
            ownLimit={hints.ownLimit}
            canPropose={can(actor, "compensation.propose") && isOpen(complaint.status)}
            canIssue={can(actor, "compensation.propose")}
          />
          {can(actor, "survey.read") ? (
            <SurveyPanel
              reference={complaint.reference}
              survey={survey}
              reasonNames={reasonNames}
              canReopenHint={can(actor, "complaint.reopen") && complaint.allowedTransitions.includes("reopened")}
              canRecordPhone={
                mayRecordPhoneSurvey(actor) &&
                phoneSurveyBlocker({ status: complaint.status, customer: { anonymizedAt: null } }, survey) === null
              }
            />
          ) : null}
          {can(actor, "investigation.request") ? (
            <InvestigationPanel
              reference={complaint.reference}
              canRequest={isOpen(complaint.status)}
              requests={investigations.map((row) => ({
                ...row,
                departmentName: localizedName(locale, row.department),
                requestedByName: row.requestedBy?.name ?? null,
                answers: row.answers.map((answer) => ({
                  ...answer,
                  responsibleDepartmentName: answer.responsibleDepartment
                    ? localizedName(locale, answer.responsibleDepartment)
                    : null,
                })),
              }))}
              departments={departments.map((row) => ({
                id: row.id,
                label: localizedName(locale, row),
                days: { urgent: row.urgentDays, normal: row.normalDays, investigation: row.investigationDays },
              }))}
              shareableEvents={complaint.events
                .filter((event) => ["note", "reply", "call", "customer_message"].includes(event.kind) && event.body)
                .map((event) => ({ id: event.id, label: (event.body ?? "").slice(0, 140) }))}
              shareableAttachments={(attachments ?? []).map((file) => ({ id: file.id, label: file.fileName }))}
            />
          ) : null}
          {can(actor, "knowledge.read") ? (
            <SuggestedArticles
              articles={suggestions}
              complaintId={complaint.id}
              locale={locale}
              filledScripts={Object.fromEntries(scripts.map((script) => [script.id, script.body]))}
            />
          ) : null}
          <AttachmentsPanel
            reference={complaint.reference}
            attachments={attachments}
            canUpload={can(actor, "complaint.update") && complaint.status !== "duplicate"}
          />
        </aside>
      </div>
    </div>
  );
}
