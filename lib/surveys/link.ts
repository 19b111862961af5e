// The agent's "copy survey link" (for SMS or a phone call): the token is derived again, never stored, and every copy
// is audited because the link lets anyone holding it answer in the customer's name.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { complaintScope } from "@/lib/complaints/scope";
import { keyWhere, type ComplaintKey } from "@/lib/complaints/load";
import { deriveSurveyToken, surveyUrl } from "@/lib/surveys/token";

export async function copySurveyLink(
  actor: Actor,
  key: ComplaintKey,
  now = new Date(),
): Promise<Result<{ url: string }>> {
  if (!can(actor, "survey.read") || !can(actor, "complaint.read"))
    return fail("forbidden", "You may not see survey links.");
  return db.$transaction(async (tx) => {
    const complaint = await tx.complaint.findFirst({
      where: { ...keyWhere(key), ...complaintScope(actor) },
      select: { id: true, status: true },
    });
    if (!complaint) return fail("not_found", "No such complaint.");
    const survey = await tx.survey.findFirst({
      where: { complaintId: complaint.id },
      orderBy: { id: "desc" },
      select: { id: true, status: true, scheduledAt: true, expiresAt: true },
    });
    if (!survey) return fail("not_found", "This complaint has no survey.");
    const open = (survey.status === "sent" || survey.status === "scheduled") && survey.expiresAt > now;
    const changeable = survey.status === "answered" && complaint.status !== "closed";
    if (!open && !changeable) return fail("unprocessable", "The survey is no longer open.");
    const { token } = deriveSurveyToken({ complaintId: complaint.id, scheduledAt: survey.scheduledAt });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "survey.link_copied",
      entityType: "survey",
      entityId: String(survey.id),
      changes: { complaintId: complaint.id },
    });
    return { ok: true as const, url: surveyUrl(token) };
  });
}
