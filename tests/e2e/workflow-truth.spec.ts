import type { Browser } from "@playwright/test";
import { expect, loginAs, test, withDb } from "./fixtures";

// Issue 15 items 5, 6 and 7, in Chinese: a reply with unfilled placeholders cannot be sent, a customer without
// e-mail is offered a logged call, and a conflict names the other person's fields and keeps what the user typed.

/** A complaint of the demo agent, in progress (oldest first, skipping those the other specs use). */
async function agentComplaint(offset: number): Promise<{ reference: string; customerId: number }> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ reference: string; customerId: number }>(
      `SELECT c.reference, c."customerId" FROM complaints c JOIN users u ON u.id = c."assigneeId"
       WHERE u.email = 'agent@skyline.example' AND c.status = 'in_progress'
       ORDER BY c.id DESC LIMIT 1 OFFSET $1`,
      [offset],
    );
    const row = rows[0];
    if (!row) throw new Error("the demo agent has no complaint in progress");
    return row;
  });
}

async function agentPage(browser: Browser, reference: string) {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await loginAs(page, "agent");
  await page.goto(`/complaints/${reference}`);
  await expect(page.getByTestId("complaint-workspace")).toBeVisible();
  return { context, page };
}

test.describe("回复与冲突（中文）", () => {
  test.use({ locale: "zh-CN" });

  test("a reply still containing {{…}} cannot be sent and the composer names the placeholders", async ({ page }) => {
    const { reference, customerId } = await agentComplaint(0);
    await withDb((db) =>
      db.query(`UPDATE customers SET email = 'placeholder.test@example.com' WHERE id = $1`, [customerId]),
    );
    await loginAs(page, "agent");
    await page.goto(`/complaints/${reference}`);
    const composer = page.getByTestId("composer");
    await composer.getByRole("tab", { name: "回复客户" }).click();
    const body = composer.getByRole("textbox", { name: "回复内容" });
    await body.fill("尊敬的客户：经核实，原因是{{complaint.rootCause}}，补偿{{ compensation.amount }}元。");
    await expect(composer.getByTestId("composer-unfilled")).toContainText("complaint.rootCause、compensation.amount");
    await expect(composer.getByTestId("composer-submit")).toBeDisabled();
    await body.press("Control+Enter");
    await page.screenshot({ path: "test-results/e2e/placeholders-zh.png", fullPage: true });

    // Filled in, it goes out.
    await body.fill("尊敬的客户：经核实，原因是航班机械故障，补偿200元。");
    await expect(composer.getByTestId("composer-unfilled")).toBeHidden();
    await composer.getByTestId("composer-submit").click();
    await expect(page.getByTestId("timeline").locator('[data-kind="reply"]').last()).toContainText("航班机械故障");
    const unfilled = await withDb(async (db) => {
      const { rows } = await db.query<{ count: string }>(
        `SELECT count(*) FROM complaint_events e JOIN complaints c ON c.id = e."complaintId" WHERE c.reference = $1 AND e.body LIKE '%{{%'`,
        [reference],
      );
      return Number(rows[0]?.count ?? 0);
    });
    expect(unfilled).toBe(0);
  });

  test("a customer without e-mail or mobile number: the composer says so and logs the reply as a phone call", async ({
    page,
  }) => {
    const { reference, customerId } = await agentComplaint(1);
    await withDb((db) =>
      db.query(`UPDATE customers SET email = NULL, phone = '+86 10 6552 0000' WHERE id = $1`, [customerId]),
    );
    await loginAs(page, "agent");
    await page.goto(`/complaints/${reference}`);
    const composer = page.getByTestId("composer");
    await composer.getByRole("tab", { name: "回复客户" }).click();
    await composer.getByRole("textbox", { name: "回复内容" }).fill("已电话告知客户行李将于明日送达。");
    await expect(composer.getByTestId("composer-no-email")).toContainText("没有电子邮箱");
    await expect(composer.getByTestId("composer-submit")).toBeDisabled();
    await composer.getByTestId("composer-log-as-call").click();
    // The text is kept; outcome and duration are asked for.
    await expect(composer.getByRole("textbox", { name: "通话摘要" })).toHaveValue("已电话告知客户行李将于明日送达。");
    await expect(composer.getByTestId("composer-submit")).toBeDisabled();
    await composer.getByTestId("call-outcome").selectOption("reached");
    await composer.getByTestId("call-duration").fill("5");
    await page.screenshot({ path: "test-results/e2e/phone-only-zh.png", fullPage: true });
    await composer.getByTestId("composer-submit").click();
    await expect(page.getByTestId("timeline").locator('[data-kind="call"]').last()).toContainText("行李将于明日送达");
  });

  test("a conflict names the fields the other person changed and re-applies what the user typed after refresh", async ({
    browser,
  }) => {
    const { reference } = await agentComplaint(2);
    const first = await agentPage(browser, reference);
    const second = await agentPage(browser, reference);

    // Second tab opens the editor and types a flight number (not saved yet).
    await second.page.getByRole("button", { name: "编辑" }).click();
    const secondForm = second.page.getByTestId("edit-form");
    await secondForm.getByLabel("航班号").fill("MU5101");

    // First tab changes the subject meanwhile.
    await first.page.getByRole("button", { name: "编辑" }).click();
    await first.page.getByTestId("edit-subject").fill("行李延误五天仍未送达（已更新）");
    await first.page.getByTestId("edit-save").click();
    await expect(first.page.getByRole("dialog")).toBeHidden();

    // Second tab saves: refused, naming who changed which field, and saying the input is kept.
    await secondForm.getByTestId("edit-save").click();
    const notice = second.page.getByTestId("conflict-notice");
    await expect(notice.getByTestId("conflict-message")).toContainText("李娜");
    await expect(notice.getByTestId("conflict-message")).toContainText("主题");
    await expect(notice.getByTestId("conflict-kept")).toBeVisible();
    await second.page.screenshot({ path: "test-results/e2e/conflict-zh.png", fullPage: true });

    // Refresh: the fresh subject is shown and the flight number typed before is re-applied.
    await notice.getByRole("button", { name: "刷新" }).click();
    await expect(second.page.getByTestId("edit-reapplied")).toContainText("航班号");
    await expect(second.page.getByTestId("edit-subject")).toHaveValue("行李延误五天仍未送达（已更新）");
    await expect(second.page.getByTestId("edit-form").getByLabel("航班号")).toHaveValue("MU5101");
    await second.page.getByTestId("edit-save").click();
    await expect(second.page.getByRole("dialog")).toBeHidden();
    const saved = await withDb(async (db) => {
      const { rows } = await db.query<{ subject: string; flightNumber: string | null }>(
        `SELECT subject, "flightNumber" FROM complaints WHERE reference = $1`,
        [reference],
      );
      return rows[0];
    });
    expect(saved).toEqual({ subject: "行李延误五天仍未送达（已更新）", flightNumber: "MU5101" });

    await first.context.close();
    await second.context.close();
  });
});
