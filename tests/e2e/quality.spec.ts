import { expect, loginAs, test, withDb } from "./fixtures";

// Quality in Chinese: a supervisor scores a sampled case of the demo agent on the scorecard (timeline beside it), the
// agent sees the result and appeals once, a manager decides the appeal and reads the monthly appraisal sheet.
const SHOTS = "test-results/screens";

async function pendingInspectionOfDemoAgent(): Promise<number> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ id: number }>(
      `SELECT i.id FROM inspections i JOIN users u ON u.id = i."agentId" WHERE u.email = 'agent@skyline.example' AND i.status = 'pending' ORDER BY i.id LIMIT 1`,
    );
    if (!rows[0]) throw new Error("the demo agent has no pending inspection");
    return rows[0].id;
  });
}

test.describe.serial("quality inspection and appraisal (简体中文)", () => {
  test.use({ locale: "zh-CN" });
  let inspectionId = 0;

  test("supervisor scores a sampled case with the scorecard", async ({ page }) => {
    inspectionId = await pendingInspectionOfDemoAgent();
    await loginAs(page, "supervisor");
    await page.goto("/quality");
    await expect(page.getByRole("heading", { name: "服务质检" })).toBeVisible();
    await expect(page.getByTestId("inspection-row")).not.toHaveCount(0);
    await page.goto(`/quality/inspections/${inspectionId}`);
    await expect(page.getByTestId("inspection-status")).toHaveText("待质检");
    await expect(page.getByTestId("timeline-excerpts")).toContainText("创建");

    // Out of range first: the error sits beside the criterion, nothing is saved.
    const form = page.getByTestId("score-form-primary");
    const criteria = form.locator("[data-testid^=criterion-]");
    const count = await criteria.count();
    expect(count).toBe(7); // the scorecard's version 2 (with the critical privacy criterion)
    for (let index = 0; index < count; index += 1) await criteria.nth(index).locator("input[type=number]").fill("4");
    await form.getByTestId("points-attitude").fill("11");
    await form.getByTestId("score-submit").click();
    await expect(form.getByTestId("criterion-attitude")).toContainText("得分超出范围");

    await form.getByTestId("points-attitude").fill("6");
    await form.getByTestId("comment-attitude").fill("语气略显急躁，未先致歉");
    await form.getByTestId("points-privacy").fill("5");
    await expect(form.getByTestId("score-preview")).toContainText("预计总分");
    await page.screenshot({ path: `${SHOTS}/quality-scoring-zh.png`, fullPage: true });
    await form.getByTestId("score-submit").click();
    await expect(page.getByTestId("inspection-status")).toHaveText("已评分");
    await expect(page.getByTestId("inspection-result")).toContainText("语气略显急躁");
  });

  test("the agent sees the result in the bell and appeals once", async ({ page }) => {
    await loginAs(page, "agent");
    await page.goto("/notifications");
    await expect(page.locator('[data-kind="quality.result"]').first()).toContainText("已完成质检");
    await page.goto("/quality");
    await expect(page.getByTestId("quality-tab-mine")).toBeVisible();
    await page.goto(`/quality/inspections/${inspectionId}`);
    const appeal = page.getByTestId("appeal-form");
    await appeal.getByTestId("appeal-reason").fill("太短");
    await appeal.getByTestId("appeal-submit").click();
    await expect(appeal).toContainText("请至少写 10 个字说明理由");
    await appeal.getByTestId("appeal-reason").fill("客户来电时情绪激动，我先安抚后再致歉，录音可证，请复核态度项。");
    await appeal.getByTestId("appeal-submit").click();
    await expect(page.getByTestId("inspection-status")).toHaveText("申诉中");
    await expect(page.getByTestId("appeal-form")).toHaveCount(0); // once only
    await page.screenshot({ path: `${SHOTS}/quality-appeal-zh.png`, fullPage: true });
  });

  test("a manager decides the appeal and reads the monthly appraisal", async ({ page }) => {
    await loginAs(page, "manager");
    await page.goto(`/quality/inspections/${inspectionId}`);
    const decide = page.getByTestId("decide-form");
    await decide.getByTestId("decision-rejected").check();
    await decide.getByTestId("decide-comment").fill("复听录音，未先致歉属实，维持原分。");
    await decide.getByTestId("decide-submit").click();
    await expect(page.getByTestId("inspection-status")).toHaveText("已定案");
    await expect(page.getByTestId("appeal-decision")).toContainText("驳回申诉");

    await page.goto("/quality/appraisals");
    await expect(page.getByRole("heading", { name: "月度考核" })).toBeVisible();
    await expect(page.getByTestId("appraisal-team")).not.toHaveCount(0);
    await expect(page.getByTestId("appraisal-export-xlsx")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/quality-appraisals-zh.png`, fullPage: true });
    await page.getByTestId("appraisal-row").first().getByRole("link").click();
    await expect(page.getByTestId("appraisal-sheet")).toContainText("近 6 个月总分趋势");
    await expect(page.getByTestId("appraisal-total")).toHaveText(/\d/);
    await page.screenshot({ path: `${SHOTS}/quality-appraisal-sheet-zh.png`, fullPage: true });
  });
});
