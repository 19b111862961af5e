// Dashboards: the manager's tiles and charts with URL filters and drill-down to the queue, the supervisor's team view,
// an export download, the monthly report, and an agent's own figures.
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

async function useLocale(page: Page, baseURL: string | undefined, locale: "en" | "zh-CN") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
}

test.describe("dashboards", () => {
  test("manager: a filter goes into the URL and a tile opens the queue with the same filters", async ({
    page,
    baseURL,
  }) => {
    await useLocale(page, baseURL, "en");
    await loginAs(page, "manager");
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
    await expect(page.getByTestId("dashboard-freshness")).toContainText("Data as of");
    await expect(page.getByTestId("kpi-tile-inflow")).toBeVisible();
    await expect(page.getByTestId("chart-flow")).toBeVisible();

    await page.getByLabel("Period").selectOption("90d");
    await expect(page).toHaveURL(/[?&]preset=90d/);
    const channel = page.getByTestId("dashboard-filter-channel");
    const value = await channel.locator("option").nth(1).getAttribute("value");
    await channel.selectOption(value ?? "");
    await expect(page).toHaveURL(new RegExp(`[?&]channel=${value}(&|$)`));
    await expect(page).toHaveURL(/[?&]preset=90d/);
    // The URL is the state: reloading it shows the same filters.
    await page.reload();
    await expect(page.getByTestId("dashboard-filter-channel")).toHaveValue(value ?? "");
    const tile = page.getByRole("link", { name: "Open the complaints behind Inflow" });
    await expect(tile).toHaveAttribute("href", new RegExp(`channel=${value}`));
    const inflow = Number(((await tile.textContent()) ?? "").replace(/[^\d]/g, ""));

    await tile.click();
    await expect(page).toHaveURL(/\/complaints\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get("kpi")).toBe("inflow");
    expect(url.searchParams.get("channel")).toBe(value);
    expect(url.searchParams.get("from")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByTestId("queue-drill-banner")).toBeVisible();
    if (inflow > 0) await expect(page.getByTestId("queue-row").first()).toBeVisible();
    else await expect(page.getByTestId("queue-row")).toHaveCount(0);
  });

  test("manager: a heatmap cell opens exactly the complaints created in that weekday and hour", async ({
    page,
    baseURL,
  }) => {
    await useLocale(page, baseURL, "en");
    await loginAs(page, "manager");
    await page.goto("/dashboard?preset=90d");
    const cells = page.getByTestId("chart-heatmap").locator('a[data-testid^="heatmap-cell-"]');
    await expect(cells).toHaveCount(7 * 24);
    // The first non-empty cell that fits on one queue page (25 rows), so the row count can be compared exactly.
    const labels = await cells.evaluateAll((links) =>
      links.map((link) => ({
        testId: link.getAttribute("data-testid") ?? "",
        label: link.getAttribute("aria-label") ?? "",
      })),
    );
    const target =
      labels
        .map(({ testId, label }) => ({ testId, count: Number(/– (\d+) complaints/.exec(label)?.[1] ?? 0) }))
        .find(({ count }) => count > 0 && count <= 25) ?? null;
    expect(target).not.toBeNull();
    const [, weekday, hour] = /heatmap-cell-(\d)-(\d+)/.exec(target!.testId)!;
    await page.getByTestId(target!.testId).click();
    await expect(page).toHaveURL(/\/complaints\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get("kpi")).toBe("inflow");
    expect(url.searchParams.get("dow")).toBe(weekday);
    expect(url.searchParams.get("hour")).toBe(hour);
    await expect(page.getByTestId("queue-drill-slot")).toContainText(
      `${hour!.padStart(2, "0")}:00–${hour!.padStart(2, "0")}:59`,
    );
    await expect(page.getByTestId("queue-row")).toHaveCount(target!.count);
  });

  test("manager: an export downloads a CSV with a BOM", async ({ page, baseURL }) => {
    await useLocale(page, baseURL, "en");
    await loginAs(page, "manager");
    await page.goto("/dashboard?preset=90d");
    const download = page.waitForEvent("download");
    await page.getByTestId("export-kpis-csv").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^kpis_.*\.csv$/);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    expect(text.startsWith("\uFEFFKPI,Unit,Value")).toBe(true);
    expect(text).toContain("Inflow");

    const xlsx = await page.request.get("/api/dashboard/export?table=categories&format=xlsx&preset=90d");
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  });

  test("manager: the monthly report renders in Chinese and is printable", async ({ page, baseURL }) => {
    await useLocale(page, baseURL, "zh-CN");
    await loginAs(page, "manager");
    await page.goto("/dashboard/report");
    await expect(page.getByRole("heading", { name: /月度报告/, level: 1 })).toBeVisible();
    await expect(page.getByTestId("report-summary")).toContainText("新增投诉");
    await expect(page.getByTestId("report-print")).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("aside").first()).toBeHidden();
  });

  test("supervisor: team view with the agents' table; the manager dashboard redirects there", async ({
    page,
    baseURL,
  }) => {
    await useLocale(page, baseURL, "en");
    await loginAs(page, "supervisor");
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/dashboard\/team/);
    await expect(page.getByRole("heading", { name: "Team performance", level: 1 })).toBeVisible();
    await page.getByLabel("Period").selectOption("90d");
    await expect(page).toHaveURL(/preset=90d/);
    await expect(page.getByTestId("agents-table")).toBeVisible();
    await expect(page.getByTestId("agents-table").getByRole("row").nth(1)).toBeVisible();
    const agents = await page.request.get("/api/dashboard/export?table=agents&format=csv&view=team&preset=90d");
    expect(agents.status()).toBe(200);
    expect(agents.headers()["content-disposition"]).toContain("agents_");
  });

  test("agent: own figures next to the team's; no export", async ({ page, baseURL }) => {
    await useLocale(page, baseURL, "en");
    await loginAs(page, "agent");
    await page.goto("/dashboard/me?preset=90d");
    await expect(page.getByRole("heading", { name: "My performance", level: 1 })).toBeVisible();
    await expect(page.getByTestId("me-vs-team")).toContainText("My teams");
    const response = await page.request.get("/api/dashboard/export?table=kpis&format=csv");
    expect(response.status()).toBe(403);
  });
});
