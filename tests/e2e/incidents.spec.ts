import type { Page } from "@playwright/test";
import { expect, loginAs, test, withDb } from "./fixtures";

// Incident journey in Chinese, as the supervisor on duty: declare → first report → link the matching complaints →
// tell every customer → leave one complaint out → bulk resolve; the agent then sees the banner with the approved
// script on a linked complaint. Screenshots under test-results/e2e/incidents-*.png.

/** A flight with a handful of unlinked open complaints in the demo data: the incident's scope. */
async function disruptedFlight(): Promise<{ flight: string; count: number }> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ flight: string; count: string }>(
      `SELECT "flightNumber" AS flight, count(*) AS count FROM complaints
       WHERE "incidentId" IS NULL AND "flightNumber" IS NOT NULL AND status NOT IN ('rejected', 'duplicate')
       GROUP BY 1 HAVING count(*) FILTER (WHERE status IN ('new', 'acknowledged', 'in_progress')) >= 2 ORDER BY 2 ASC, 1 LIMIT 1`,
    );
    const row = rows[0];
    if (!row) throw new Error("no flight with open unlinked complaints in the demo data");
    return { flight: row.flight, count: Number(row.count) };
  });
}

async function waitForRun(page: Page, kind: "link" | "notify" | "resolve") {
  await expect(page.getByTestId(`run-${kind}`).first()).toHaveAttribute("data-status", "done", { timeout: 30_000 });
}

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/e2e/incidents-${name}.png`, fullPage: true });

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
  const statuses = await withDb(async (db) => (await db.query<{ reference: string; status: string }>(`SELECT c.reference, c.status FROM complaints c JOIN incidents i ON i.id = c."incidentId" WHERE i.title = $1`, [`${flight} 航班机械故障取消`])).rows);
  expect(statuses.find((row) => row.reference === excludedReference)?.status).not.toBe("resolved");
  expect(statuses.filter((row) => row.status === "resolved").length).toBeGreaterThan(0);

  // The agent working a linked complaint sees the incident and its approved script.
  const agentContext = await browser.newContext({ locale: "zh-CN" });
  const agentPage = await agentContext.newPage();
  await loginAs(agentPage, "manager");
  await agentPage.goto(`/complaints/${excludedReference}`);
  await expect(agentPage.getByTestId("incident-banner")).toContainText("非常抱歉，您的航班因机械故障取消");
  await agentPage.screenshot({ path: "test-results/e2e/incidents-banner.png" });

  // Close it, so later tests' complaints on this flight are not linked.
  await page.getByRole("button", { name: "关闭事件" }).click();
  await expect(page.getByTestId("incident-page")).toContainText("已关闭");
  await agentContext.close();
  await context.close();
});
