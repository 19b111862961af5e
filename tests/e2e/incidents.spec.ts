import type { Page } from "@playwright/test";
import { expect, loginAs, test, withDb } from "./fixtures";

// Incident journey in Chinese, as the supervisor on duty: declare → first report → link the matching complaints →
// tell every customer → compensate by rule (the manager approves the total in one step, the supervisor issues one) →
// leave one complaint out → bulk resolve → recovered → review with an improvement action (manager) → close; the
// manager also sees the banner with the approved script on a linked complaint. Screenshots under
// test-results/e2e/incidents-*.png.

/** A flight with a handful of unlinked open complaints in the demo data: the incident's scope. */
async function disruptedFlight(): Promise<{ flight: string; count: number }> {
  return withDb(async (db) => {
    // At least two open ones, and one of them open in the supervisor's teams (compensation is proposed in one's scope).
    const { rows } = await db.query<{ flight: string; count: string }>(
      `SELECT c."flightNumber" AS flight, count(*) AS count FROM complaints c
       WHERE c."incidentId" IS NULL AND c."flightNumber" IS NOT NULL AND c.status NOT IN ('rejected', 'duplicate')
       GROUP BY 1
       HAVING count(*) FILTER (WHERE c.status IN ('new', 'acknowledged', 'in_progress')) >= 2
          AND count(*) FILTER (WHERE c.status IN ('new', 'acknowledged', 'in_progress') AND NOT EXISTS (SELECT 1 FROM compensations k WHERE k."complaintId" = c.id)
                                 AND c."teamId" IN (SELECT m."teamId" FROM team_memberships m JOIN users u ON u.id = m."userId" WHERE u.email = 'supervisor@skyline.example')) >= 1
       ORDER BY 2 ASC, 1 LIMIT 1`,
    );
    const row = rows[0];
    if (!row) throw new Error("no flight with open unlinked complaints in the demo data");
    return { flight: row.flight, count: Number(row.count) };
  });
}

async function waitForRun(page: Page, kind: "link" | "notify" | "resolve" | "compensate") {
  await expect(page.getByTestId(`run-${kind}`).first()).toHaveAttribute("data-status", "done", { timeout: 30_000 });
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/e2e/incidents-${name}.png`, fullPage: true });

test("a supervisor declares an incident, links, informs and resolves its complaints (zh-CN)", async ({ browser }) => {
  test.setTimeout(180_000);
  const { flight, count } = await disruptedFlight();
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await loginAs(page, "supervisor");

  await page.goto("/incidents");
  await expect(page.getByRole("heading", { name: "突发事件", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "宣布突发事件" }).click();

  // Validation first: no scope and no title.
  await page.getByRole("button", { name: "宣布", exact: true }).click();
  await expect(page.getByText("请至少填写一个航班、机场、产品、类别或关键词。")).toBeVisible();
  await expect(page.getByText("必填。").first()).toBeVisible();

  await page.getByLabel("级别").selectOption("L2");
  await expect(page.getByText("较大：大量旅客或一个枢纽受影响")).toBeVisible();
  await page.getByLabel("标题").fill(`${flight} 航班机械故障取消`);
  await page.getByLabel("影响评估").fill("约 300 名旅客受影响");
  await page.getByLabel("审定的客户话术").fill("非常抱歉，您的航班因机械故障取消，我们将为您免费改签或退票。");
  await page.getByLabel("航班号").fill(flight.toLowerCase());
  await page.getByLabel("投诉时间自").fill("2024-01-01T00:00");
  await shot(page, "declare");
  await page.getByRole("button", { name: "宣布", exact: true }).click();
  await expect(page.getByTestId("incident-page")).toBeVisible();
  await expect(page.getByTestId("incident-clock")).toContainText("首次报告");

  // The first report answers the 10-minute clock.
  await page.getByTestId("incident-report-body").fill("已启动不正常航班预案，改签退票通道已开放。");
  await page.getByRole("button", { name: "提交报告" }).click();
  await expect(page.getByTestId("incident-timeline")).toContainText("提交了情况报告");
  await expect(page.getByTestId("incident-clock")).toContainText("下次情况通报");

  // Link: the preview counts the matches, the job links them.
  await page.getByRole("button", { name: "查看匹配" }).click();
  await expect(page.getByTestId("link-count")).toHaveText(`匹配 ${count} 条投诉`);
  await page.getByRole("button", { name: `关联 ${count} 条投诉` }).click();
  await waitForRun(page, "link");
  await expect(page.getByTestId("incident-figures")).toContainText(String(count));
  // The list shows the linked complaints in the supervisor's scope (their teams'); the figures count them all.
  await expect(page.getByTestId("incident-complaints").getByRole("row").nth(1)).toBeVisible();
  expect(await page.getByTestId("incident-complaints").getByRole("row").count()).toBeLessThanOrEqual(count + 1);

  // One bilingual update, previewed per language, sent to every linked customer.
  const notify = page.getByTestId("incident-notify");
  await notify.getByLabel("主题（中文）").fill("{flight} 航班最新情况");
  await notify.getByLabel("主题（英文）").fill("Update on flight {flight}");
  await notify.getByLabel("正文（中文）").fill("{name}您好：{incident}，投诉编号 {reference}。");
  await notify.getByLabel("正文（英文）").fill("Dear {name}, about {reference}: we rebook or refund free of charge.");
  await expect(page.getByTestId("notify-preview-zh-CN")).toContainText(`${flight} 航班最新情况`);
  await expect(page.getByTestId("notify-preview-en")).toContainText("Dear Ms Li");
  await shot(page, "notify");
  await notify.getByRole("button", { name: `发送给 ${count} 位客户` }).click();
  await waitForRun(page, "notify");

  // Compensation by rule: the flight was 5 h late, so each qualifying complaint gets a 200 CNY voucher (the new rule's
  // defaults: a delay of at least 4 h → voucher 200 CNY).
  const rulesCard = page.getByTestId("incident-compensation-rules");
  await rulesCard.getByRole("button", { name: "添加规则" }).click();
  await rulesCard.getByRole("button", { name: "添加航班" }).click();
  await rulesCard.getByLabel("航班", { exact: true }).fill(flight);
  await rulesCard.getByLabel("延误（小时）").fill("5");
  await rulesCard.getByRole("button", { name: "保存规则" }).click();
  await expect(page.getByTestId("incident-timeline")).toContainText("修改了补偿规则");
  const compensation = page.getByTestId("incident-compensation");
  await compensation.getByRole("button", { name: "查看符合条件的投诉" }).click();
  await expect(page.getByTestId("compensation-preview")).toContainText(/\d+ 件投诉符合条件 · 合计 [\d,.]+ CNY/);
  await shot(page, "compensation");
  await compensation.getByRole("button", { name: /^为 \d+ 件投诉生成补偿提议$/ }).click();
  await waitForRun(page, "compensate");
  await expect(page.getByTestId("compensation-pending")).toContainText("须由其他审批人决定");

  // The manager approves the incident's proposals in one step; the supervisor then issues one of them.
  const incidentUrl = page.url();
  const managerContext = await browser.newContext({ locale: "zh-CN" });
  const managerPage = await managerContext.newPage();
  await loginAs(managerPage, "manager");
  await managerPage.goto(incidentUrl);
  await managerPage
    .getByTestId("compensation-pending")
    .getByRole("button", { name: /^全部批准 · / })
    .click();
  await expect(managerPage.getByTestId("compensation-pending")).toContainText("没有待审批的补偿");
  await page.reload();
  await page.getByTestId("compensation-to-issue").getByRole("button", { name: "标记已发放" }).first().click();
  await expect(page.getByTestId("incident-compensation-total")).toContainText("已发放");
  await shot(page, "compensated");

  // Leave the first complaint out, resolve the rest in bulk.
  const rows = page.getByTestId("incident-complaints").getByRole("row");
  const excludedReference = (await rows.nth(1).getByRole("link").textContent())?.trim() ?? "";
  await rows.nth(1).getByRole("button", { name: "排除" }).click();
  await expect(rows.nth(1)).toContainText("已排除");
  const resolve = page.getByTestId("incident-resolve");
  await resolve.getByLabel("根本原因").selectOption({ index: 1 });
  await resolve.getByLabel("处理结果说明（客户可见）").fill("航班因机械故障取消，已为您免费改签或全额退票。");
  page.once("dialog", (dialog) => void dialog.accept());
  await resolve.getByRole("button", { name: /^解决 \d+ 条投诉$/ }).click();
  await waitForRun(page, "resolve");
  await expect(page.getByTestId("incident-timeline")).toContainText("批量解决完成");
  await shot(page, "resolved");
  const statuses = await withDb(
    async (db) =>
      (
        await db.query<{ reference: string; status: string }>(
          `SELECT c.reference, c.status FROM complaints c JOIN incidents i ON i.id = c."incidentId" WHERE i.title = $1`,
          [`${flight} 航班机械故障取消`],
        )
      ).rows,
  );
  expect(statuses.find((row) => row.reference === excludedReference)?.status).not.toBe("resolved");
  expect(statuses.filter((row) => row.status === "resolved").length).toBeGreaterThan(0);

  // Whoever works a linked complaint sees the incident and its approved script.
  await managerPage.goto(`/complaints/${excludedReference}`);
  await expect(managerPage.getByTestId("incident-banner")).toContainText("非常抱歉，您的航班因机械故障取消");
  await managerPage.screenshot({ path: "test-results/e2e/incidents-banner.png" });

  // Recovered; closing waits for the review (复盘), which the manager writes with one improvement action.
  await page.getByRole("button", { name: "标记为已恢复" }).click();
  await expect(page.getByTestId("incident-review")).toBeVisible();
  await page.getByRole("button", { name: "关闭事件" }).click();
  await expect(page.getByText("请先完成复盘，再关闭突发事件。")).toBeVisible();
  await managerPage.goto(incidentUrl);
  const review = managerPage.getByTestId("incident-review-form");
  await review.getByLabel("经过概要").fill("宣布后 10 分钟内首次报告，当日完成通知、补偿和批量处理。");
  await review.getByLabel("做得好的").fill("统一话术和按规则补偿，客户当天得到答复。");
  await review.getByLabel("做得不好的").fill("机务备件调拨慢，航班延误超过 5 小时。");
  await review.getByRole("button", { name: "添加改进措施" }).click();
  await review.getByLabel("标题").fill("关键备件前置储备");
  await review.getByRole("button", { name: "保存复盘" }).click();
  await expect(managerPage.getByTestId("incident-review-actions")).toContainText("关键备件前置储备");
  await managerPage.screenshot({ path: "test-results/e2e/incidents-review.png", fullPage: true });

  // Now it closes, so later tests' complaints on this flight are not linked.
  await page.reload();
  await page.getByRole("button", { name: "关闭事件" }).click();
  await expect(page.getByTestId("incident-page")).toContainText("已关闭");
  await shot(page, "closed");
  await managerContext.close();
  await context.close();
});
