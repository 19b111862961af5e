import type { Browser, Page } from "@playwright/test";
import { expect, loginAs, test, withDb } from "./fixtures";

// The complaint workspace: an agent's working day on one complaint (note, templated reply, compensation above the
// limit approved by the supervisor, resolution), and two people editing the same complaint.

/** Open complaints of the demo agent, in progress, oldest first; each test takes a different one. */
async function agentComplaintInProgress(offset: number): Promise<string> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ reference: string }>(
      `SELECT c.reference FROM complaints c JOIN users u ON u.id = c."assigneeId"
       WHERE u.email = 'agent@skyline.example' AND c.status = 'in_progress'
       ORDER BY c.id LIMIT 1 OFFSET $1`,
      [offset],
    );
    const reference = rows[0]?.reference;
    if (!reference) throw new Error("the demo agent has no complaint in progress");
    return reference;
  });
}

async function signInAgain(page: Page, role: "agent" | "supervisor") {
  await page.context().clearCookies({ name: /next-auth/ });
  await loginAs(page, role);
}

test.describe("complaint workspace (English)", () => {
  test.use({ locale: "en-US" });

  test("agent notes, replies with a template, proposes compensation; supervisor approves; agent resolves", async ({
    page,
  }) => {
    const reference = await agentComplaintInProgress(0);
    await loginAs(page, "agent");
    await page.goto(`/complaints/${reference}`);
    await expect(page.getByTestId("complaint-reference")).toHaveText(reference);
    const timeline = page.getByTestId("timeline");
    const composer = page.getByTestId("composer");

    // Internal note: only colleagues see it, shown as internal.
    await composer.getByRole("tab", { name: "Internal note" }).click();
    await composer
      .getByRole("textbox", { name: "Internal note" })
      .fill("Checked the catering manifest with the station.");
    await composer.getByTestId("composer-submit").click();
    await expect(timeline.locator('[data-kind="note"][data-visibility="internal"]').last()).toContainText(
      "Checked the catering manifest",
    );

    // Reply from a template: placeholders filled, e-mailed in the customer's language.
    await composer.getByRole("tab", { name: "Reply to customer" }).click();
    await expect(composer.getByTestId("reply-language")).toBeVisible();
    const repliesBefore = await timeline.locator('[data-kind="reply"]').count();
    await composer.getByTestId("template-select").selectOption({ index: 1 });
    const body = composer.getByRole("textbox", { name: "Reply", exact: true });
    await expect(body).not.toHaveValue("");
    await expect(body).not.toHaveValue(/\{\{customer\.name\}\}|\{\{agent\.name\}\}/);
    await body.press("Control+Enter");
    await expect(timeline.locator('[data-kind="reply"][data-visibility="customer"]')).toHaveCount(repliesBefore + 1);
    await expect(body).toHaveValue("");
    const replyEmails = await withDb(async (db) => {
      const { rows } = await db.query<{ count: string }>(
        `SELECT count(*) FROM outbound_emails e JOIN complaints c ON c.id = e."complaintId" WHERE c.reference = $1 AND e.kind = 'reply'`,
        [reference],
      );
      return Number(rows[0]?.count ?? 0);
    });
    expect(replyEmails).toBeGreaterThan(0);

    // Compensation above the agent's limit (500 CNY) waits for a supervisor.
    const compensation = page.getByTestId("compensation-panel");
    await compensation.getByTestId("propose-compensation").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Kind").selectOption("voucher");
    await dialog.getByLabel("Amount").fill("1200");
    await expect(dialog.getByTestId("needs-approval-hint")).toBeVisible();
    await dialog.getByLabel("Reason").fill("Special meal not loaded; goodwill voucher.");
    await dialog.getByTestId("propose-submit").click();
    const proposed = compensation.locator('[data-testid="compensation-row"][data-status="proposed"]').last();
    await expect(proposed).toContainText("1,200.00 CNY");
    await expect(proposed.getByTestId("awaiting-approval")).toContainText("Awaiting approval");

    // The supervisor approves it.
    await signInAgain(page, "supervisor");
    await page.goto(`/complaints/${reference}`);
    const row = page
      .getByTestId("compensation-panel")
      .locator('[data-testid="compensation-row"][data-status="proposed"]')
      .last();
    await row.getByTestId("approve-compensation").click();
    await page.getByRole("dialog").getByTestId("decide-submit").click();
    await expect(page.getByTestId("compensation-panel").locator('[data-status="approved"]').last()).toContainText(
      "1,200.00 CNY",
    );

    // The agent resolves with a root cause and a summary.
    await signInAgain(page, "agent");
    await page.goto(`/complaints/${reference}`);
    await page.getByTestId("transition-resolved").click();
    const resolve = page.getByRole("dialog");
    await resolve.getByLabel("Root cause").selectOption({ index: 1 });
    await resolve.getByLabel("Resolution summary").fill("Apologised, voucher of 1,200 CNY approved and sent.");
    await resolve.getByTestId("transition-submit").click();
    await expect(page.getByTestId("complaint-status")).toContainText("Resolved");
    await expect(timeline.locator('[data-kind="status_changed"]').last()).toContainText("to Resolved");
  });

  test("a complaint outside the agent's teams is not found", async ({ page }) => {
    const reference = await withDb(async (db) => {
      const { rows } = await db.query<{ reference: string }>(
        `SELECT c.reference FROM complaints c JOIN teams t ON t.id = c."teamId"
         WHERE t.code <> 'phone-care' AND (c."assigneeId" IS NULL OR c."assigneeId" <> (SELECT id FROM users WHERE email = 'agent@skyline.example'))
         ORDER BY c.id LIMIT 1`,
      );
      return rows[0]?.reference ?? "CMP-2026-999999";
    });
    await loginAs(page, "agent");
    // Fetched rather than navigated: the browser would log the 404 as a console error.
    const response = await page.request.get(`/complaints/${reference}`);
    expect(response.status()).toBe(404);
  });
});

async function agentPage(browser: Browser, reference: string) {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await loginAs(page, "agent");
  await page.goto(`/complaints/${reference}`);
  await expect(page.getByTestId("complaint-workspace")).toBeVisible();
  return { context, page };
}

test.describe("complaint workspace (中文)", () => {
  test("the second of two editors gets a conflict naming the other change, never a silent overwrite", async ({
    browser,
  }) => {
    const reference = await agentComplaintInProgress(1);
    const first = await agentPage(browser, reference);
    const second = await agentPage(browser, reference);

    // First tab: waiting for the customer.
    await first.page.getByTestId("transition-pending_customer").click();
    await first.page.getByRole("dialog").getByTestId("transition-submit").click();
    await expect(first.page.getByTestId("complaint-status")).toContainText("待客户回复");

    // Second tab, still on the old version: adding a note is refused with who changed what.
    const composer = second.page.getByTestId("composer");
    await composer.getByRole("tab", { name: "内部备注" }).click();
    await composer.getByRole("textbox", { name: "内部备注" }).fill("这条备注基于旧版本");
    await composer.getByTestId("composer-submit").click();
    const notice = second.page.getByTestId("conflict-notice");
    await expect(notice).toContainText("李娜");
    await expect(notice).toContainText("待客户回复");
    const notesBefore = await withDb(async (db) => {
      const { rows } = await db.query<{ count: string }>(
        `SELECT count(*) FROM complaint_events e JOIN complaints c ON c.id = e."complaintId" WHERE c.reference = $1 AND e.body = '这条备注基于旧版本'`,
        [reference],
      );
      return Number(rows[0]?.count ?? 0);
    });
    expect(notesBefore).toBe(0);

    // Reload: the status change is shown and the note goes through on the current version.
    await notice.getByRole("button", { name: "刷新" }).click();
    await expect(second.page.getByTestId("complaint-status")).toContainText("待客户回复");
    await expect(notice).toBeHidden();
    await composer.getByTestId("composer-submit").click();
    await expect(second.page.getByTestId("timeline").locator('[data-kind="note"]').last()).toContainText(
      "这条备注基于旧版本",
    );

    await first.context.close();
    await second.context.close();
  });
});
