"use server";
// Server actions of the business calendar admin pages: thin adapters over lib/sla/admin.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import type { Result } from "@/lib/errors";
import { createCalendar, updateCalendar } from "@/lib/sla/admin/calendar-service";
import { previewCalendarDraft } from "@/lib/sla/admin/preview-service";
import type { CalendarPreview } from "@/lib/sla/admin/preview";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

type Saved = Result<{ calendar: { id: number; code: string; updatedAt: string } }>;

/** Creates the calendar when `id` is null, else updates it from the version the form loaded. */
export const saveCalendarAction = guardAction("saveCalendarAction", z.tuple([actionArg.idOrNew, actionArg.input]), async (id: number | null, input: unknown): Promise<Saved> => {
  const user = await requirePermission("admin.config");
  const result = id === null ? await createCalendar(user.actor, input) : await updateCalendar(user.actor, id, input);
  if (result.ok) {
    revalidatePath("/admin/calendars", "layout");
    revalidatePath("/admin/sla", "layout");
  }
  return result;
});

export const previewCalendarAction = guardAction("previewCalendarAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ preview: CalendarPreview }>> => {
  const user = await requirePermission("admin.config");
  return previewCalendarDraft(user.actor, input);
});
