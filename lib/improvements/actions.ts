"use server";
// Server actions of the improvement pages: thin adapters over lib/improvements/service.ts.
import { actionArg, defineAction } from "@/lib/actions/define";
import { createImprovement, linkComplaints, unlinkComplaint, updateImprovement } from "@/lib/improvements/service";

const permission = "improvement.manage" as const;

export const createImprovementAction = defineAction(
  { name: "createImprovementAction", permission, args: [actionArg.input], revalidate: ["/improvements"] },
  (actor, input) => createImprovement(actor, input),
);

export const updateImprovementAction = defineAction(
  {
    name: "updateImprovementAction",
    permission,
    args: [actionArg.id, actionArg.input],
    revalidate: [["/improvements", "layout"]],
  },
  (actor, id, input) => updateImprovement(actor, id, input),
);

export const linkComplaintsAction = defineAction(
  {
    name: "linkComplaintsAction",
    permission,
    args: [actionArg.id, actionArg.input],
    revalidate: (_result, id) => [`/improvements/${id}`],
  },
  (actor, id, input) => linkComplaints(actor, id, input),
);

export const unlinkComplaintAction = defineAction(
  {
    name: "unlinkComplaintAction",
    permission,
    args: [actionArg.id, actionArg.id],
    revalidate: (_result, id) => [`/improvements/${id}`],
  },
  (actor, id, complaintId) => unlinkComplaint(actor, id, complaintId),
);
