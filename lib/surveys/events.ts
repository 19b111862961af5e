// Survey milestones on the complaint timeline (sent, reminded, answered, expired, skipped), written in the
// transaction of the change they record. Internal: the customer's tracking page does not show them.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type SurveyEventKind =
  "survey_sent" | "survey_reminded" | "survey_answered" | "survey_expired" | "survey_skipped";

type SurveyEvent = {
  complaintId: number;
  kind: SurveyEventKind;
  now: Date;
  actorId?: number | null;
  actorType?: "user" | "system" | "customer";
  body?: string | null;
  data: Prisma.InputJsonObject;
};

export async function recordSurveyEvent(tx: Tx, event: SurveyEvent) {
  await tx.complaintEvent.create({
    data: {
      complaintId: event.complaintId,
      kind: event.kind,
      visibility: "internal",
      actorType: event.actorType ?? (event.actorId ? "user" : "system"),
      actorId: event.actorId ?? null,
      body: event.body ?? null,
      data: event.data,
      createdAt: event.now,
    },
  });
}
