// Demo department investigations (issue 18): the demo liaison answers for two departments (heading one); requests in
// every state — waiting, waiting and overdue, answered, returned and waiting again, accepted with a responsible party.
import type { Tx } from "../../../lib/db";
import type { ResponsibleParty } from "../../../lib/generated/prisma/enums";

const DAY = 86_400_000;

export async function seedInvestigations(
  tx: Tx,
  input: { liaisonId: number; requesterId: number; now: Date },
): Promise<number> {
  const { liaisonId, requesterId, now } = input;
  const departments = await tx.department.findMany({
    where: { active: true },
    orderBy: { sortOrder: "asc" },
    select: { id: true, nameZh: true, nameEn: true, kind: true },
  });
  if (departments.length < 3) return 0;
  const [first, second, third] = departments as [
    (typeof departments)[number],
    (typeof departments)[number],
    (typeof departments)[number],
  ];
  await tx.departmentLiaison.createMany({
    data: [first, second].map((department) => ({ departmentId: department.id, userId: liaisonId })),
  });
  await tx.department.update({ where: { id: first.id }, data: { headId: liaisonId } });

  const open = await tx.complaint.findMany({
    where: { status: { in: ["in_progress", "acknowledged"] } },
    orderBy: { id: "desc" },
    take: 4,
    select: { id: true },
  });
  const resolved = await tx.complaint.findMany({
    where: { status: { in: ["resolved", "closed"] }, resolvedAt: { not: null } },
    orderBy: { id: "desc" },
    take: 12,
    select: { id: true, resolvedAt: true },
  });
  let count = 0;
  const question = "请核实旅客所述情况（时间、经过、责任），并给出处理建议。";
  const create = async (
    complaintId: number,
    departmentId: number,
    data: {
      status: "open" | "answered" | "accepted";
      round?: number;
      startedAt: Date;
      dueAt: Date;
      breachedAt?: Date | null;
    },
  ) => {
    count += 1;
    return tx.investigationRequest.create({
      data: {
        complaintId,
        departmentId,
        requestedById: requesterId,
        urgency: "normal",
        question,
        warnAt: new Date(data.startedAt.getTime() + (data.dueAt.getTime() - data.startedAt.getTime()) * 0.75),
        createdAt: data.startedAt,
        ...data,
      },
      select: { id: true },
    });
  };
  const answer = (
    requestId: number,
    round: number,
    at: Date,
    party: ResponsibleParty,
    departmentId: number | null,
    onTime: boolean,
    decision: string | null,
  ) =>
    tx.investigationAnswer.create({
      data: {
        requestId,
        round,
        authorId: liaisonId,
        createdAt: at,
        onTime,
        answerMinutes: 36 * 60,
        decision,
        decidedById: decision ? requesterId : null,
        decidedAt: decision ? at : null,
        findings: "经核查监控与交接记录，情况属实。",
        cause: party === "weather" ? "天气原因导致航班延误。" : "交接流程未按规定执行。",
        responsibleParty: party,
        responsibleDepartmentId: departmentId,
        proposedRemedy: "向旅客致歉并加强班组培训。",
        compensationSuggestion: party === "weather" ? null : "建议补偿 500 里程",
        decisionReason: decision === "returned" ? "请补充具体时间节点。" : null,
      },
    });
  const [a, b, c, d] = open;
  if (a)
    await create(a.id, first.id, {
      status: "open",
      startedAt: new Date(now.getTime() - DAY),
      dueAt: new Date(now.getTime() + 2 * DAY),
    });
  if (b)
    await create(b.id, second.id, {
      status: "open",
      startedAt: new Date(now.getTime() - 6 * DAY),
      dueAt: new Date(now.getTime() - DAY),
      breachedAt: new Date(now.getTime() - DAY),
    });
  if (c) {
    const request = await create(c.id, first.id, {
      status: "answered",
      startedAt: new Date(now.getTime() - 3 * DAY),
      dueAt: new Date(now.getTime() + DAY),
    });
    await answer(request.id, 1, new Date(now.getTime() - DAY), "department", first.id, true, null);
  }
  if (d) {
    const request = await create(d.id, second.id, {
      status: "open",
      round: 2,
      startedAt: new Date(now.getTime() - DAY),
      dueAt: new Date(now.getTime() + 2 * DAY),
    });
    await answer(request.id, 1, new Date(now.getTime() - DAY), "department", second.id, true, "returned");
  }
  // Accepted answers on resolved complaints: the Pareto by responsible department has something to show.
  const parties: { party: ResponsibleParty; department: number | null }[] = [
    { party: "department", department: first.id },
    { party: "department", department: first.id },
    { party: "department", department: first.id },
    { party: "department", department: second.id },
    { party: "department", department: second.id },
    { party: "department", department: third.id },
    { party: "weather", department: null },
    { party: "atc", department: null },
    { party: "customer", department: null },
    { party: "department", department: first.id },
    { party: "department", department: second.id },
    { party: "supplier", department: (departments.find((row) => row.kind === "supplier") ?? third).id },
  ];
  for (const [index, complaint] of resolved.entries()) {
    const pick = parties[index % parties.length]!;
    const at = new Date((complaint.resolvedAt ?? now).getTime() - DAY);
    const asked = index % 2 === 0 ? first.id : second.id;
    const request = await create(complaint.id, asked, {
      status: "accepted",
      startedAt: new Date(at.getTime() - 2 * DAY),
      dueAt: new Date(at.getTime() + (index % 4 === 0 ? -DAY : DAY)),
    });
    await answer(request.id, 1, at, pick.party, pick.department, index % 4 !== 0, "accepted");
    await tx.investigationRequest.update({ where: { id: request.id }, data: { acceptedAt: at, answeredAt: at } });
    await tx.complaint.update({
      where: { id: complaint.id },
      data: { responsibleParty: pick.party, responsibleDepartmentId: pick.department },
    });
  }
  return count;
}
