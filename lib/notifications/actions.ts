"use server";
// Server actions of the notification centre (bell dropdown and the full list): always the signed-in user's own.
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { MAX_INT4 } from "@/lib/validation";
import { listNotifications, markRead, unreadCount, type NotificationRow } from "@/lib/notifications/service";

export type NotificationSummary = { unread: number; latest: NotificationRow[] };

const BELL_SIZE = 10;

/** The bell's data: unread count and the latest notifications (called when it opens and after navigation). */
export const notificationSummaryAction = defineAction(
  { name: "notificationSummaryAction", refused: (): NotificationSummary => ({ unread: 0, latest: [] }) },
  async (actor): Promise<NotificationSummary> => {
    const [unread, latest] = await Promise.all([
      unreadCount(actor.userId),
      listNotifications(actor.userId, { limit: BELL_SIZE }),
    ]);
    return { unread, latest: latest.rows };
  },
);

const changedAny = (result: unknown) =>
  typeof result === "object" &&
  result !== null &&
  "changed" in result &&
  typeof result.changed === "number" &&
  result.changed > 0;

const idsSchema = z.union([z.literal("all"), z.array(z.number().int().positive().max(MAX_INT4)).max(100)]);

export const markReadAction = defineAction(
  { name: "markReadAction", schema: idsSchema, revalidate: (result) => (changedAny(result) ? ["/notifications"] : []) },
  async (actor, ids) => {
    const changed = await markRead(actor.userId, ids);
    return { ok: true as const, changed, unread: await unreadCount(actor.userId) };
  },
);
