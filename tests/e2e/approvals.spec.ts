import type { Page } from "@playwright/test";
import { deriveTrackingToken } from "../../lib/complaints/tracking-token";
import { expect, loginAs, test, withDb } from "./fixtures";

// Work that must not wait unseen (issue 15), in Chinese: an agent proposes compensation above their limit, the
// supervisor sees it on the home page, in the bell and in the approvals inbox and approves it there, and the agent is
// told; an agent finds a complaint they have just resolved by searching, and a full reference opens it.

const SHOTS = "test-results/screens";

/** Open complaints of the demo agent, in progress; each test takes a different one (other specs take the first). */
async function agentComplaintInProgress(offset: number): Promise<{ reference: string; customer: string }> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ reference: string; customer: string }>(
      `SELECT c.reference, cu.name AS customer FROM complaints c
       JOIN users u ON u.id = c."assigneeId" JOIN customers cu ON cu.id = c."customerId"
       WHERE u.email = 'agent@skyline.example' AND c.status = 'in_progress'
       ORDER BY c.id DESC LIMIT 1 OFFSET $1`,
      [offset],
    );
    const row = rows[0];
    if (!row) throw new Error("the demo agent has no complaint in progress");
    return row;
  });
}

async function signInAs(page: Page, role: "agent" | "supervisor" | "admin") {
  await page.context().clearCookies({ name: /next-auth/ });
  await loginAs(page, role);
}

test.describe("approvals and findability (中文)", () => {
  test.use({ locale: "zh-CN" });

  test("agent proposes above the limit → supervisor sees it in the inbox and the bell → approves → agent is notified", async ({
    page,
    baseURL,
  }) => {
    const { reference } = await agentComplaintInProgress(0);
    await loginAs(page, "agent");
    await page.goto(`/complaints/${reference}`);
    const compensation = page.getByTestId("compensation-panel");
    await compensation.getByTestId("propose-compensation").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("补偿方式").selectOption("voucher");
    await dialog.getByLabel("金额").fill("1500");
    await expect(dialog.getByTestId("needs-approval-hint")).toBeVisible();
    await dialog.getByLabel("理由").fill("行李破损，给予代金券补偿。");
    await dialog.getByTestId("propose-submit").click();
    await expect(compensation.locator('[data-testid="compensation-row"][data-status="proposed"]').last()).toContainText(
      "1,500.00 CNY",
    );

    // The supervisor: a count on the home page, the bell, and the inbox.
    await signInAs(page, "supervisor");
    await page.goto("/");
    await expect(page.getByTestId("home-approvals")).toContainText("项补偿提议待您审批");
    expect(Number(await page.getByTestId("home-approvals").getAttribute("data-count"))).toBeGreaterThan(0);
    await page.getByTestId("notification-bell").click();
    const panel = page.getByTestId("notification-panel");
    const bellItem = panel
      .locator('[data-testid="notification-item"][data-kind="compensation.awaiting_approval"]')
      .filter({ hasText: reference });
    await expect(bellItem.first()).toContainText("待您审批");
    await expect(bellItem.first()).toContainText("1,500.00 CNY");
    await expect(bellItem.first().getByTestId("notification-unread")).toHaveText("未读");
    await page.screenshot({ path: `${SHOTS}/approvals-bell-supervisor-zh.png` });
    await page.keyboard.press("Escape");

    await page.goto("/approvals");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("审批");
    const row = page.locator(`[data-testid="approval-row"][data-reference="${reference}"]`).last();
    await expect(row).toContainText("代金券");
    await expect(row).toContainText("1,500.00 CNY");
    await page.screenshot({ path: `${SHOTS}/approvals-inbox-zh.png`, fullPage: true });
    const rowsBefore = await page.locator(`[data-testid="approval-row"][data-reference="${reference}"]`).count();
    await row.getByTestId("approve-compensation").click();
    await page.getByRole("dialog").getByTestId("decide-submit").click();
    await expect(page.locator(`[data-testid="approval-row"][data-reference="${reference}"]`)).toHaveCount(
      rowsBefore - 1,
    );

    // The agent is told, in the bell.
    await signInAs(page, "agent");
    await page.goto("/");
    await page.getByTestId("notification-bell").click();
    const decided = page
      .getByTestId("notification-panel")
      .locator('[data-testid="notification-item"][data-kind="compensation.decided"]')
      .filter({ hasText: reference });
    await expect(decided.first()).toContainText("已由 王强 Wang Qiang 批准");
    await page.screenshot({ path: `${SHOTS}/approvals-bell-agent-zh.png` });

    // The same in English.
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL ?? "http://localhost:3100" }]);
    await page.goto("/");
    await page.getByTestId("notification-bell").click();
    await expect(
      page
        .getByTestId("notification-panel")
        .locator('[data-kind="compensation.decided"]')
        .filter({ hasText: reference })
        .first(),
    ).toContainText("was approved by 王强 Wang Qiang");
    await page.screenshot({ path: `${SHOTS}/approvals-bell-agent-en.png` });
    await signInAs(page, "supervisor");
    await page.goto("/");
    await expect(page.getByTestId("home-approvals")).toContainText(/awaits? your approval/);
    await page.goto("/approvals");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Approvals");
    await page.screenshot({ path: `${SHOTS}/approvals-inbox-en.png` });
  });

  test("search finds a just-resolved complaint; typing its full reference opens it", async ({ page }) => {
    const { reference, customer } = await agentComplaintInProgress(1);
    await loginAs(page, "agent");
    await page.goto(`/complaints/${reference}`);
    await page.getByTestId("transition-resolved").click();
    const resolve = page.getByRole("dialog");
    await resolve.getByLabel("根本原因").selectOption({ index: 1 });
    await resolve.getByLabel("处理结果").fill("已向旅客致歉并说明原因。");
    await resolve.getByTestId("transition-submit").click();
    await expect(page.getByTestId("complaint-status")).toContainText("已解决");

    // From "My open" (the default tab), by the customer's name.
    await page.goto("/complaints");
    await page.getByRole("searchbox").fill(customer);
    await page.getByRole("searchbox").press("Enter");
    await expect(page.getByTestId("queue-search-scope")).toBeVisible();
    await expect(page.getByRole("link", { name: reference })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/search-resolved-zh.png`, fullPage: true });

    // The full reference opens the complaint.
    await page.goto("/complaints");
    await page.getByRole("searchbox").fill(reference.toLowerCase());
    await page.getByRole("searchbox").press("Enter");
    await expect(page).toHaveURL(new RegExp(`/complaints/${reference}$`));
    await expect(page.getByTestId("complaint-reference")).toHaveText(reference);
  });

  test("admin sets the service hotline; the tracking page shows expected completion and the team's contact", async ({
    page,
    baseURL,
  }) => {
    await loginAs(page, "admin");
    await page.goto("/admin/setup");
    const card = page.getByTestId("service-contact");
    await card.getByLabel("服务热线").fill("95539");
    await card.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("服务热线已保存")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/setup-hotline-zh.png`, fullPage: true });

    const { reference } = await agentComplaintInProgress(2);
    const token = deriveTrackingToken(
      process.env.NEXTAUTH_SECRET ?? "e2e-session-secret-0123456789abcdefghij",
      reference,
    ).token;
    await page.context().clearCookies({ name: /next-auth/ });
    await page.goto(`/track/${token}`);
    const contact = page.getByTestId("tracking-contact");
    await expect(contact).toContainText("95539");
    await expect(contact).toContainText("电话客服组");
    await expect(page.getByTestId("tracking-expected")).toContainText("预计完成时间");
    await page.screenshot({ path: `${SHOTS}/tracking-zh.png`, fullPage: true });
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL ?? "http://localhost:3100" }]);
    await page.reload();
    await expect(page.getByTestId("tracking-contact")).toContainText("Service hotline");
    await page.screenshot({ path: `${SHOTS}/tracking-en.png`, fullPage: true });
  });
});
