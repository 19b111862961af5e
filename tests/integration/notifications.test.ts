// In-app notifications (list, unread count, mark read) and the per-user e-mail digest.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listNotifications, markRead, notify, unreadCount } from "@/lib/notifications/service";
import { sendNotificationDigests } from "@/lib/notifications/digest";
import { processDueClocks } from "@/lib/sla/sweeper";
import { makeStaff } from "./factories";
import { insertDueComplaints, makeSlaWorld, MINUTE, type SlaWorld } from "./sla-fixtures";

const T0 = new Date("2026-11-20T02:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
const APP_URL = "https://csm.test";
let world: SlaWorld;

beforeAll(async () => {
  world = await makeSlaWorld();
});

describe("notification centre", () => {
  it("dedupes, lists newest first with a cursor, counts unread and marks read", async () => {
    const { user } = await makeStaff("agent");
    const first = await db.$transaction((tx) =>
      notify(tx, {
        userId: user.id,
        kind: "complaint.assigned",
        params: { reference: "CMP-2026-000001" },
        dedupeKey: "test:1",
      }),
    );
    const duplicate = await db.$transaction((tx) =>
      notify(tx, {
        userId: user.id,
        kind: "complaint.assigned",
        params: { reference: "CMP-2026-000001" },
        dedupeKey: "test:1",
      }),
    );
    expect(first).not.toBeNull();
    expect(duplicate).toBeNull();
    for (let index = 2; index <= 5; index++) {
      await db.$transaction((tx) =>
        notify(tx, { userId: user.id, kind: "sla.warning", params: { reference: `CMP-2026-00000${index}` } }),
      );
    }
    expect(await unreadCount(user.id)).toBe(5);

    const page1 = await listNotifications(user.id, { limit: 3 });
    expect(page1.rows.map((row) => row.params)).toEqual([
      { reference: "CMP-2026-000005" },
      { reference: "CMP-2026-000004" },
      { reference: "CMP-2026-000003" },
    ]);
    const page2 = await listNotifications(user.id, { limit: 3, cursor: page1.nextCursor });
    expect(page2.rows).toHaveLength(2);
    expect(page2.nextCursor).toBeNull();

    expect(await markRead(user.id, [page1.rows[0]?.id ?? 0, page1.rows[1]?.id ?? 0])).toBe(2);
    expect(await markRead(world.agent.user.id, [page1.rows[2]?.id ?? 0])).toBe(0); // not theirs
    expect(await unreadCount(user.id)).toBe(3);
    expect((await listNotifications(user.id, { unreadOnly: true })).rows).toHaveLength(3);
    expect(await markRead(user.id, "all")).toBe(3);
    expect(await unreadCount(user.id)).toBe(0);
  });
});

describe("e-mail digests", () => {
  it("30 complaints breaching at once send their new owner exactly one digest e-mail, in their language", async () => {
    await db.user.update({ where: { id: world.supervisor.user.id }, data: { locale: "en" } });
    const ids = await insertDueComplaints(world, 30, [{ kind: "resolution", dueAt: at(60) }]);
    expect(await processDueClocks({ now: at(61), batchSize: 7 })).toMatchObject({ breached: 30, escalated: 30 });
    expect(await db.notification.count({ where: { userId: world.supervisor.user.id, complaintId: { in: ids } } })).toBe(
      30,
    );

    // Within the settling window nothing goes out yet: the sweep may still be escalating.
    expect(await sendNotificationDigests({ now: at(61), appUrl: APP_URL })).toEqual({ emails: 0, notifications: 0 });
    const result = await sendNotificationDigests({ now: at(62), appUrl: APP_URL });
    expect(result).toEqual({ emails: 1, notifications: 30 });
    const emails = await db.outboundEmail.findMany({ where: { to: world.supervisor.user.email } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ kind: "notification_digest", subject: "30 complaints breached their SLA" });
    expect(emails[0]?.text).toContain(`${APP_URL}/complaints/`);
    expect(emails[0]?.text.match(/breached its SLA and was escalated to you \(L2\)/g)).toHaveLength(30);

    // Marked as e-mailed: the next run sends nothing more; they stay unread in the notification centre.
    expect(await sendNotificationDigests({ now: at(63), appUrl: APP_URL })).toEqual({ emails: 0, notifications: 0 });
    expect(await unreadCount(world.supervisor.user.id)).toBe(30);
  });

  it("one notification is one plain e-mail; already read ones are not e-mailed", async () => {
    const { user } = await makeStaff("agent", [world.team], "赵敏");
    const [read, unread] = await db.$transaction(async (tx) => [
      await notify(tx, {
        userId: user.id,
        kind: "complaint.assigned",
        params: { reference: "CMP-2026-000777", subject: "行李延误", by: "张伟" },
        now: at(0),
      }),
      await notify(tx, {
        userId: user.id,
        kind: "complaint.assigned",
        params: { reference: "CMP-2026-000778", subject: "餐食问题", by: "张伟" },
        now: at(0),
      }),
    ]);
    if (!read || !unread) throw new Error("not created");
    await markRead(user.id, [read.id]);
    expect(await sendNotificationDigests({ now: at(5), appUrl: APP_URL })).toEqual({ emails: 1, notifications: 1 });
    const email = await db.outboundEmail.findFirstOrThrow({ where: { to: user.email } });
    expect(email).toMatchObject({ kind: "notification", subject: "CMP-2026-000778「餐食问题」已由 张伟 分配给您" });
    expect(email.text).toContain(`${APP_URL}/complaints/CMP-2026-000778`);
  });
});
