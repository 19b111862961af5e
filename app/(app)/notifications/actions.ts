"use server";
// Server actions of the notification centre (bell dropdown and the full list): always the signed-in user's own.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { fail, type Result } from "@/lib/errors";
import { listNotifications, markRead, unreadCount, type NotificationRow } from "@/lib/notifications/service";
import { actionArg, guardAction } from "@/lib/actions/guard";

export type NotificationSummary = { unread: number; latest: NotificationRow[] };

const BELL_SIZE = 10;

/** The bell's data: unread count and the latest notifications (called when it opens and after navigation). */
export const notificationSummaryAction = guardAction("notificationSummaryAction", z.tuple([]), async (): Promise<NotificationSummary> => {
  const user = await requireUser();
  const [unread, latest] = await Promise.all([unreadCount(user.id), listNotifications(user.id, { limit: BELL_SIZE })]);
  return { unread, latest: latest.rows };
}, () => ({ unread: 0, latest: [] }));

const idsSchema = z.union([z.literal("all"), z.array(z.number().int().positive().max(2_147_483_647)).max(100)]);

export const markReadAction = guardAction("markReadAction", z.tuple([actionArg.input]), async (ids: unknown): Promise<Result<{ changed: number; unread: number }>> => {
  const user = await requireUser();
  const parsed = idsSchema.safeParse(ids);
  if (!parsed.success) return fail("invalid", "Invalid notification ids.");
  const changed = await markRead(user.id, parsed.data);
  if (changed > 0) revalidatePath("/notifications");
  return { ok: true, changed, unread: await unreadCount(user.id) };
});
