"use server";
// Server actions of the reply-template admin page: thin adapters over lib/reference/reply-templates.ts.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import type { Result } from "@/lib/errors";
import { saveReplyTemplate, setReplyTemplateActive } from "@/lib/reference/reply-templates";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

export const saveReplyTemplateAction = guardAction("saveReplyTemplateAction", z.tuple([actionArg.idOrNew, actionArg.input]), async (id: number | null, input: unknown): Promise<Result<{ id: number; version: string }>> => {
  const user = await requirePermission("admin.config");
  const result = await saveReplyTemplate(user.actor, id, input);
  if (result.ok) revalidatePath("/admin/reply-templates");
  return result;
});

export const setReplyTemplateActiveAction = guardAction("setReplyTemplateActiveAction", z.tuple([actionArg.id, actionArg.input]), async (id: number, input: unknown): Promise<Result<{ version: string }>> => {
  const user = await requirePermission("admin.config");
  const result = await setReplyTemplateActive(user.actor, id, input);
  if (result.ok) revalidatePath("/admin/reply-templates");
  return result;
});
