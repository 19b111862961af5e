import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
import { expect, loginAs, test, withDb } from "./fixtures";

const run = promisify(execFile);

// Escalations end to end: a complaint breaches its resolution SLA, the sweeper escalates it to the team supervisor,
// who reassigns it from the inbox, and the new assignee (the demo agent) is notified. In Chinese: an agent escalates
// a complaint by hand and the supervisor acknowledges it.

/**
 * An open, not yet escalated Phone Care complaint with a running resolution clock and no other clock due within the
 * hour (so exactly one breach, hence exactly one level), handed to a colleague of the demo agent.
 */
async function breachableComplaint(): Promise<{ id: number; reference: string }> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ id: number; reference: string }>(
      `SELECT c.id, c.reference FROM complaints c JOIN teams t ON t.id = c."teamId"
       WHERE t.code = 'phone-care' AND c.status IN ('acknowledged', 'in_progress') AND c."escalationLevel" = 1 AND NOT c."slaBreached"
         AND EXISTS (SELECT 1 FROM sla_clocks k WHERE k."complaintId" = c.id AND k.kind = 'resolution'
                     AND k."fulfilledAt" IS NULL AND k."cancelledAt" IS NULL AND k."pausedAt" IS NULL AND k."breachedAt" IS NULL)
         AND NOT EXISTS (SELECT 1 FROM sla_clocks k WHERE k."complaintId" = c.id AND k.kind <> 'resolution'
                     AND k."fulfilledAt" IS NULL AND k."cancelledAt" IS NULL AND k."breachedAt" IS NULL AND k."dueAt" <= now() + interval '1 hour')
         AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e."complaintId" = c.id)
       ORDER BY c.id DESC LIMIT 1`,
    );
    const complaint = rows[0];
    if (!complaint) throw new Error("no open Phone Care complaint to breach");
    await db.query(
      `UPDATE complaints SET "assigneeId" = (SELECT id FROM users WHERE email = 'zhou.ting@skyline.example') WHERE id = $1`,
      [complaint.id],
    );
    return complaint;
  });
}

/** Moves the complaint's resolution clock into the past, as if its deadline had passed unnoticed. */
async function makeOverdue(complaintId: number) {
  await withDb(async (db) => {
    await db.query(
      `UPDATE sla_clocks SET "dueAt" = now() - interval '2 minutes', "warnAt" = now() - interval '30 minutes'
       WHERE "complaintId" = $1 AND kind = 'resolution'`,
      [complaintId],
    );
    await db.query(
      `UPDATE complaints SET "resolutionDueAt" = now() - interval '2 minutes', "nextDueAt" = now() - interval '2 minutes' WHERE id = $1`,
      [complaintId],
    );
  });
}

/**
 * Runs the SLA sweeper once, as the app's every-minute job would (same code, same database), in a tsx child process:
 * Playwright's own loader cannot import the app's ESM Prisma client. If that fails, the app's job does it within a
 * minute; the callers wait for that.
 */
async function sweepNow() {
  const script =
    // A dynamic import: tsx's eval is ESM and sees the TypeScript module's exports under `default` (CommonJS interop).
    'import("./lib/sla/sweeper").then((m) => (m.processDueClocks ?? m.default.processDueClocks)()).then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });';
  try {
    await run(path.join("node_modules", ".bin", "tsx"), ["--require", "./scripts/lib/outside-next.cjs", "-e", script], {
      env: process.env,
      timeout: 60_000,
    });
  } catch (error) {
    console.warn("sweeping in a child process failed; waiting for the app's sweep job", error);
  }
}

async function switchUser(page: Page, role: "agent" | "supervisor") {
  await page.context().clearCookies({ name: /next-auth/ });
  await loginAs(page, role);
}

async function escalationRow(page: Page, reference: string) {
  const row = page.locator(`[data-testid="escalation-row"][data-reference="${reference}"]`);
  // The sweep may still be running (or be the app's own job): reload until the row is there.
  await expect(async () => {
    await page.goto("/escalations");
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000, 5_000] });
  return row;
}

test.describe("escalations (English)", () => {
  test.use({ locale: "en-US" });

  test("a breached complaint reaches the supervisor's inbox; reassigned, the agent is notified", async ({ page }) => {
    test.setTimeout(150_000);
    const complaint = await breachableComplaint();
    await makeOverdue(complaint.id);
    await sweepNow();

    await loginAs(page, "supervisor");
    const row = await escalationRow(page, complaint.reference);
    await expect(row).toContainText("SLA breach");
    await expect(row.getByTestId("escalation-level")).toHaveText("L2");
    await expect(row.getByTestId("escalation-outcome")).toHaveText("Open");

    // The supervisor (L2 owner) was notified of the escalation.
    await expect(page.getByTestId("notification-count")).toBeVisible();
    await page.getByTestId("notification-bell").click();
    await expect(page.getByTestId("notification-panel")).toContainText(
      `${complaint.reference} escalated to you (L2, SLA breach)`,
    );
    await page.keyboard.press("Escape");

    await row.getByTestId(`escalation-actions-${complaint.reference}`).click();
    await page.getByTestId("escalation-action-reassign").click();
    const dialog = page.getByTestId("escalation-dialog");
    await expect(dialog).toContainText(`Reassign ${complaint.reference}`);
    // Submitting without a choice shows the field error.
    await dialog.getByRole("button", { name: "Reassign" }).click();
    await expect(dialog).toContainText("This field is required.");
    await dialog.getByLabel("Team member").selectOption({ label: "李娜 Li Na" });
    await dialog.getByLabel("Note (optional)").fill("Li Na knows this customer; please call today.");
    await dialog.getByRole("button", { name: "Reassign" }).click();
    await expect(page.getByText("Complaint reassigned")).toBeVisible();
    await expect(row).toHaveCount(0);

    await page.getByTestId("escalation-tab-closed").click();
    await expect(
      page
        .locator(`[data-testid="escalation-row"][data-reference="${complaint.reference}"]`)
        .getByTestId("escalation-outcome"),
    ).toHaveText("Reassigned");

    // The agent sees the notification and follows it to the complaint, which marks it read.
    await switchUser(page, "agent");
    await page.goto("/");
    const count = page.getByTestId("notification-count");
    await expect(count).toBeVisible();
    const before = Number(await count.textContent());
    expect(before).toBeGreaterThanOrEqual(1);
    await page.getByTestId("notification-bell").click();
    const item = page
      .getByTestId("notification-panel")
      .getByTestId("notification-item")
      .filter({ hasText: `${complaint.reference} assigned to you by 王强 Wang Qiang` });
    await expect(item).toBeVisible();
    await item.click();
    await expect(page).toHaveURL(new RegExp(`/complaints/${complaint.reference}$`));
    await expect(page.getByTestId("complaint-reference")).toHaveText(complaint.reference);
    if (before === 1) await expect(count).toHaveCount(0);
    else await expect(count).toHaveText(String(before - 1));

    // The full list keeps it, read.
    await page.goto("/notifications");
    await expect(page.getByTestId("notification-list")).toContainText(
      `${complaint.reference} assigned to you by 王强 Wang Qiang`,
    );
  });
});

test.describe("escalations (Chinese)", () => {
  test.use({ locale: "zh-CN" });

  test("an agent escalates by hand; the supervisor acknowledges it", async ({ page }) => {
    const reference = await withDb(async (db) => {
      const { rows } = await db.query<{ reference: string }>(
        `SELECT c.reference FROM complaints c JOIN users u ON u.id = c."assigneeId"
         WHERE u.email = 'agent@skyline.example' AND c.status IN ('acknowledged', 'in_progress') AND c."escalationLevel" = 1
         ORDER BY c.id DESC LIMIT 1`,
      );
      if (!rows[0]) throw new Error("the demo agent has no open complaint at L1");
      return rows[0].reference;
    });
    await loginAs(page, "agent");
    await page.goto(`/complaints/${reference}`);
    await page.getByTestId("escalate-button").click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText(`升级 ${reference}`);
    await dialog.getByRole("button", { name: "升级", exact: true }).click();
    await expect(dialog).toContainText("此项为必填项");
    await dialog.getByLabel("升级原因").selectOption({ label: "客户要求" });
    await dialog.getByLabel("需要关注的问题").fill("客户要求主管今天回电，已两次来电催促。");
    await dialog.getByRole("button", { name: "升级", exact: true }).click();
    await expect(page.getByText("投诉已升至 L2")).toBeVisible();
    await expect(page.getByTestId("escalate-button")).toBeVisible();

    await switchUser(page, "supervisor");
    await page.goto("/escalations");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("升级工单");
    const row = page.locator(`[data-testid="escalation-row"][data-reference="${reference}"]`);
    await expect(row).toContainText("客户要求");
    await expect(row).toContainText("客户要求主管今天回电");
    await row.getByTestId(`escalation-actions-${reference}`).click();
    await page.getByTestId("escalation-action-acknowledge").click();
    await page.getByTestId("escalation-dialog").getByRole("button", { name: "确认" }).click();
    await expect(page.getByText("已确认升级")).toBeVisible();
    await expect(row.getByTestId("escalation-outcome")).toHaveText("已确认");

    await page.getByTestId("notification-bell").click();
    await expect(page.getByTestId("notification-panel")).toContainText(`${reference} 已升级给您（L2，客户要求）`);
  });
});
