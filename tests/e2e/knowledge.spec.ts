import { expect, loginAs, test, withDb } from "./fixtures";

// The knowledge base in Chinese: an agent inserts a script (话术) from a suggested article into the reply, a supervisor
// publishes an article someone else wrote, and a customer finds a public FAQ from the complaint form.
const SHOTS = "test-results/screens";

test.describe("knowledge base (简体中文)", () => {
  test.use({ locale: "zh-CN" });

  test("agent inserts a suggested script into the reply and marks an article helpful", async ({ page }) => {
    const reference = await withDb(async (db) => {
      const { rows } = await db.query<{ reference: string }>(
        `SELECT c.reference FROM complaints c JOIN users u ON u.id = c."assigneeId" JOIN categories cat ON cat.id = c."categoryId"
         WHERE u.email = 'agent@skyline.example' AND c.status = 'in_progress' AND cat.code = 'FLT' ORDER BY c.id LIMIT 1`,
      );
      if (!rows[0]) throw new Error("the demo agent has no flight complaint in progress");
      return rows[0].reference;
    });
    await loginAs(page, "agent");
    await page.goto(`/complaints/${reference}`);
    const suggested = page.getByTestId("suggested-articles");
    await expect(suggested.getByTestId("suggested-article")).not.toHaveCount(0);
    await expect(suggested.getByRole("link", { name: /延误补偿说明话术/ })).toHaveAttribute("href", /\/knowledge\/\d+/);

    const composer = page.getByTestId("composer");
    await composer.getByRole("button", { name: /插入回复.*延误补偿说明话术/ }).click();
    const body = composer.getByRole("textbox", { name: "回复内容" });
    await expect(body).toHaveValue(/经核查延误原因属于我司责任范围/);
    // The customer's name is filled in from the complaint; no {{customer.name}} is left for the agent.
    await expect(body).not.toHaveValue(/\{\{customer\.name\}\}/);
    await page.screenshot({ path: `${SHOTS}/knowledge-workspace-script-zh.png`, fullPage: true });

    const first = suggested.getByTestId("suggested-article").first();
    await first.getByRole("button", { name: "有帮助" }).click();
    await expect(first.getByRole("button", { name: "已记录，谢谢" })).toBeDisabled();
  });

  test("supervisor approves and publishes an article in review, recorded as approver", async ({ page }) => {
    const id = await withDb(async (db) => {
      const { rows } = await db.query<{ id: number }>(
        `SELECT id FROM knowledge_articles WHERE code = 'air-sop-bag-damaged' AND status = 'in_review'`,
      );
      if (!rows[0]) throw new Error("the seeded article in review is missing");
      return rows[0].id;
    });
    await loginAs(page, "supervisor");
    await page.goto("/knowledge?status=in_review");
    await page.getByRole("link", { name: "行李破损处理 SOP" }).click();
    await expect(page).toHaveURL(new RegExp(`/knowledge/${id}$`));
    await expect(page.getByTestId("article-status")).toHaveText("审核中");
    await page.getByRole("button", { name: "审批并发布" }).click();
    await expect(page.getByTestId("article-status")).toHaveText("已发布");
    await expect(page.getByTestId("article-published")).toContainText("由 王强 Wang Qiang");
    await page.screenshot({ path: `${SHOTS}/knowledge-published-zh.png`, fullPage: true });

    // Agents now find it by a two-character word.
    await page.context().clearCookies({ name: /next-auth/ });
    await loginAs(page, "agent");
    await page.goto(`/knowledge?q=${encodeURIComponent("破损")}`);
    await expect(page.getByRole("link", { name: "行李破损处理 SOP" })).toBeVisible();
  });

  test("the public complaint form links to the help centre, which lists and searches public FAQs", async ({ page }) => {
    await page.goto("/complaint");
    await page.getByTestId("complaint-help-link").getByRole("link", { name: "打开帮助中心" }).click();
    await expect(page).toHaveURL(/\/help$/);
    await expect(page.getByRole("heading", { name: "帮助中心" })).toBeVisible();
    await expect(page.getByText("免费行李额是多少？")).toBeVisible();
    // Internal SOPs are not public.
    await expect(page.getByText("行李延误处理 SOP")).toHaveCount(0);
    await page.getByTestId("help-search").fill("行李");
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page).toHaveURL(/q=/);
    await page.getByText("我的行李没有到达怎么办？").click();
    await expect(page.getByText("请在到达大厅的行李服务柜台登记")).toBeVisible();
    await expect(page.getByText("如何改签机票？")).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/knowledge-help-zh.png`, fullPage: true });
  });
});
