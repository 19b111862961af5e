"use server";
// Server action of the set-up page: a thin adapter over lib/setup/industry-template.ts.
import { actionArg, defineAction } from "@/lib/actions/define";
import { applyIndustryTemplate } from "@/lib/setup/industry-template";

export const applyIndustryTemplateAction = defineAction(
  {
    name: "applyIndustryTemplateAction",
    permission: "admin.config",
    args: [actionArg.code],
    revalidate: [["/", "layout"]],
  },
  (actor, code) => applyIndustryTemplate(actor, code),
);
