// KPI targets (issue 15): a manager changes a target on /admin/kpi in Chinese; the dashboard judges the figure against
// it at once; a value out of range is refused next to its field. Screenshot of the page for review.
import { expect, loginAs, test } from "./fixtures";

test("manager: sets the CSAT target in zh-CN and the dashboard tile uses it", async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL ?? "http://localhost:3100" }]);
  await loginAs(page, "manager");
  await page.goto("/admin/kpi");
  await expect(page.getByRole("heading", { name: "KPI 目标", level: 1 })).toBeVisible();
  const csat = page.getByLabel("满意度（4–5 分占比）下限（%）");
  await expect(csat).toHaveValue("85"); // the airline template's target

  await csat.fill("150");
  await page.getByTestId("kpi-settings-save").click();
  await expect(page.getByText("请输入允许范围内的数字。")).toBeVisible();

  await csat.fill("92");
  await page.getByTestId("kpi-settings-save").click();
  await expect(page.getByText("KPI 目标已保存")).toBeVisible();
  await page.screenshot({ path: "test-results/kpi-targets-zh-CN.png", fullPage: true });

  await page.goto("/dashboard");
  await expect(page.getByTestId("kpi-tile-csat")).toContainText("目标 92%");
  await expect(page.getByTestId("kpi-tile-csatMean")).toContainText("百分制");
  await expect(page.getByTestId("kpi-tile-recommendation")).toContainText("目标 20%");

  // Put the template's value back for the other journeys.
  await page.goto("/admin/kpi");
  await page.getByLabel("满意度（4–5 分占比）下限（%）").fill("85");
  await page.getByTestId("kpi-settings-save").click();
  await expect(page.getByText("KPI 目标已保存")).toBeVisible();
});
